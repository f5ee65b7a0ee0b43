// `mamori scan iac` on Terraform projects, as users run it: a root module calling a local module,
// variables from .tfvars, --var, --var-file and TF_VAR_, findings inside modules pointing into the
// module's file, a comment on the module call suppressing them, and bad input.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding, Report } from "../../src/core/model.js";
import { built, notBuiltMessage, repoRoot, runCli, tempHome } from "../helpers/cli.js";

const { home, cleanup } = tempHome();
const env = { MAMORI_HOME: home };
const FIXTURE = "test/fixtures/terraform/project";
const MODULE = `${FIXTURE}/modules/bucket/main.tf`;
const ROOT = `${FIXTURE}/envs/prod/main.tf`;
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "mamori-tf-"));
});
afterAll(() => {
  cleanup();
  rmSync(work, { recursive: true, force: true });
});

/** The first AWS checks' findings (others are added over time) as `rule path:line address [suppressed]`. */
function summary(stdout: string): string[] {
  const report = JSON.parse(stdout) as Report;
  return report.findings
    .filter((f: Finding) => /^MAM-AWS-0\d\d$/.test(f.ruleId))
    .map((f) => `${f.ruleId} ${f.location.path}:${f.location.startLine} ${f.location.address ?? ""}${f.suppressed ? " suppressed" : ""}`)
    .sort();
}

function scan(args: string[], extraEnv: Record<string, string> = {}): ReturnType<typeof runCli> {
  return runCli(["scan", "iac", ...args, "--no-store", "--format", "json"], { env: { ...env, ...extraEnv } });
}

const BASE = [
  `MAM-AWS-002 ${MODULE}:7 module.logs.aws_s3_bucket.this`,
  `MAM-AWS-002 ${MODULE}:7 module.site.aws_s3_bucket.this`,
  `MAM-AWS-003 ${MODULE}:7 module.logs.aws_s3_bucket.this`,
  `MAM-AWS-003 ${MODULE}:7 module.site.aws_s3_bucket.this`,
  `MAM-AWS-004 ${MODULE}:7 module.logs.aws_s3_bucket.this suppressed`,
  `MAM-AWS-004 ${MODULE}:7 module.site.aws_s3_bucket.this`,
];
const PUBLIC = [`MAM-AWS-001 ${MODULE}:13 module.site.aws_s3_bucket.this`, `MAM-AWS-007 ${ROOT}:25 aws_db_instance.orders`];

describe.skipIf(!built)(`mamori scan iac on Terraform${built ? "" : ` (skipped: ${notBuiltMessage})`}`, () => {
  it("reports resources inside a module at the module's lines, once per call, with the module's snippet", () => {
    const r = scan([FIXTURE]);
    expect(r.code).toBe(0);
    expect(summary(r.stdout)).toEqual(BASE);
    const f = (JSON.parse(r.stdout) as Report).findings.find((x) => x.ruleId === "MAM-AWS-002");
    expect(f?.snippet).toBe('resource "aws_s3_bucket" "this" {\n  bucket = var.name\n}');
  });

  it.each<{ how: string; args: string[]; env: Record<string, string> }>([
    { how: "--var", args: ["--var", "public=true"], env: {} },
    { how: "TF_VAR_", args: [], env: { TF_VAR_public: "true" } },
    { how: "--var-file", args: ["--var-file", "PUBLIC_TFVARS"], env: {} },
    { how: "--var-file then --var (later wins)", args: ["--var", "public=false", "--var-file", "PUBLIC_TFVARS"], env: {} },
  ])("takes variables from $how", ({ args, env: extra }) => {
    const file = join(work, "public.tfvars");
    writeFileSync(file, "public = true\n");
    const r = scan([FIXTURE, ...args.map((a) => (a === "PUBLIC_TFVARS" ? file : a))], extra);
    expect(r.code).toBe(0);
    expect(summary(r.stdout)).toEqual([...BASE, ...PUBLIC].sort());
  });

  it("lets --var given last win over a --var-file given before it", () => {
    const file = join(work, "public2.tfvars");
    writeFileSync(file, "public = true\n");
    expect(summary(scan([FIXTURE, "--var-file", file, "--var", "public=false"]).stdout)).toEqual(BASE);
  });

  it("says which values are unknown and why with --debug", () => {
    const r = runCli(["scan", "iac", FIXTURE, "--no-store", "--format", "json", "--debug"], { env });
    expect(r.stderr).toMatch(/^debug: \[\d+ ms\] unknown: envs\/prod\/main\.tf:28: data\.aws_caller_identity\.me\.account_id: .*computed by the provider/m);
  });

  it("warns about a file that is not valid HCL, naming its line, and scans the rest", () => {
    const d = join(work, "broken");
    cpSync(join(repoRoot, FIXTURE), d, { recursive: true });
    writeFileSync(join(d, "envs", "prod", "broken.tf"), `resource "aws_s3_bucket" "x" {\n  bucket = = "x"\n}\n`);
    const r = runCli(["scan", "iac", ".", "--no-store", "--format", "json"], { env, cwd: d });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: envs\/prod\/broken\.tf:2: not valid Terraform \(HCL\) syntax: expected an expression; the file is not scanned/);
    expect(summary(r.stdout)).toHaveLength(BASE.length);
  });

  it("refuses a named file that is not valid HCL, and bad --var and --var-file values", () => {
    const bad = join(work, "bad.tf");
    writeFileSync(bad, `locals {\n  a = [1,\n}\n`);
    const named = runCli(["scan", "iac", bad, "--no-store"], { env });
    expect(named.code).toBe(2);
    expect(named.stderr.trim()).toMatch(/^error: .*bad\.tf:3: not valid Terraform \(HCL\) syntax/);
    const v = runCli(["scan", "iac", FIXTURE, "--no-store", "--var", "nonsense"], { env });
    expect(v.code).toBe(2);
    expect(v.stderr.trim()).toBe("error: --var nonsense: expected NAME=VALUE");
    const f = runCli(["scan", "iac", FIXTURE, "--no-store", "--var-file", join(work, "missing.tfvars")], { env });
    expect(f.code).toBe(2);
    expect(f.stderr).toMatch(/--var-file .*missing\.tfvars: no such file or directory/);
    const badVars = join(work, "bad.tfvars");
    writeFileSync(badVars, `public = = true\n`);
    const g = runCli(["scan", "iac", FIXTURE, "--no-store", "--var-file", badVars], { env });
    expect(g.code).toBe(2);
    expect(g.stderr).toMatch(/bad\.tfvars:1: not a valid variables file/);
  });

  it("scans a single file on its own, with the modules it calls", () => {
    const r = scan([ROOT, "--var", "environment=dev"]);
    expect(r.code).toBe(0);
    // The module is outside the file's directory: reported, not read.
    expect(r.stderr).toMatch(/envs\/prod\/main\.tf:12: module "logs": \.\.\/\.\.\/modules\/bucket is outside the scanned directory/);
    expect(summary(r.stdout)).toEqual([]);
  });

  it("scans 2,000 files with modules, count and for_each in bounded time", () => {
    const d = join(work, "many");
    mkdirSync(join(d, "m"), { recursive: true });
    writeFileSync(join(d, "m", "main.tf"), `variable "n" {}\nresource "aws_s3_bucket" "b" {\n  count  = 2\n  bucket = "\${var.n}-\${count.index}"\n}\n`);
    for (let i = 0; i < 1000; i++) {
      mkdirSync(join(d, `r${i}`));
      writeFileSync(join(d, `r${i}`, "main.tf"), `module "m" {\n  for_each = toset(["a", "b"])\n  source   = "../m"\n  n        = "r${i}-\${each.key}"\n}\n`);
      writeFileSync(join(d, `r${i}`, "versions.tf"), `terraform {\n  required_version = ">= 1.5"\n}\n`);
    }
    const out = join(work, "many.json");
    const r = runCli(["scan", "iac", d, "--no-store", "--format", "json", "-o", out], { env, timeoutMs: 120_000 });
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(out, "utf8")) as Report;
    const found = report.findings.filter((f) => f.ruleId === "MAM-AWS-002");
    expect(found).toHaveLength(4000);
    expect(new Set(found.map((f) => f.location.path))).toEqual(new Set([`${d}/m/main.tf`]));
    expect(found.map((f) => f.location.address)).toContain('module.m["b"].aws_s3_bucket.b[1]');
    expect(new Set(found.map((f) => f.id)).size).toBe(4000);
    expect(r.ms).toBeLessThan(60_000);
  });
});
