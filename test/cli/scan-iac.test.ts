// `mamori scan iac` as users run it: real files, the built CLI, every output format.
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { Ajv } from "ajv";
import Database from "better-sqlite3";
import type * as Sarif from "sarif";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/core/model.js";
import { built, notBuiltMessage, repoRoot, runCli, tempHome } from "../helpers/cli.js";

const require = createRequire(import.meta.url);
const { home, cleanup } = tempHome();
const env = { MAMORI_HOME: home };
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "mamori-scan-"));
});
afterAll(() => {
  cleanup();
  rmSync(work, { recursive: true, force: true });
});

/** A fresh directory under the test's work dir. */
function dir(name: string): string {
  const d = join(work, name);
  mkdirSync(d, { recursive: true });
  return d;
}

const demoDockerfile = readFileSync(join(repoRoot, "demo", "Dockerfile"), "utf8").split("\n");
const lineOf = (text: string): number => demoDockerfile.findIndex((l) => l.startsWith(text)) + 1;
const DEMO_SECRET = "s3cr3t-Pa55w0rd-demo";

function sarifValidator(): (log: unknown) => boolean {
  const schema = JSON.parse(readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8")) as Record<string, unknown>;
  const { $schema: _s, id: _id, ...rest } = schema;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
  const validate = ajv.compile(rest);
  return (log) => {
    const ok = validate(log) as boolean;
    if (!ok) console.error(validate.errors);
    return ok;
  };
}

describe.skipIf(!built)(`mamori scan iac${built ? "" : ` (skipped: ${notBuiltMessage})`}`, () => {
  it("gives valid SARIF with the correct lines for demo/Dockerfile", () => {
    const r = runCli(["scan", "iac", "demo/Dockerfile", "--format", "sarif", "--no-store"], { env });
    expect(r.code).toBe(0);
    const log = JSON.parse(r.stdout) as Sarif.Log;
    expect(sarifValidator()(log)).toBe(true);
    const results = log.runs[0]!.results!;
    const at = (ruleId: string) => results.filter((x) => x.ruleId === ruleId).map((x) => x.locations![0]!.physicalLocation!.region!.startLine);
    expect(at("MAM-DF-004")).toEqual([lineOf("FROM node:latest")]);
    expect(at("MAM-DF-005")).toEqual([lineOf("ENV DB_PASSWORD")]);
    expect(at("MAM-DF-013")).toEqual([lineOf("RUN curl -fsSL")]);
    expect(at("MAM-DF-002")).toEqual([lineOf("ADD https://")]);
    expect(at("MAM-DF-016")).toEqual([lineOf("RUN chmod -R 777")]);
    expect(at("MAM-DF-015")).toEqual([lineOf("EXPOSE 22")]);
    for (const res of results) expect(res.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe("demo/Dockerfile");
    const rules = log.runs[0]!.tool.driver.rules!;
    expect(rules.map((x) => x.id)).toEqual(expect.arrayContaining(["MAM-DF-004", "MAM-DF-005"]));
    for (const rule of rules) expect(rule.help?.text).toBeTruthy();
  });

  it("never shows or stores a secret it found, in any format", () => {
    for (const format of ["table", "json", "sarif", "junit", "html"]) {
      const r = runCli(["scan", "iac", "demo", "--format", format], { env });
      expect(r.code).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(100);
      expect(r.stdout).not.toContain(DEMO_SECRET);
      expect(r.stderr).not.toContain(DEMO_SECRET);
    }
    const db = readFileSync(join(home, "mamori.db"));
    expect(db.includes(Buffer.from(DEMO_SECRET))).toBe(false);
    expect(existsSync(join(home, "mamori.db-wal")) ? readFileSync(join(home, "mamori.db-wal")).includes(Buffer.from(DEMO_SECRET)) : false).toBe(false);
  });

  it("runs the secret scanner's provider rules on IaC files, redacted", () => {
    const d = dir("iac-secret");
    const token = ["ghp_", "Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2"].join("");
    writeFileSync(join(d, "Dockerfile"), `FROM debian:12.5\nRUN git clone https://${token}@github.com/acme/app.git\nUSER 10001\n`);
    const r = runCli(["scan", "iac", d, "--no-store", "--format", "json"], { env });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    const secret = report.findings.filter((f) => f.kind === "secret");
    expect(secret).toHaveLength(1);
    expect(secret[0]?.location.startLine).toBe(2);
    expect(r.stdout).not.toContain(token);
  });

  describe("the store", () => {
    it("scanning the same target twice stores one asset, and the second run reports nothing new", () => {
      const d = dir("twice");
      copyFileSync(join(repoRoot, "demo", "Dockerfile"), join(d, "Dockerfile"));
      const store = `sqlite:${join(d, "..", "twice.db")}`;
      const first = JSON.parse(runCli(["scan", "iac", d, "--format", "json", "--store", store]).stdout) as Report;
      expect(first.history?.newCount).toBe(first.findings.length);
      expect(first.findings.every((f) => f.isNew === true)).toBe(true);
      const second = JSON.parse(runCli(["scan", "iac", d, "--format", "json", "--store", store]).stdout) as Report;
      expect(second.history).toMatchObject({ newCount: 0, fixedCount: 0 });
      expect(second.findings.map((f) => f.id).sort()).toEqual(first.findings.map((f) => f.id).sort());
      expect(second.findings.every((f) => f.isNew === false && f.firstSeen === first.findings.find((g) => g.id === f.id)?.firstSeen)).toBe(true);

      // Unrelated edits that move every line keep every id: still nothing new.
      writeFileSync(join(d, "Dockerfile"), `# a new header comment\n\n\n${readFileSync(join(d, "Dockerfile"), "utf8")}`);
      const moved = JSON.parse(runCli(["scan", "iac", d, "--format", "json", "--store", store]).stdout) as Report;
      expect(moved.history).toMatchObject({ newCount: 0, fixedCount: 0 });
      expect(moved.findings.find((f) => f.ruleId === "MAM-DF-004")?.location.startLine).toBe(lineOf("FROM node:latest") + 3);

      // Fixing one problem reports exactly that one as fixed.
      writeFileSync(join(d, "Dockerfile"), readFileSync(join(d, "Dockerfile"), "utf8").replace("EXPOSE 22 8080", "EXPOSE 8080"));
      const fixed = JSON.parse(runCli(["scan", "iac", d, "--format", "json", "--store", store]).stdout) as Report;
      expect(fixed.history).toMatchObject({ newCount: 0, fixedCount: 1 });
      expect(fixed.history?.fixed[0]?.ruleId).toBe("MAM-DF-015");

      const db = new Database(join(d, "..", "twice.db"), { readonly: true });
      expect((db.prepare("SELECT count(*) AS n FROM assets").get() as { n: number }).n).toBe(1);
      expect((db.prepare("SELECT count(*) AS n FROM scans").get() as { n: number }).n).toBe(4);
      db.close();
    });

    it("--no-store writes nothing", () => {
      const h = dir("nostore-home");
      const r = runCli(["scan", "iac", "demo/Dockerfile", "--no-store", "--format", "json"], { env: { MAMORI_HOME: h } });
      expect(r.code).toBe(0);
      expect(existsSync(join(h, "mamori.db"))).toBe(false);
      expect((JSON.parse(r.stdout) as Report).history).toBeUndefined();
    });
  });

  describe("gating", () => {
    it.each([
      [["--fail-on", "critical"], 1],
      [["--fail-on", "high"], 1],
      [["--fail-on", "info"], 1],
      [[], 0],
      [["--severity", "low,info", "--fail-on", "high"], 0],
    ])("%j exits %i on the demo", (flags, code) => {
      const r = runCli(["scan", "iac", "demo", "--no-store", "--format", "json", ...flags], { env });
      expect(r.code).toBe(code);
    });

    it("--severity keeps only the named severities", () => {
      const r = runCli(["scan", "iac", "demo", "--no-store", "--format", "json", "--severity", "critical,high"], { env });
      const report = JSON.parse(r.stdout) as Report;
      expect(report.findings.length).toBeGreaterThan(0);
      expect(new Set(report.findings.map((f) => f.severity))).toEqual(new Set(["critical", "high"]));
      expect(report.summary.medium).toBe(0);
    });
  });

  describe("noise control", () => {
    it("honours inline suppressions and keeps them, marked, in JSON and SARIF", () => {
      const json = JSON.parse(runCli(["scan", "iac", "demo/services/api", "--no-store", "--format", "json"], { env }).stdout) as Report;
      const pin = json.findings.find((f) => f.ruleId === "MAM-DF-008");
      expect(pin?.suppressed).toEqual({ reason: "the api pins its base packages through the debian snapshot mirror", source: expect.stringMatching(/^inline:demo\/services\/api\/Dockerfile:\d+$/) });
      expect(json.summary.low).toBe(json.findings.filter((f) => f.severity === "low" && !f.suppressed).length);
      const sarif = JSON.parse(runCli(["scan", "iac", "demo/services/api", "--no-store", "--format", "sarif"], { env }).stdout) as Sarif.Log;
      const res = sarif.runs[0]!.results!.find((x) => x.ruleId === "MAM-DF-008");
      expect(res?.suppressions?.[0]?.kind).toBe("inSource");
    });

    it("applies .mamoriignore from the working directory, and warns about expired entries", () => {
      const d = dir("ignore");
      copyFileSync(join(repoRoot, "demo", "Dockerfile"), join(d, "Dockerfile"));
      writeFileSync(
        join(d, ".mamoriignore"),
        [
          "- rule: MAM-DF-020",
          '  path: "Dockerfile"',
          "  reason: the label is added by the build system",
          "- rule: MAM-DF-015",
          "  reason: the bastion image needs it",
          "  expires: 2020-01-31",
          "",
        ].join("\n"),
      );
      const r = runCli(["scan", "iac", ".", "--no-store", "--format", "json", "--fail-on", "info"], { cwd: d, env });
      const report = JSON.parse(r.stdout) as Report;
      expect(report.findings.find((f) => f.ruleId === "MAM-DF-020")?.suppressed).toEqual({ reason: "the label is added by the build system", source: ".mamoriignore:1" });
      expect(report.findings.find((f) => f.ruleId === "MAM-DF-015")?.suppressed).toBeUndefined();
      expect(r.stderr).toMatch(/\.mamoriignore:4: ignore entry for MAM-DF-015 expired on 2020-01-31/);
      expect(report.summary.info).toBe(0);
    });

    it("a malformed ignore file is one error line naming file and line, exit 2", () => {
      const d = dir("badignore");
      copyFileSync(join(repoRoot, "demo", "Dockerfile"), join(d, "Dockerfile"));
      writeFileSync(join(d, "ignore.yaml"), "- rule: MAM-DF-001\n  reason: x\n  expires: someday\n");
      const r = runCli(["scan", "iac", ".", "--no-store", "--ignore-file", "ignore.yaml"], { cwd: d, env });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^error: ignore\.yaml:3: .*expires/);
    });

    it("--baseline reports only what is new against an earlier JSON report", () => {
      const d = dir("baseline");
      copyFileSync(join(repoRoot, "demo", "Dockerfile"), join(d, "Dockerfile"));
      const first = runCli(["scan", "iac", ".", "--no-store", "--format", "json", "-o", "base.json"], { cwd: d, env });
      expect(first.code).toBe(0);
      expect((JSON.parse(readFileSync(join(d, "base.json"), "utf8")) as Report).findings.length).toBeGreaterThan(5);
      writeFileSync(join(d, "Dockerfile"), readFileSync(join(d, "Dockerfile"), "utf8") + "RUN sudo rm -rf /tmp/cache\n");
      const r = runCli(["scan", "iac", ".", "--no-store", "--format", "json", "--baseline", "base.json", "--fail-on", "medium"], { cwd: d, env });
      const report = JSON.parse(r.stdout) as Report;
      expect(report.findings.map((f) => f.ruleId)).toEqual(["MAM-DF-014"]);
      expect(r.code).toBe(1);
    });

    it("mamori.yaml sets defaults, flags win, and a bad key is named", () => {
      const d = dir("config");
      copyFileSync(join(repoRoot, "demo", "Dockerfile"), join(d, "Dockerfile"));
      writeFileSync(join(d, "mamori.yaml"), "format: json\nfailOn: critical\nchecks:\n  skip: [MAM-DF-005]\n");
      const r = runCli(["scan", "iac", ".", "--no-store"], { cwd: d, env });
      expect(r.code).toBe(0); // the only critical check is skipped
      const report = JSON.parse(r.stdout) as Report;
      expect(report.findings.some((f) => f.ruleId === "MAM-DF-005")).toBe(false);
      const table = runCli(["scan", "iac", ".", "--no-store", "--format", "table"], { cwd: d, env });
      expect(table.stdout).toMatch(/Summary:/);
      writeFileSync(join(d, "mamori.yaml"), "format: json\nfailOn: critical\nseverty: [high]\n");
      const bad = runCli(["scan", "iac", ".", "--no-store"], { cwd: d, env });
      expect(bad.code).toBe(2);
      expect(bad.stderr.trim()).toMatch(/^error: mamori\.yaml:3: unknown key "severty"/);
    });
  });

  describe("input", () => {
    it("reads standard input", () => {
      const r = runCli(["scan", "iac", "-", "--no-store", "--format", "json"], { env, input: "FROM ubuntu\nRUN sudo apt-get update\n" });
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout) as Report;
      expect(report.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(["MAM-DF-004", "MAM-DF-014"]));
      const unknown = runCli(["scan", "iac", "-", "--no-store"], { env, input: "hello: world\n" });
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/^error: -: cannot tell the format of standard input/);
    });

    it("writes --output atomically and to devices such as /dev/null", () => {
      const d = dir("output");
      const r = runCli(["scan", "iac", join(repoRoot, "demo"), "--no-store", "--format", "html", "-o", "report.html"], { cwd: d, env });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe("");
      expect(readFileSync(join(d, "report.html"), "utf8")).toMatch(/^<!doctype html>/i);
      const n = runCli(["scan", "iac", "demo", "--no-store", "--format", "json", "-o", "/dev/null"], { env });
      expect(n.code).toBe(0);
      expect(existsSync("/dev/null")).toBe(true);
      const missing = runCli(["scan", "iac", "demo", "--no-store", "-o", join(d, "no", "such", "dir", "r.json")], { env });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/no such file or directory/);
    });
  });

  describe("malformed input: a clear line or a warning, never a crash or a hang", () => {
    it("a binary file named Dockerfile", () => {
      const d = dir("binary");
      writeFileSync(join(d, "Dockerfile"), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3, 0, 0xff, 0xfe]));
      const named = runCli(["scan", "iac", join(d, "Dockerfile"), "--no-store"], { env });
      expect(named.code).toBe(2);
      expect(named.stderr.trim()).toMatch(/^error: .*Dockerfile: not a text file \(contains NUL bytes\)$/);
      const walked = runCli(["scan", "iac", d, "--no-store", "--format", "json"], { env });
      expect(walked.code).toBe(0);
      expect(walked.stderr).toMatch(/warning: .*Dockerfile: skipped: not a text file/);
      expect((JSON.parse(walked.stdout) as Report).warnings?.[0]?.message).toMatch(/not a text file/);
    });

    it("a 50 MB single line", () => {
      const d = dir("huge");
      writeFileSync(join(d, "Dockerfile"), `RUN echo ${"A".repeat(50 * 1024 * 1024)}`);
      const named = runCli(["scan", "iac", join(d, "Dockerfile"), "--no-store"], { env, timeoutMs: 30_000 });
      expect(named.code).toBe(2);
      expect(named.stderr.trim()).toMatch(/Dockerfile: larger than the 10 MB limit/);
      const walked = runCli(["scan", "iac", d, "--no-store", "--format", "json"], { env, timeoutMs: 30_000 });
      expect(walked.code).toBe(0);
      expect(walked.stderr).toMatch(/skipped: larger than the 10 MB limit/);
      // Past the file limit, the Dockerfile adapter still bounds one instruction: quickly refused.
      const raised = runCli(["scan", "iac", d, "--no-store", "--format", "json", "--max-file-size", "64MB"], { env, timeoutMs: 60_000 });
      expect(raised.code).toBe(0);
      expect(raised.stderr).toMatch(/Dockerfile: skipped: .*Dockerfile:1: instruction longer than 1 MB/);
      expect(raised.ms).toBeLessThan(15_000);
    });

    it("invalid UTF-8 is decoded with a warning and still scanned", () => {
      const d = dir("latin1");
      writeFileSync(join(d, "Dockerfile"), Buffer.concat([Buffer.from("# caf"), Buffer.from([0xe9]), Buffer.from("\nFROM ubuntu:latest\n")]));
      const r = runCli(["scan", "iac", d, "--no-store", "--format", "json"], { env });
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/not valid UTF-8/);
      expect((JSON.parse(r.stdout) as Report).findings.some((f) => f.ruleId === "MAM-DF-004" && f.location.startLine === 2)).toBe(true);
    });

    const canDropPrivileges = process.getuid?.() === 0 && (() => {
      try {
        execFileSync("setpriv", ["--version"]);
        return true;
      } catch {
        return false;
      }
    })();

    it.skipIf(!canDropPrivileges && process.getuid?.() === 0)("an unreadable file" + (!canDropPrivileges && process.getuid?.() === 0 ? " (skipped: root without setpriv reads everything)" : ""), () => {
      const d = mkdtempSync(join(tmpdir(), "mamori-unreadable-"));
      try {
        chmodSync(d, 0o755);
        writeFileSync(join(d, "Dockerfile"), "FROM ubuntu\n");
        chmodSync(join(d, "Dockerfile"), 0o000);
        const asUser = canDropPrivileges ? { asUser: 65534 } : {};
        const named = runCli(["scan", "iac", join(d, "Dockerfile"), "--no-store"], { ...asUser, env: { MAMORI_HOME: "/tmp" } });
        expect(named.code).toBe(2);
        expect(named.stderr.trim()).toMatch(/^error: .*Dockerfile: permission denied$/);
        const walked = runCli(["scan", "iac", d, "--no-store", "--format", "json"], { ...asUser, env: { MAMORI_HOME: "/tmp" } });
        expect(walked.code).toBe(0);
        expect(walked.stderr).toMatch(/Dockerfile: skipped: permission denied/);
      } finally {
        rmSync(d, { recursive: true, force: true });
      }
    });

    it("a directory loop through symlinks, links out of the root, and a FIFO", () => {
      const d = dir("loops");
      mkdirSync(join(d, "a", "b"), { recursive: true });
      writeFileSync(join(d, "a", "b", "Dockerfile"), "FROM ubuntu:latest\n");
      symlinkSync("../..", join(d, "a", "b", "up"));
      symlinkSync(d, join(d, "a", "self"));
      const outside = dir("outside");
      writeFileSync(join(outside, "Dockerfile"), "FROM debian:latest\n");
      symlinkSync(outside, join(d, "escape"));
      symlinkSync(join(outside, "Dockerfile"), join(d, "Dockerfile.escape"));
      execFileSync("mkfifo", [join(d, "a", "Containerfile")]);
      const r = runCli(["scan", "iac", d, "--no-store", "--format", "json"], { env, timeoutMs: 20_000 });
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout) as Report;
      expect(report.findings.filter((f) => f.ruleId === "MAM-DF-004").map((f) => f.location.path)).toEqual([expect.stringMatching(/a\/b\/Dockerfile$/)]);
      expect(r.stderr).toMatch(/symbolic link points outside the scanned directory/);
      expect(r.stderr).toMatch(/symbolic link loop/);
    });

    it("a nonexistent target and a target of unknown format", () => {
      const r = runCli(["scan", "iac", "does-not-exist", "--no-store"], { env });
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe("error: does-not-exist: no such file or directory");
      const u = runCli(["scan", "iac", "package.json", "--no-store"], { env });
      expect(u.code).toBe(2);
      expect(u.stderr).toMatch(/^error: package\.json: cannot tell the file's format/);
    });
  });

  it("--debug adds timing on stderr; --quiet silences notes", () => {
    const d = runCli(["scan", "iac", "demo", "--no-store", "--format", "json", "--debug"], { env });
    expect(d.stderr).toMatch(/^debug: \[\d+ ms\] scanned \d+ files/m);
    const q = runCli(["scan", "iac", "demo", "--store", `sqlite:${join(work, "quiet.db")}`, "--format", "json", "--quiet"], { env });
    expect(q.stderr).toBe("");
  });
});
