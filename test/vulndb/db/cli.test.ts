// `mamori db import|status|update` through the built CLI, as a user runs them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { built, notBuiltMessage, repoRoot, runCli, tempHome } from "../../helpers/cli.js";
import { osv, writeTree } from "./fixtures.js";

if (!built) console.warn(`skipping the db CLI tests: ${notBuiltMessage}`);

describe.skipIf(!built)("mamori db", () => {
  let home: ReturnType<typeof tempHome>;
  beforeAll(() => {
    home = tempHome();
  });
  afterAll(() => home.cleanup());
  const env = () => ({ MAMORI_HOME: home.home, HTTP_PROXY: "", HTTPS_PROXY: "", http_proxy: "", https_proxy: "" });

  it("status before any import: exit 2, one line telling how to build the database", () => {
    const r = runCli(["db", "status"], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*vulndb\.db: no vulnerability database here\nhint: run `mamori db update`/);
  });

  it("import without anything to import: exit 2", () => {
    const r = runCli(["db", "import"], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: db import: name an OSV source (a directory, a zip or a file), or give --kev FILE or --epss FILE\n");
  });

  it("imports the demo advisories and KEV list, then reports status", () => {
    const r = runCli(["db", "import", join(repoRoot, "demo", "osv"), "--kev", join(repoRoot, "demo", "kev.json")], { env: env() });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^imported 7 records \(0 updated, 0 unchanged, 0 withdrawn, 0 skipped\) in \d+\.\d s\nimported 2 KEV entries\n$/);

    const s = runCli(["db", "status", "--format", "json"], { env: env() });
    expect(s.code).toBe(0);
    const status = JSON.parse(s.stdout);
    expect(status).toMatchObject({ totalRecords: 7, kevEntries: 2, epssEntries: 0, stale: false, ageDays: 0 });
    expect(status.ecosystems.map((e: { ecosystem: string }) => e.ecosystem)).toEqual(["Debian", "Go", "Maven", "PyPI", "npm"]);

    const t = runCli(["db", "status"], { env: env() });
    expect(t.stdout).toMatch(/^records {4}7$/m);
    expect(t.stdout).toMatch(/^Debian {6}\s+2 {2}2024-01-15T00:00:00Z$/m);
  });

  it("lists skipped files on stderr and an EPSS import on stdout, into --db", () => {
    const dir = join(home.home, "feed");
    writeTree(dir, { "A-1.json": osv("A-1"), "README.md": "# x" });
    const csv = join(home.home, "epss.csv");
    writeFileSync(csv, "#model_version:v1,score_date:2024-03-01T00:00:00+0000\ncve,epss,percentile\nCVE-2021-44228,0.9,0.99\n");
    const r = runCli(["db", "import", dir, "--epss", csv, "--db", join(home.home, "other.db")], { env: env() });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`skipped ${join(dir, "README.md")}: not an OSV file (expected .json, .yaml or .yml)\n`);
    expect(r.stdout).toMatch(/^imported 1 records \(0 updated, 0 unchanged, 0 withdrawn, 1 skipped\) in [\d.]+ s\nimported 1 EPSS scores \(scored 2024-03-01\)\n$/);
  });

  it("update from an unreachable source: exit 2 and one line", async () => {
    const closed = createServer();
    await new Promise<void>((ok) => closed.listen(0, "127.0.0.1", ok));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((ok) => closed.close(ok));
    const r = runCli(["db", "update", "--source", `http://127.0.0.1:${port}`, "--ecosystem", "npm"], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `error: db update: cannot reach http://127.0.0.1:${port}/npm/all.zip: connection refused (offline? set HTTPS_PROXY, or import a downloaded all.zip with mamori db import)\n`,
    );
  });
});
