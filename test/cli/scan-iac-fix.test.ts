// `scan iac --fix` through the built CLI, on copies in a temp dir: diff prints a patch and changes
// nothing; write applies it in place; suppressed findings and files without fixes stay as they were.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/core/model.js";
import { built, notBuiltMessage, runCli, tempHome } from "../helpers/cli.js";

const { home, cleanup } = tempHome();
const env = { MAMORI_HOME: home };
const work = mkdtempSync(join(tmpdir(), "mamori-fix-cli-"));
afterAll(() => {
  cleanup();
  rmSync(work, { recursive: true, force: true });
});

const FILES: Record<string, string> = {
  "pod.yaml": `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: registry.example.com/api:1.8.2
      securityContext:
        privileged: true
    - name: side
      image: registry.example.com/side:1.0.0
`,
  "main.tf": `resource "aws_db_instance" "orders" {
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  publicly_accessible = true
  storage_encrypted   = true
}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
}

resource "aws_ebs_volume" "logs" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = false # mamori:ignore MAM-AWS-012 scratch data only
}
`,
  "Dockerfile": `FROM debian:12-slim
RUN apt-get update \\
 && apt-get install -y python3=3.11.2-1+b1 \\
 && rm -rf /var/lib/apt/lists/*
USER app
`,
  "README.md": "not IaC\n",
};

/** A fresh copy of the files in its own directory. */
function copy(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(FILES)) writeFileSync(join(dir, file), text);
  chmodSync(join(dir, "main.tf"), 0o600);
  return dir;
}

const read = (dir: string) => Object.fromEntries(Object.keys(FILES).map((f) => [f, readFileSync(join(dir, f), "utf8")]));

describe.skipIf(!built)(`scan iac --fix${built ? "" : ` (skipped: ${notBuiltMessage})`}`, () => {
  it("--fix prints a unified diff, sends the report to stderr and changes nothing", () => {
    const dir = copy("diff");
    const r = runCli(["scan", "iac", ".", "--no-store", "--fix", "--format", "json"], { env, cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(read(dir)).toEqual(FILES);
    const diff = r.stdout;
    expect(diff).toContain("--- a/main.tf\n+++ b/main.tf\n");
    expect(diff).toContain("-  publicly_accessible = true\n+  publicly_accessible = false\n");
    expect(diff).toContain("+  encrypted = true\n");
    // The suppressed finding is not fixed.
    expect(diff).not.toContain("scratch data only");
    expect(diff).toContain("+        privileged: false\n");
    expect(diff).toContain("+      securityContext:\n+        readOnlyRootFilesystem: true\n+        allowPrivilegeEscalation: false\n");
    expect(diff).toContain("+ && apt-get install --no-install-recommends -y python3=3.11.2-1+b1 \\\n");
    // The report went to stderr, whole.
    const json = r.stderr.slice(r.stderr.indexOf("{"), r.stderr.lastIndexOf("}") + 1);
    expect((JSON.parse(json) as Report).findings.length).toBeGreaterThan(5);
    expect(r.stderr).toMatch(/fix: can fix \d+ finding\(s\) in 3 file\(s\)/);
    // The diff applies with patch and gives what --fix=write writes.
    const patched = copy("patched");
    execFileSync("patch", ["-s", "-p1", "-d", patched], { input: diff });
    const written = copy("compare");
    expect(runCli(["scan", "iac", ".", "--no-store", "--fix=write", "-q"], { env, cwd: written }).code).toBe(0);
    expect(read(patched)).toEqual(read(written));
  });

  it("--fix=diff with --output writes the report there", () => {
    const dir = copy("output");
    const r = runCli(["scan", "iac", ".", "--no-store", "--fix=diff", "-f", "json", "-o", "report.json", "-q"], { env, cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith("--- a/")).toBe(true);
    expect((JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as Report).findings.length).toBeGreaterThan(5);
  });

  it("--fix=write fixes in place, keeps the file mode, and a rescan no longer reports what it fixed", () => {
    const dir = copy("write");
    const before = (JSON.parse(runCli(["scan", "iac", ".", "--no-store", "-f", "json"], { env, cwd: dir }).stdout) as Report).findings;
    const r = runCli(["scan", "iac", ".", "--no-store", "--fix=write", "-f", "json"], { env, cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    // The report is the scan's, before fixing, on stdout as usual.
    expect((JSON.parse(r.stdout) as Report).findings.length).toBe(before.length);
    expect(r.stderr).toMatch(/fix: fixed (\d+) finding\(s\) in 3 file\(s\)/);
    const fixedCount = Number(/fix: fixed (\d+)/.exec(r.stderr)?.[1]);
    const after = (JSON.parse(runCli(["scan", "iac", ".", "--no-store", "-f", "json"], { env, cwd: dir }).stdout) as Report).findings;
    expect(before.length - after.length).toBe(fixedCount);
    const gone = new Set(before.map((f) => f.id));
    for (const f of after) gone.delete(f.id);
    expect([...new Set(before.filter((f) => gone.has(f.id)).map((f) => f.ruleId))].sort()).toEqual(["MAM-AWS-007", "MAM-AWS-012", "MAM-DF-009", "MAM-K8S-001", "MAM-K8S-002", "MAM-K8S-014"]);
    expect(after.find((f) => f.ruleId === "MAM-AWS-012")?.suppressed?.reason).toBe("scratch data only");
    expect(statSync(join(dir, "main.tf")).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, "README.md"), "utf8")).toBe(FILES["README.md"]);
  });

  it("fixes a single named file, and leaves alone what only the rest of the project shows", () => {
    const dir = join(work, "single");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "variables.tf"), 'variable "public" {\n  default = true\n}\n');
    const rds = 'resource "aws_db_instance" "a" {\n  publicly_accessible = var.public\n}\nresource "aws_db_instance" "b" {\n  publicly_accessible = true\n}\n';
    writeFileSync(join(dir, "rds.tf"), rds);
    const all = runCli(["scan", "iac", ".", "--no-store", "--fix=write", "-f", "json", "-o", "r.json"], { env, cwd: dir });
    expect(all.code, all.stderr).toBe(0);
    expect(readFileSync(join(dir, "rds.tf"), "utf8")).toBe(rds.replace("publicly_accessible = true", "publicly_accessible = false"));
    expect(all.stderr).toMatch(/fix: fixed 1 finding\(s\) in 1 file\(s\)/);
    writeFileSync(join(dir, "rds.tf"), rds);
    const one = runCli(["scan", "iac", join(dir, "rds.tf"), "--no-store", "--fix=write", "-q"], { env });
    expect(one.code, one.stderr).toBe(0);
    expect(readFileSync(join(dir, "rds.tf"), "utf8")).toBe(rds.replace("publicly_accessible = true", "publicly_accessible = false"));
  });

  it("without --fix nothing is ever written, and standard input cannot be fixed", () => {
    const dir = copy("none");
    runCli(["scan", "iac", ".", "--no-store", "-q"], { env, cwd: dir });
    expect(read(dir)).toEqual(FILES);
    const r = runCli(["scan", "iac", "-", "--no-store", "--fix", "--input-format", "terraform"], { env, input: FILES["main.tf"] });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--fix: standard input cannot be fixed");
  });

  it("refuses an unknown mode", () => {
    const r = runCli(["scan", "iac", ".", "--fix=apply"], { env, cwd: copy("mode") });
    expect(r.code).toBe(2);
  });
});
