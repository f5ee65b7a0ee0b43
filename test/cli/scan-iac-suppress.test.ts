// Suppression as users meet it through the built CLI: Mamori's own comments (line, block, file),
// and peer tools' comments only with --honor-peer-skips; suppressed findings stay in the report.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type * as Sarif from "sarif";
import { afterAll, describe, expect, it } from "vitest";
import type { Finding, Report } from "../../src/core/model.js";
import { built, notBuiltMessage, runCli, tempHome } from "../helpers/cli.js";

const { home, cleanup } = tempHome();
const env = { MAMORI_HOME: home };
const work = mkdtempSync(join(tmpdir(), "mamori-suppress-cli-"));
afterAll(() => {
  cleanup();
  rmSync(work, { recursive: true, force: true });
});

const DIR = "test/fixtures/suppress";

function scan(...extra: string[]): Finding[] {
  const r = runCli(["scan", "iac", DIR, "--no-store", "-f", "json", ...extra], { env });
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as Report).findings;
}

const find = (fs: Finding[], ruleId: string, file: string) => fs.find((f) => f.ruleId === ruleId && f.location.path === `${DIR}/${file}`);

describe.skipIf(!built)(`scan iac suppressions${built ? "" : ` (skipped: ${notBuiltMessage})`}`, () => {
  it("honours Mamori's own comments, the file-level one included", () => {
    const fs = scan();
    expect(find(fs, "MAM-AWS-007", "main.tf")?.suppressed).toEqual({ reason: "reached through the VPN only", source: `inline:${DIR}/main.tf:16` });
    expect(find(fs, "MAM-DF-004", "Dockerfile")?.suppressed).toEqual({ reason: "the base image is pinned by the build system", source: `inline:${DIR}/Dockerfile:1` });
    expect(find(fs, "MAM-DF-017", "Dockerfile")?.suppressed).toBeUndefined();
  });

  it("leaves peer comments alone without --honor-peer-skips", () => {
    const fs = scan();
    for (const [rule, file] of [["MAM-AWS-001", "main.tf"], ["MAM-K8S-002", "pod.yaml"]] as const) expect(find(fs, rule, file)?.suppressed).toBeUndefined();
  });

  it("maps Checkov, Trivy and annotation skips onto findings through references", () => {
    const fs = scan("--honor-peer-skips");
    expect(find(fs, "MAM-AWS-001", "main.tf")?.suppressed).toEqual({ reason: "checkov: the bucket serves the public website", source: `inline:${DIR}/main.tf:2` });
    const scratch = fs.filter((f) => f.ruleId === "MAM-AWS-004" && f.location.address === "aws_s3_bucket.scratch");
    expect(scratch.map((f) => f.suppressed?.source)).toEqual([`inline:${DIR}/main.tf:7`]);
    // The site bucket's versioning finding is not named by any comment.
    expect(fs.find((f) => f.ruleId === "MAM-AWS-004" && f.location.address === "aws_s3_bucket.site")?.suppressed).toBeUndefined();
    expect(find(fs, "MAM-K8S-002", "pod.yaml")?.suppressed).toEqual({ reason: "checkov: ping needs setuid", source: `inline:${DIR}/pod.yaml:6` });
    expect(find(fs, "MAM-K8S-014", "pod.yaml")?.suppressed).toBeUndefined();
  });

  it("a comment on a module call covers the resources of that call only", () => {
    mkdirSync(join(work, "modules", "db"), { recursive: true });
    writeFileSync(
      join(work, "main.tf"),
      '# mamori:ignore MAM-AWS-007 the vendor\'s module, reviewed\nmodule "db" {\n  source = "./modules/db"\n}\n\nmodule "db2" {\n  source = "./modules/db"\n}\n',
    );
    writeFileSync(join(work, "modules", "db", "main.tf"), 'resource "aws_db_instance" "this" {\n  publicly_accessible = true\n  storage_encrypted   = true\n}\n');
    const r = runCli(["scan", "iac", ".", "--no-store", "-f", "json"], { env, cwd: work });
    const public_ = (JSON.parse(r.stdout) as Report).findings.filter((f) => f.ruleId === "MAM-AWS-007");
    expect(public_.map((f) => [f.location.address, f.suppressed?.source])).toEqual([
      ["module.db.aws_db_instance.this", "inline:main.tf:1"],
      ["module.db2.aws_db_instance.this", undefined],
    ]);
  });

  it("marks them suppressed in SARIF, in source", () => {
    const r = runCli(["scan", "iac", DIR, "--no-store", "-f", "sarif", "--honor-peer-skips"], { env });
    const results = (JSON.parse(r.stdout) as Sarif.Log).runs[0]!.results!;
    const k8s = results.find((x) => x.ruleId === "MAM-K8S-002");
    expect(k8s?.suppressions).toEqual([expect.objectContaining({ kind: "inSource", justification: "checkov: ping needs setuid" })]);
  });
});
