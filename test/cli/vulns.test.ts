// The vulnerability database and `scan sbom` as users run them, on the demo estate.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/core/model.js";
import { built, notBuiltMessage, repoRoot, runCli } from "../helpers/cli.js";

let work: string;
let db: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "mamori-vulns-"));
  db = join(work, "vulndb.db");
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sbom = join(repoRoot, "demo", "sbom", "storefront.cdx.json");

describe.skipIf(!built)(`vulnerability database and scan sbom${built ? "" : ` (skipped: ${notBuiltMessage})`}`, () => {
  it("scan sbom without a database says how to make one, exit 2", () => {
    const r = runCli(["scan", "sbom", sbom, "--db", join(work, "none.db"), "--no-store"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/none\.db: no vulnerability database; create one with `mamori db import/);
  });

  it("db import reads the demo's OSV JSON and YAML records and the KEV list; status shows them", () => {
    const r = runCli(["db", "import", "demo/osv", "--db", db, "--kev", "demo/kev.json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toMatch(/imported 7 records/);
    const again = runCli(["db", "import", "demo/osv", "--db", db]);
    expect(again.stdout).toMatch(/^imported 0 records \(0 updated, 7 unchanged, 0 withdrawn, 0 skipped\)/);
    const status = runCli(["db", "status", "--db", db, "--format", "json"]);
    expect(status.code).toBe(0);
    const s = JSON.parse(status.stdout) as { totalRecords: number; kevEntries: number; ecosystems: { ecosystem: string; records: number }[] };
    expect(s.totalRecords).toBe(7);
    expect(s.kevEntries).toBe(2);
    expect(s.ecosystems.map((e) => e.ecosystem)).toEqual(expect.arrayContaining(["npm", "PyPI", "Go", "Maven", "Debian"]));
  });

  it("scan sbom finds exactly the demo's vulnerable packages, with fixes, KEV and reasons", () => {
    const r = runCli(["scan", "sbom", sbom, "--db", db, "--no-store", "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.targets).toEqual([{ type: "sbom", name: sbom }]);
    expect(report.packages?.length).toBe(9);
    const byPkg = Object.fromEntries(report.findings.map((f) => [`${f.package?.name}@${f.package?.version}`, f]));
    expect(Object.keys(byPkg).sort()).toEqual(
      ["golang.org/x/net@v0.7.0", "libssl3@3.0.11-1~deb12u1", "lodash@4.17.20", "minimist@1.2.5", "org.apache.logging.log4j:log4j-core@2.14.1", "requests@2.28.1", "tar@1.34+dfsg-1.2"].sort(),
    );
    expect(report.findings).toHaveLength(7);
    const log4j = report.findings.find((f) => f.package?.name.endsWith("log4j-core"))!;
    expect(log4j.ruleId).toBe("CVE-2021-44228");
    expect(log4j.vulnerability).toMatchObject({ aliases: ["GHSA-jfh8-c2jp-5v3q"], fixedVersions: expect.arrayContaining(["2.15.0"]), kev: true });
    expect(log4j.severity).toBe("critical");
    const ssl = byPkg["libssl3@3.0.11-1~deb12u1"]!;
    expect(ssl.vulnerability?.fixedVersions).toEqual(["3.0.11-1~deb12u2"]);
    expect(byPkg["lodash@4.17.20"]!.vulnerability?.fixedVersions).toEqual(["4.17.21"]);
    // requests 2.28.1 is inside 2.3.0–2.31.0: affected; zlib has no record: not reported.
    expect(report.findings.some((f) => f.package?.name === "requests")).toBe(true);
    expect(report.findings.some((f) => f.package?.name === "zlib1g")).toBe(false);
    for (const f of report.findings) {
      expect(f.kind).toBe("vulnerability");
      expect(f.message).toMatch(/range|version|fix/i);
    }
  });

  it("--ignore-unfixed leaves out what has no fix; --fail-on gates", () => {
    const all = JSON.parse(runCli(["scan", "sbom", sbom, "--db", db, "--no-store", "--format", "json"]).stdout) as Report;
    const fixedOnly = JSON.parse(runCli(["scan", "sbom", sbom, "--db", db, "--no-store", "--format", "json", "--ignore-unfixed"]).stdout) as Report;
    expect(all.findings.some((f) => f.package?.name === "tar")).toBe(true);
    expect(fixedOnly.findings.some((f) => f.package?.name === "tar")).toBe(false);
    expect(fixedOnly.findings.length).toBe(all.findings.length - 1);
    expect(runCli(["scan", "sbom", sbom, "--db", db, "--no-store", "--fail-on", "critical", "-o", "/dev/null"]).code).toBe(1);
  });

  it("--vex marks not-affected findings suppressed, with the justification", () => {
    const vex = join(work, "vex.json");
    writeFileSync(
      vex,
      JSON.stringify({
        "@context": "https://openvex.dev/ns/v0.2.0",
        "@id": "https://example.com/vex/1",
        author: "storefront team",
        timestamp: "2026-11-01T00:00:00Z",
        version: 1,
        statements: [
          {
            vulnerability: { name: "CVE-2021-23337" },
            products: [{ "@id": "pkg:npm/lodash" }],
            status: "not_affected",
            justification: "vulnerable_code_not_in_execute_path",
          },
        ],
      }),
    );
    const report = JSON.parse(runCli(["scan", "sbom", sbom, "--db", db, "--no-store", "--format", "json", "--vex", vex]).stdout) as Report;
    const lodash = report.findings.find((f) => f.package?.name === "lodash");
    expect(lodash?.suppressed?.reason).toMatch(/not_affected.*vulnerable_code_not_in_execute_path/);
    expect(lodash?.suppressed?.source).toMatch(/^vex:/);
  });

  it("a scan warns when the database is older than 7 days", () => {
    const old = join(work, "old.db");
    expect(runCli(["db", "import", "demo/osv", "--db", old]).code).toBe(0);
    const conn = new Database(old);
    conn.prepare("UPDATE meta SET value = ? WHERE key = 'imported_at'").run("2026-01-01T00:00:00.000Z");
    conn.close();
    const r = runCli(["scan", "sbom", sbom, "--db", old, "--no-store", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: .*old\.db: the vulnerability database is older than 7 days \(imported 2026-01-01/);
    const fresh = runCli(["scan", "sbom", sbom, "--db", db, "--no-store", "--format", "json"]);
    expect(fresh.stderr).not.toMatch(/older than 7 days/);
  });

  it("bad input: a non-SBOM file, a corrupt zip", () => {
    const r = runCli(["scan", "sbom", "package.json", "--db", db, "--no-store"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^error: package\.json: not a CycloneDX/);
    const zip = join(work, "bad.zip");
    writeFileSync(zip, Buffer.from("PK\u0003\u0004 this is not really a zip"));
    const z = runCli(["db", "import", zip, "--db", join(work, "z.db")]);
    expect(z.code).toBe(2);
    expect(z.stderr.trim().split("\n")).toHaveLength(1);
    expect(z.stderr).toMatch(/bad\.zip/);
    expect(existsSync(db)).toBe(true);
    expect(readFileSync(db).length).toBeGreaterThan(0);
  });
});
