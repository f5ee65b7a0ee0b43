// Terraform's JSON syntax (.tf.json, .tfvars.json): read with lines onto the same syntax tree as
// HCL, so a directory mixing both is one module, values keep the lines they are written on, and
// the checks run on it as on HCL.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { adapterFor, adapterForText } from "../../src/adapters/index.js";
import { terraformAdapter } from "../../src/adapters/terraform.js";
import { evalBlock } from "../../src/adapters/tf/blocks.js";
import { parseTfJson } from "../../src/adapters/tf/json-syntax.js";
import { Budget } from "../../src/adapters/tf/limits.js";
import { ModuleInstance, type ProjectHost } from "../../src/adapters/tf/module.js";
import type { Expr, HclBlock, HclBody } from "../../src/adapters/tf/syntax.js";
import type { ParsedFile } from "../../src/adapters/types.js";
import type { ResourceModel } from "../../src/checks/types.js";
import type { IamPolicy, S3Bucket, SecurityGroup } from "../../src/models/aws.js";
import { scanIac } from "../../src/scan/iac.js";
import { plain, project } from "./terraform-helpers.js";

const DIR = "test/fixtures/terraform-json";
const read = (p: string): string => readFileSync(`${DIR}/${p}`, "utf8");

/** The 1-based line of the first line of `file` (under the fixture directory) holding `needle`. */
function lineOf(file: string, needle: string, from = 0): number {
  const i = read(file).split("\n").findIndex((l, n) => n >= from && l.includes(needle));
  if (i < 0) throw new Error(`${needle} not in ${file}`);
  return i + 1;
}

function models<T extends ResourceModel>(parsed: Map<string, ParsedFile>, type: string): T[] {
  return [...parsed.values()].flatMap((p) => p.models).filter((m) => m.modelType === type) as T[];
}

function fixtureProject(): Map<string, ParsedFile> {
  const files = ["project/main.tf.json", "project/variables.tf", "project/variables.tf.json", "project/modules/bucket/main.tf.json"];
  return project(Object.fromEntries(files.map((f) => [f.slice("project/".length), read(f)])), {}, { "terraform.tfvars.json": read("project/terraform.tfvars.json") });
}

describe("a directory mixing .tf and .tf.json", () => {
  const parsed = fixtureProject();
  const main = "project/main.tf.json";

  it("is one module: variables from .tf, .tf.json and terraform.tfvars.json, locals, templates", () => {
    expect([...parsed.values()].flatMap((p) => p.warnings)).toEqual([]);
    const bucket = models<S3Bucket>(parsed, "aws.s3.Bucket").find((b) => b.address === "aws_s3_bucket.assets");
    expect(bucket?.bucket).toEqual({ value: "shop-prod-assets", known: true, range: { startLine: lineOf(main, `"bucket": "\${local.prefix}-assets"`), endLine: lineOf(main, `"bucket": "\${local.prefix}-assets"`) } });
    expect(bucket?.acl).toMatchObject({ value: "public-read", known: true });
    expect(bucket?.range.startLine).toBe(lineOf(main, `"assets": {`));
  });

  it("reads nested blocks written as arrays of objects and dynamic blocks, at their lines", () => {
    const sg = models<SecurityGroup>(parsed, "aws.ec2.SecurityGroup")[0];
    const ingress = lineOf(main, `"description": "ssh"`) - 1;
    expect(sg?.rules.map((r) => [r.direction, r.fromPort?.value, r.cidrs.map((c) => c.value), r.range.startLine])).toEqual([
      ["ingress", 22, ["0.0.0.0/0"], ingress],
      ["egress", 22, ["10.0.0.0/8"], lineOf(main, `"egress": {`)],
      ["egress", 3389, ["10.0.0.0/8"], lineOf(main, `"egress": {`)],
    ]);
    expect(sg?.rules[0]?.cidrs[0]?.range.startLine).toBe(lineOf(main, `"cidr_blocks": "\${var.ssh_cidrs}"`));
  });

  it("calls a module written in JSON, whose findings point into the module's file through the call", () => {
    const logs = models<S3Bucket>(parsed, "aws.s3.Bucket").find((b) => b.address === "module.logs.aws_s3_bucket.this");
    expect(logs?.bucket?.value).toBe("shop-prod-logs");
    expect(logs?.file).toBe("modules/bucket/main.tf.json");
    expect(logs?.via?.map((v) => [v.file, v.range.startLine])).toEqual([["main.tf.json", lineOf(main, `"logs": {`)]]);
    expect(parsed.get("main.tf.json")?.models).toContain(logs);
  });

  it("renders a policy document data source written in JSON", () => {
    const p = models<IamPolicy>(parsed, "aws.iam.Policy")[0];
    expect(p?.statements.map((s) => [s.action.map((a) => a.value), s.resource.map((r) => (r.known ? r.value : "?")), s.action[0]?.range.startLine])).toEqual([
      [["s3:GetObject"], ["?"], lineOf(main, `"actions": ["s3:GetObject"]`)],
      [["*"], ["*"], lineOf(main, `"actions": ["*"]`)],
    ]);
  });

  it("is scanned as Terraform by `scan iac`, with findings at the JSON lines", async () => {
    const r = await scanIac({ target: `${DIR}/project`, cwd: process.cwd(), secrets: false });
    const got = r.findings
      .filter((f) => ["MAM-AWS-001", "MAM-AWS-005", "MAM-AWS-010"].includes(f.ruleId))
      .map((f) => `${f.ruleId} ${f.location.path}:${f.location.startLine}`)
      .sort();
    expect(got).toEqual(
      [
        `MAM-AWS-001 ${DIR}/project/main.tf.json:${lineOf(main, `"acl": "\${var.assets_acl}"`)}`,
        `MAM-AWS-005 ${DIR}/project/main.tf.json:${lineOf(main, `"cidr_blocks": "\${var.ssh_cidrs}"`)}`,
        `MAM-AWS-010 ${DIR}/project/main.tf.json:${lineOf(main, `"actions": ["*"]`)}`,
      ].sort(),
    );
    expect(r.warnings).toEqual([]);
    // The .tf.json files and the .tf file; terraform.tfvars.json is read as variables, not scanned.
    expect(r.filesScanned).toBe(4);
  });
});

/** Attribute names and nested blocks of a body, as plain data. */
function outline(b: HclBody): unknown {
  return {
    attrs: b.attrs.map((a) => a.name),
    ...(b.blocks.length ? { blocks: b.blocks.map((x: HclBlock) => ({ type: x.type, ...(x.labels.length ? { labels: x.labels } : {}), ...(outline(x) as object) })) } : {}),
  };
}

function resourceBody(body: string): HclBlock {
  const f = parseTfJson(`{"resource": {"t": {"n": ${body}}}}`, "main.tf.json");
  return f.blocks[0] as HclBlock;
}

describe("blocks and attributes without the provider's schema", () => {
  it.each([
    { name: "an object with argument-like keys is a nested block", body: `{"versioning": {"enabled": true}}`, want: { attrs: [], blocks: [{ type: "versioning", attrs: ["enabled"] }] } },
    { name: "an array of such objects is several blocks", body: `{"ingress": [{"from_port": 22}, {"from_port": 443}]}`, want: { attrs: [], blocks: [{ type: "ingress", attrs: ["from_port"] }, { type: "ingress", attrs: ["from_port"] }] } },
    { name: "a map with keys no argument has is an attribute", body: `{"tags": {"Name": "x"}, "metadata": {"enable-oslogin": "TRUE"}, "x": {"kubernetes.io/role": "1"}}`, want: { attrs: ["tags", "metadata", "x"] } },
    { name: "arguments known to take maps are attributes", body: `{"labels": {"env": "prod"}, "environment": {"variables": {"mode": "x"}}}`, want: { attrs: ["labels"], blocks: [{ type: "environment", attrs: ["variables"] }] } },
    { name: "empty arrays, lists of values and strings are attributes", body: `{"a": [], "b": ["x"], "c": "\${var.blocks}", "d": null, "e": 1}`, want: { attrs: ["a", "b", "c", "d", "e"] } },
    { name: "meta-arguments", body: `{"count": {"a": 1}, "depends_on": ["aws_s3_bucket.a"], "provider": "aws.us", "lifecycle": {"ignore_changes": ["tags"]}, "provisioner": {"local-exec": {"command": "echo"}}, "connection": {"host": "h"}}`, want: { attrs: ["count", "depends_on", "provider"], blocks: [{ type: "lifecycle", attrs: ["ignore_changes"] }, { type: "provisioner", labels: ["local-exec"], attrs: ["command"] }, { type: "connection", attrs: ["host"] }] } },
    { name: "comments", body: `{"//": "a comment", "bucket": "b", "versioning": {"//": "also", "enabled": true}}`, want: { attrs: ["bucket"], blocks: [{ type: "versioning", attrs: ["enabled"] }] } },
    { name: "dynamic blocks", body: `{"dynamic": {"setting": {"for_each": "\${var.s}", "iterator": "s", "content": {"name": "\${s.key}"}}}}`, want: { attrs: [], blocks: [{ type: "dynamic", labels: ["setting"], attrs: ["for_each", "iterator"], blocks: [{ type: "content", attrs: ["name"] }] }] } },
  ])("$name", ({ body, want }) => {
    expect(outline(resourceBody(body))).toEqual(want);
  });

  it("reads labels at every level, an array at any level standing for several blocks", () => {
    const f = parseTfJson(
      `{"resource": [{"aws_s3_bucket": {"a": {}}}, {"aws_s3_bucket": {"b": [{"bucket": "b1"}]}}], "provider": {"aws": [{}, {"alias": "us"}]}, "terraform": {"required_providers": {"aws": {"source": "hashicorp/aws"}}, "backend": {"s3": {"bucket": "x"}}}, "unknown_block": {"x": {}}}`,
      "main.tf.json",
    );
    expect(f.blocks.map((b) => [b.type, ...b.labels])).toEqual([["resource", "aws_s3_bucket", "a"], ["resource", "aws_s3_bucket", "b"], ["provider", "aws"], ["provider", "aws"], ["terraform"]]);
    expect(outline(f.blocks[4] as HclBlock)).toEqual({ attrs: [], blocks: [{ type: "required_providers", attrs: ["aws"] }, { type: "backend", labels: ["s3"], attrs: ["bucket"] }] });
  });

  it("reads the strings that are expressions as written", () => {
    const f = parseTfJson(`{"variable": {"v": {"type": "list(string)", "default": "\${not.a.template}"}}, "resource": {"t": {"n": {"depends_on": ["aws_s3_bucket.a"], "dynamic": {"d": {"for_each": [], "iterator": "it", "content": {}}}}}}}`, "main.tf.json");
    const [v, r] = f.blocks as [HclBlock, HclBlock];
    const kind = (b: HclBlock, name: string): string | undefined => b.attrs.find((a) => a.name === name)?.expr.k;
    expect([kind(v, "type"), kind(v, "default")]).toEqual(["call", "lit"]);
    const dep = r.attrs.find((a) => a.name === "depends_on")?.expr;
    expect(dep?.k === "tuple" ? dep.items[0]?.k : undefined).toBe("attr");
    expect((r.blocks[0]?.attrs.find((a) => a.name === "iterator")?.expr as Expr).k).toBe("name");
    // Written as a template of one interpolation, it is the same expression.
    const wrapped = parseTfJson(`{"resource": {"t": {"n": {"depends_on": ["\${aws_s3_bucket.a}"], "provider": "\${aws.us}"}}}}`, "main.tf.json").blocks[0] as HclBlock;
    expect(wrapped.attrs.map((a) => (a.expr.k === "tuple" ? a.expr.items[0]?.k : a.expr.k))).toEqual(["attr", "attr"]);
  });
});

describe("values", () => {
  /** `local.x` of a JSON file, evaluated as a module of its own. */
  const local = (value: string, prelude = ""): unknown => {
    const file = parseTfJson(`{${prelude}"locals": {"x": ${value}}}`, "main.tf.json");
    const host: ProjectHost = { budget: new Budget(), stack: [], explain: undefined, rootDir: "", cycle: () => undefined, tooDeep: () => undefined, warn: () => undefined, moduleFor: () => undefined, readText: () => undefined, rootValue: () => undefined };
    const mod = new ModuleInstance(host, { dir: "", files: [file] }, "", [], undefined, [""], []);
    const locals = file.blocks.find((b) => b.type === "locals") as HclBlock;
    return plain(evalBlock(locals, mod.cx("main.tf.json"), undefined).attrs.get("x"));
  };

  it.each([
    { name: "a plain string", value: `"abc"`, want: "abc" },
    { name: "a template", value: `"a-\${1 + 2}"`, want: "a-3" },
    { name: "one interpolation keeps its type", value: `"\${[1, 2]}"`, want: [1, 2] },
    { name: "an escaped interpolation is literal", value: `"$\${x}"`, want: "${x}" },
    { name: "a directive", value: `"%{ if true }yes%{ else }no%{ endif }"`, want: "yes" },
    { name: "escapes in the JSON string", value: `"tab\\t\${\\"x\\"}\\u0041"`, want: "tab\txA" },
    { name: "numbers, booleans and null", value: `[1, 2.5, true, null]`, want: [1, 2.5, true, null] },
    { name: "an object whose keys are templates", value: `{"\${\\"k\\"}-1": 1, "plain": "\${2}"}`, want: { "k-1": 1, plain: 2 } },
    { name: "a variable's default is literal", value: `"\${var.v}"`, prelude: `"variable": {"v": {"default": "\${literal}"}}, `, want: "${literal}" },
    { name: "a variable's type converts its value", value: `"\${var.v}"`, prelude: `"variable": {"v": {"type": "number", "default": "5"}}, `, want: 5 },
  ])("$name", ({ value, prelude, want }) => {
    expect(local(value, prelude)).toEqual(want);
  });

  it("keeps a value unknown where it cannot be worked out, and quotes it under --debug", () => {
    const lines: string[] = [];
    const text = `{\n  "resource": {\n    "aws_s3_bucket": {\n      "b": {\n        "bucket": "x-\${var.nope}"\n      }\n    }\n  }\n}\n`;
    const parsed = project({ "main.tf.json": text }, { debug: (l) => lines.push(l) });
    const b = models<S3Bucket>(parsed, "aws.s3.Bucket")[0];
    expect(b?.bucket).toEqual({ value: undefined, known: false, range: { startLine: 5, endLine: 5 } });
    expect(lines.join("\n")).toMatch(/^unknown: main\.tf\.json:5: var\.nope: var\.nope is not declared in this module$/m);
  });

  it("reads terraform.tfvars.json values with their types", () => {
    const parsed = project({ "main.tf": `variable "ports" {}\nvariable "on" {}\nresource "aws_s3_bucket" "b" {\n  bucket = "\${var.ports[1]}-\${var.on}"\n}\n` }, {}, { "terraform.tfvars.json": `{\n  "ports": [22, 443],\n  "on": true\n}\n` });
    expect(plain({ t: "prim", value: models<S3Bucket>(parsed, "aws.s3.Bucket")[0]?.bucket?.value ?? null, range: { startLine: 1, endLine: 1 } })).toBe("443-true");
  });
});

describe("bad input", () => {
  it("warns about a file that is not valid JSON and scans the others", () => {
    const parsed = project({ "main.tf.json": read("broken/main.tf.json"), "ok.tf": read("broken/ok.tf") });
    expect(parsed.get("main.tf.json")?.warnings).toEqual([{ line: lineOf("broken/main.tf.json", `"aws_s3_bucket_acl"`), message: expect.stringMatching(/^not valid Terraform JSON syntax: .+; the file is not scanned$/) as unknown }]);
    expect(models<S3Bucket>(parsed, "aws.s3.Bucket").map((b) => b.address)).toEqual(["aws_s3_bucket.ok"]);
  });

  it.each([
    { name: "broken JSON", text: read("broken/main.tf.json"), line: 6, detail: /Missing , between flow map items/ },
    { name: "a bad template", text: `{\n  "locals": {\n    "x": "\${1 +}"\n  }\n}`, line: 3, detail: /in "\$\{1 \+\}"/ },
    { name: "a bad expression string", text: `{"resource": {"t": {"n": {\n"depends_on": ["a b"]}}}}`, line: 2, detail: /in "a b"/ },
    { name: "not an object", text: `[1]`, line: 1, detail: /holds one object/ },
    { name: "a body that is not an object", text: `{"resource": {"t": {"n": 1}}}`, line: 1, detail: /body must be a JSON object/ },
    { name: "YAML", text: `resource:\n  t: {}`, line: 1, detail: /./ },
    { name: "single quotes", text: `{"locals": {"x": 'a'}}`, line: 1, detail: /double quotes/ },
    { name: "nesting too deep", text: `{"locals": {"x": ${"[".repeat(300)}${"]".repeat(300)}}}`, line: 1, detail: /nested deeper/ },
  ])("a file named on its own with $name is an input error at its line", ({ text, line, detail }) => {
    let message = "";
    try {
      terraformAdapter.parse(text, "main.tf.json");
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(new RegExp(`^main\\.tf\\.json:${line}: not valid Terraform JSON syntax: `));
    expect(message).toMatch(detail);
  });

  it("reads a byte order mark and tabs", () => {
    const parsed = project({ "main.tf.json": `\uFEFF{\n\t"resource": {\n\t\t"aws_s3_bucket": {\n\t\t\t"b": {\n\t\t\t\t"bucket": "b"\n\t\t\t}\n\t\t}\n\t}\n}\n` });
    expect(models<S3Bucket>(parsed, "aws.s3.Bucket")[0]?.bucket).toEqual({ value: "b", known: true, range: { startLine: 5, endLine: 5 } });
  });

  it("warns about a terraform.tfvars.json that is not valid, at its line, and an invalid --var-file is an input error", () => {
    const files = { "main.tf": `variable "a" {\n  default = "x"\n}\nresource "aws_s3_bucket" "b" {\n  bucket = var.a\n}\n` };
    const parsed = project(files, {}, { "terraform.tfvars.json": `{\n  "a": "y",\n  "b": \n}\n` });
    expect(parsed.get("main.tf")?.warnings[0]?.message).toMatch(/^terraform\.tfvars\.json:\d: not a valid JSON variables file/);
    expect(models<S3Bucket>(parsed, "aws.s3.Bucket")[0]?.bucket?.value).toBe("x");
    expect(() => project(files, { variables: { cli: [{ file: "prod.tfvars.json", text: `{\n  "a": [\n}` }] } })).toThrow(/^prod\.tfvars\.json:\d: not a valid JSON variables file/);
    expect(() => project(files, { variables: { cli: [{ file: "prod.tfvars.json", text: `["a"]` }] } })).toThrow(/^prod\.tfvars\.json:1: not a valid JSON variables file: a JSON variables file holds one object/);
  });
});

describe("which adapter reads a .json file", () => {
  it.each([
    { path: "main.tf.json", text: `{"resource": {}}`, want: "terraform" },
    { path: "infra/NET.TF.JSON", text: `{}`, want: "terraform" },
    // A .tf.json is Terraform whatever it holds; other .json files go by content.
    { path: "cfn.tf.json", text: `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}`, want: "terraform" },
    { path: "cfn.json", text: `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}`, want: "cloudformation" },
    { path: "terraform.tfvars.json", text: `{"env": "prod"}`, want: undefined },
  ])("$path", ({ path, text, want }) => {
    expect(adapterForText(path, text)?.format).toBe(want);
    if (want === "terraform") expect(adapterFor(path)).toBe(terraformAdapter);
  });
});
