import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cloudFormationAdapter, readTemplate } from "../../src/adapters/cloudformation.js";
import { adapterForText } from "../../src/adapters/index.js";
import { InputError } from "../../src/core/errors.js";
import type { IacNode } from "../../src/models/value.js";

const fixture = (name: string): string => readFileSync(`test/fixtures/cloudformation/${name}`, "utf8");

/** The value a template gives `V` of its one resource; undefined when the property was removed. */
function valueOf(expr: string, head = ""): IacNode | undefined {
  const text = `${head}Resources:\n  Thing:\n    Type: AWS::Test::Thing\n    Properties:\n      V: ${expr}\n  Other:\n    Type: AWS::Test::Other\n`;
  return readTemplate(text, "t.yaml").resources[0]?.properties.get("V");
}

/** A node as plain data: prims as values, lists and objects recursively, unknowns as `?` (with their ref). */
function plain(n: IacNode | undefined): unknown {
  if (!n) return "(removed)";
  if (n.t === "prim") return n.value;
  if (n.t === "list") return n.items.map(plain);
  if (n.t === "object") return Object.fromEntries([...n.entries].map(([k, v]) => [k, plain(v)]));
  return n.ref ? `?${n.ref}` : "?";
}

const HEAD = `Parameters:
  Env: { Type: String, Default: prod }
  Port: { Type: Number, Default: 22 }
  Zones: { Type: CommaDelimitedList, Default: "a, b,c" }
  Secret: { Type: String, NoEcho: true }
  Ami: { Type: "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", Default: /aws/ami }
Mappings:
  Sizes:
    prod: { Db: db.m5.large }
    dev: { Db: db.t3.micro }
  Same:
    eu-west-1: { Ami: ami-1 }
    us-east-1: { Ami: ami-1 }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [{ Condition: IsProd }]
  Unknown: !Equals [!Ref Secret, x]
`;

describe("cloudFormationAdapter: intrinsic functions", () => {
  it.each([
    { expr: "plain", value: "plain" },
    { expr: "!Ref Env", value: "prod" },
    { expr: "{ Ref: Env }", value: "prod" },
    { expr: "!Ref Port", value: 22 },
    { expr: "!Ref Zones", value: ["a", "b", "c"] },
    { expr: "!Ref Secret", value: "?" },
    { expr: "!Ref Ami", value: "?" },
    { expr: "!Ref AWS::Region", value: "?" },
    { expr: "!Ref AWS::NoValue", value: "(removed)" },
    { expr: "!Ref Other", value: "?Other" },
    { expr: "!GetAtt Other.Arn", value: "?Other.Arn" },
    { expr: "!GetAtt [Other, Endpoint.Address]", value: "?Other.Endpoint.Address" },
    { expr: '{ "Fn::GetAtt": [Other, Arn] }', value: "?Other.Arn" },
    { expr: '!Sub "app-${Env}-${AWS::NoSuch}"', value: "?" },
    { expr: '!Sub "app-${Env}:${Port}"', value: "app-prod:22" },
    { expr: '!Sub "${!Literal}-${Env}"', value: "${Literal}-prod" },
    { expr: '!Sub ["${A}-${Env}", { A: x }]', value: "x-prod" },
    { expr: '!Sub "${Other}"', value: "?Other" },
    { expr: '!Sub "${Other.Arn}"', value: "?Other.Arn" },
    { expr: '!Sub "arn:${AWS::Partition}:s3:::b"', value: "?" },
    { expr: "!If [IsProd, a, b]", value: "a" },
    { expr: "!If [IsDev, a, b]", value: "b" },
    { expr: "!If [Unknown, a, b]", value: "?" },
    { expr: "!If [IsDev, a, !Ref AWS::NoValue]", value: "(removed)" },
    { expr: '{ "Fn::If": [IsProd, { A: 1 }, { B: 2 }] }', value: { A: 1 } },
    { expr: '!Join ["-", [a, !Ref Env, 3]]', value: "a-prod-3" },
    { expr: '!Join [",", !Ref Zones]', value: "a,b,c" },
    { expr: '!Join ["-", [a, !Ref Other]]', value: "?" },
    { expr: "!Select [1, !Ref Zones]", value: "b" },
    { expr: "!Select [0, !GetAZs '']", value: "?" },
    { expr: '!Split [",", "x,y"]', value: ["x", "y"] },
    { expr: "!Select [1, !Split [':', 'a:b:c']]", value: "b" },
    { expr: "!FindInMap [Sizes, !Ref Env, Db]", value: "db.m5.large" },
    { expr: "!FindInMap [Sizes, !Ref AWS::Region, Db]", value: "?" },
    { expr: "!FindInMap [Same, !Ref AWS::Region, Ami]", value: "ami-1" },
    { expr: "!FindInMap [Sizes, staging, Db, { DefaultValue: db.t3.small }]", value: "db.t3.small" },
    { expr: "!Equals [!Ref Port, '22']", value: true },
    { expr: "!Not [!Equals [a, b]]", value: true },
    { expr: "!And [!Condition IsProd, !Equals [a, a]]", value: true },
    { expr: "!And [!Condition IsProd, !Condition Unknown]", value: "?" },
    { expr: "!Or [!Condition IsProd, !Condition Unknown]", value: true },
    { expr: "!Or [!Condition IsDev, !Condition Unknown]", value: "?" },
    { expr: "!Base64 hello", value: "aGVsbG8=" },
    { expr: "!ImportValue shared-vpc", value: "?" },
    { expr: "!Cidr [10.0.0.0/16, 4, 8]", value: "?" },
    { expr: "!GetAZs ''", value: "?" },
    { expr: "'{{resolve:secretsmanager:db:SecretString:password}}'", value: "?" },
    { expr: "[a, !Ref AWS::NoValue, b]", value: ["a", "b"] },
    { expr: "{ Keep: 1, Drop: !Ref AWS::NoValue }", value: { Keep: 1 } },
  ])("$expr", ({ expr, value }) => {
    expect(plain(valueOf(expr, HEAD))).toEqual(value);
  });

  it("gives a value the line where it is used", () => {
    const v = valueOf("!Ref Env", HEAD);
    const line = HEAD.split("\n").length + 4;
    expect(v?.range).toEqual({ startLine: line, endLine: line });
  });

  it.each([
    { expr: "!Frobnicate x", message: "unknown intrinsic function Fn::Frobnicate" },
    { expr: '{ "Fn::Nope": [1] }', message: "unknown intrinsic function Fn::Nope" },
    { expr: "!Ref Missing", message: "Ref to Missing" },
    { expr: "!GetAtt Missing.Arn", message: "Fn::GetAtt on Missing" },
    { expr: "!If [NoSuchCondition, a, b]", message: "condition NoSuchCondition is not defined" },
    { expr: "!FindInMap [Nope, a, b]", message: "no mapping Nope" },
  ])("warns with the line on $expr", ({ expr, message }) => {
    const text = `Resources:\n  Thing:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: ${expr}\n`;
    const parsed = cloudFormationAdapter.parse(text, "t.yaml");
    expect(parsed.warnings).toEqual([{ line: 5, message: expect.stringContaining(message) as string }]);
    expect(parsed.models.find((m) => m.modelType === "aws.s3.Bucket")).toMatchObject({ bucket: { known: false } });
  });

  it("refuses a condition that refers to itself, once", () => {
    const text = `Conditions:\n  A: !Condition B\n  B: !Not [!Condition A]\nResources:\n  X:\n    Type: AWS::S3::Bucket\n    Condition: A\n`;
    const { resources, warnings } = readTemplate(text, "t.yaml");
    expect(resources.map((r) => r.logicalId)).toEqual(["X"]);
    expect(warnings.map((w) => w.message)).toEqual([expect.stringContaining("refers to itself") as string]);
  });
});

describe("cloudFormationAdapter: conditions, parameters and SAM", () => {
  it("drops resources whose condition is known false and keeps the rest", () => {
    const { resources } = readTemplate(fixture("conditions.yaml"), "conditions.yaml");
    expect(resources.map((r) => r.logicalId)).toEqual(["Always", "ProdOnly", "MaybeOnly"]);
  });

  it("merges SAM Globals into serverless resources of the matching type, keeping SAM types", () => {
    const { resources } = readTemplate(fixture("sam.yaml"), "sam.yaml");
    const fn = resources.find((r) => r.logicalId === "Api");
    expect(fn?.type).toBe("AWS::Serverless::Function");
    expect(plain(fn?.properties.get("Runtime"))).toBe("python3.12");
    expect(plain(fn?.properties.get("Timeout"))).toBe(30);
    expect(plain(fn?.properties.get("Environment"))).toEqual({ Variables: { TABLE: "orders", STAGE: "prod" } });
    expect(plain(fn?.properties.get("Layers"))).toEqual(["?Shared", "arn:aws:lambda:eu-west-1:123456789012:layer:x:1"]);
    // A global value keeps the line of the Globals section.
    expect(fn?.properties.get("Runtime")?.range.startLine).toBe(5);
    const bucket = resources.find((r) => r.logicalId === "Uploads");
    expect(bucket?.properties.has("Runtime")).toBe(false);
  });

  it("does not apply Globals without the SAM transform", () => {
    const text = fixture("sam.yaml").replace(/^Transform:.*$/m, "");
    const fn = readTemplate(text, "sam.yaml").resources.find((r) => r.logicalId === "Api");
    expect(fn?.properties.has("Runtime")).toBe(false);
  });

  it("reads JSON templates with their lines", () => {
    const parsed = cloudFormationAdapter.parse(fixture("bucket.json"), "bucket.json");
    expect(parsed.models.filter((m) => m.modelType === "aws.s3.Bucket")).toEqual([
      expect.objectContaining({
        modelType: "aws.s3.Bucket",
        address: "Logs",
        range: { startLine: 10, endLine: 19 },
        bucket: { value: "logs-prod", known: true, range: { startLine: 13, endLine: 13 } },
        acl: { value: "log-delivery-write", known: true, range: { startLine: 14, endLine: 14 } },
        versioning: { value: true, known: true, range: { startLine: 16, endLine: 16 } },
      }),
    ]);
    expect(parsed.blocks).toEqual([{ startLine: 10, endLine: 19 }]);
  });

  it("reads empty Properties as none, and warns on Properties that cannot be worked out", () => {
    const text = `Parameters:\n  P: { Type: String }\nConditions:\n  C: !Equals [!Ref P, x]\nResources:\n  Empty:\n    Type: AWS::S3::Bucket\n    Properties:\n  Unsure:\n    Type: AWS::S3::Bucket\n    Properties: !If [C, { BucketName: a }, { BucketName: b }]\n`;
    const { resources, warnings } = readTemplate(text, "t.yaml");
    expect(resources.map((r) => [r.logicalId, r.properties.size])).toEqual([["Empty", 0]]);
    expect(warnings).toEqual([{ line: 9, message: "the Properties of Unsure could not be worked out: not scanned" }]);
  });

  it("warns on Fn::ForEach over an unknown collection and on resources without a Type", () => {
    const text = `Transform: AWS::LanguageExtensions\nResources:\n  Fn::ForEach::Buckets:\n    - Name\n    - !Ref Names\n    - Bucket\${Name}:\n        Type: AWS::S3::Bucket\n  NoType:\n    Properties: {}\nParameters:\n  Names: { Type: CommaDelimitedList }\n`;
    const parsed = cloudFormationAdapter.parse(text, "t.yaml");
    expect(parsed.models.filter((m) => m.modelType === "aws.s3.Bucket")).toEqual([]);
    expect(parsed.warnings.map((w) => w.line)).toEqual([3, 8]);
  });
});

describe("cloudFormationAdapter: detection", () => {
  it.each([
    { path: "stack.yaml", want: true },
    { path: "stack.YML", want: true },
    { path: "stack.json", want: true },
    { path: "stack.template", want: true },
    { path: "main.tf", want: false },
    { path: "Dockerfile", want: false },
  ])("wants $path: $want", ({ path, want }) => {
    expect(cloudFormationAdapter.wants(path)).toBe(want);
  });

  it.each([
    { name: "a template with AWSTemplateFormatVersion", text: "AWSTemplateFormatVersion: 2010-09-09\nResources: {}\n", is: true },
    { name: "Resources of an AWS type", text: "Resources:\n  B:\n    Type: AWS::S3::Bucket\n", is: true },
    { name: "a JSON template", text: '{\n  "Resources": { "B": { "Type": "AWS::S3::Bucket" } }\n}\n', is: true },
    { name: "a SAM template", text: "Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n", is: true },
    { name: "broken YAML that says it is a template", text: "AWSTemplateFormatVersion: 2010-09-09\nResources: [\n", is: true },
    { name: "a Kubernetes manifest", text: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  t: 'Type: AWS::S3::Bucket'\n", is: false },
    { name: "a template nested in a ConfigMap", text: "apiVersion: v1\nkind: ConfigMap\ndata:\n  Resources:\n    B:\n      Type: AWS::S3::Bucket\n", is: false },
    { name: "a multi-document manifest", text: "apiVersion: v1\nkind: A\n---\napiVersion: v1\nkind: B\nx: AWS::S3::Bucket\n", is: false },
    { name: "package.json", text: '{ "name": "x", "version": "1.0.0", "scripts": { "build": "tsc" } }\n', is: false },
    { name: "a Resources map of other types", text: "Resources:\n  B:\n    Type: Custom::Thing\n", is: false },
  ])("sniffs $name: $is", ({ text, is }) => {
    expect(cloudFormationAdapter.sniff?.(text)).toBe(is);
  });

  it("is chosen for templates and not for Kubernetes manifests or package.json", () => {
    expect(adapterForText("stack.yaml", fixture("conditions.yaml"))?.format).toBe("cloudformation");
    expect(adapterForText("stack.json", fixture("bucket.json"))?.format).toBe("cloudformation");
    expect(adapterForText("deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n")?.format).toBe("kubernetes");
    expect(adapterForText("package.json", '{"name":"x","dependencies":{}}')).toBeUndefined();
  });
});

describe("cloudFormationAdapter: hostile input", () => {
  it("refuses an alias bomb quickly, naming the file and line", () => {
    const rows = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 12; i++) rows.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(", ")}]`);
    const text = `AWSTemplateFormatVersion: "2010-09-09"\nMetadata:\n${rows.map((r) => `  ${r}`).join("\n")}\nResources: {}\n`;
    const start = Date.now();
    expect(() => cloudFormationAdapter.parse(text, "bomb.yaml")).toThrow(InputError);
    expect(() => cloudFormationAdapter.parse(text, "bomb.yaml")).toThrow(/^bomb\.yaml:\d+: more than 100 YAML aliases/);
    expect(Date.now() - start).toBeLessThan(2000);
  });

  it.each([
    { name: "flow nesting", text: `AWSTemplateFormatVersion: x\nMetadata: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`, line: 2 },
    { name: "JSON nesting", text: `{"AWSTemplateFormatVersion": "x",\n"Metadata": ${'{"a":'.repeat(5000)}1${"}".repeat(5000)}}`, line: 2 },
    { name: "block nesting", text: `AWSTemplateFormatVersion: x\nMetadata:\n${Array.from({ length: 300 }, (_, i) => `${" ".repeat(i + 1)}k:`).join("\n")} 1\n`, line: undefined },
  ])("refuses deep $name with an InputError", ({ text, line }) => {
    const start = Date.now();
    let err: unknown;
    try {
      cloudFormationAdapter.parse(text, "deep.yaml");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(line === undefined ? /^deep\.yaml:\d+: nested deeper/ : new RegExp(`^deep\\.yaml:${line}: nested deeper`));
    expect(Date.now() - start).toBeLessThan(3000);
  });

  it("reports invalid YAML with its line", () => {
    expect(() => cloudFormationAdapter.parse("AWSTemplateFormatVersion: x\nResources:\n  A: [\n", "bad.yaml")).toThrow(/^bad\.yaml:\d+: invalid YAML or JSON/);
  });

  it("refuses a top level that is not a map", () => {
    expect(() => cloudFormationAdapter.parse("- a\n- b\n", "list.yaml")).toThrow(/^list\.yaml:1: not a CloudFormation template/);
  });

  it("bounds what a template may expand to", () => {
    const big = Array(2000).fill("x").join(",");
    const refs = Array.from({ length: 3000 }, (_, i) => `      P${i}: !Split [",", !Ref Big]`).join("\n");
    const text = `Parameters:\n  Big: { Type: String, Default: "${big}" }\nResources:\n  B:\n    Type: AWS::Test::Thing\n    Properties:\n${refs}\n`;
    expect(() => cloudFormationAdapter.parse(text, "huge.yaml")).toThrow(/^huge\.yaml:\d+: the template expands to too many values/);
  });
});
