// A directory of .tf files read as one module: variables from every source Terraform reads, locals
// across files, count/for_each instances, dynamic blocks, modules (local and from modules.json),
// and what the models carry (address, file, via, lines).
import { describe, expect, it } from "vitest";
import type { ResourceModel } from "../../src/checks/types.js";
import type { IamPolicy, RdsInstance, S3Bucket, SecurityGroup } from "../../src/models/aws.js";
import type { ParsedFile } from "../../src/adapters/types.js";
import { project } from "./terraform-helpers.js";

function models<T extends ResourceModel>(parsed: Map<string, ParsedFile>, type: string): T[] {
  return [...parsed.values()].flatMap((p) => p.models).filter((m) => m.modelType === type) as T[];
}

function buckets(parsed: Map<string, ParsedFile>): S3Bucket[] {
  return models<S3Bucket>(parsed, "aws.s3.Bucket");
}

const bucketName = (p: Map<string, ParsedFile>): unknown => buckets(p).map((b) => (b.bucket?.known ? b.bucket.value : "?"));

describe("a directory is one module", () => {
  it("reads variables and locals across files and puts each model in its own file", () => {
    const parsed = project({
      "variables.tf": `variable "env" {\n  default = "prod"\n}\n`,
      "locals.tf": `locals {\n  prefix = "shop-\${var.env}"\n}\n`,
      "s3.tf": `resource "aws_s3_bucket" "logs" {\n  bucket = "\${local.prefix}-logs"\n}\n`,
      "rds.tf": `# the database\nresource "aws_db_instance" "db" {\n  identifier          = local.prefix\n  publicly_accessible = var.env == "prod" ? false : true\n}\n`,
    });
    expect(parsed.get("s3.tf")?.models.map((m) => m.modelType)).toContain("aws.s3.Bucket");
    expect(parsed.get("variables.tf")?.models).toEqual([]);
    const b = buckets(parsed)[0];
    expect(b?.bucket).toEqual({ value: "shop-prod-logs", known: true, range: { startLine: 2, endLine: 2 } });
    expect(b?.file).toBeUndefined();
    const db = models<RdsInstance>(parsed, "aws.rds.Instance")[0];
    expect(db?.publiclyAccessible).toEqual({ value: false, known: true, range: { startLine: 4, endLine: 4 } });
    expect(parsed.get("rds.tf")?.blocks).toEqual([{ startLine: 2, endLine: 5 }]);
  });

  it("gives a value from another file the lines of its use, not of its definition", () => {
    const parsed = project({
      "locals.tf": `locals {\n  cidrs = [\n    "0.0.0.0/0",\n  ]\n}\n`,
      "sg.tf": `resource "aws_security_group" "web" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = local.cidrs\n  }\n}\n`,
    });
    const sg = models<SecurityGroup>(parsed, "aws.ec2.SecurityGroup")[0];
    expect(sg?.rules[0]?.cidrs).toEqual([{ value: "0.0.0.0/0", known: true, range: { startLine: 6, endLine: 6 } }]);
  });

  it("keeps the lines of list items defined in the same file", () => {
    const parsed = project({
      "main.tf": `locals {\n  cidrs = [\n    "0.0.0.0/0",\n  ]\n}\nresource "aws_security_group" "web" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = local.cidrs\n  }\n}\n`,
    });
    expect(models<SecurityGroup>(parsed, "aws.ec2.SecurityGroup")[0]?.rules[0]?.cidrs[0]?.range).toEqual({ startLine: 3, endLine: 3 });
  });

  it("joins a companion resource in another file of the directory", () => {
    const parsed = project({
      "a.tf": `resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\n`,
      "b.tf": `resource "aws_s3_bucket_acl" "data" {\n  bucket = aws_s3_bucket.data.id\n  acl    = "public-read"\n}\n`,
    });
    expect(buckets(parsed)[0]?.acl).toMatchObject({ value: "public-read", known: true });
  });

  it("reports invalid HCL as a warning with its line and still reads the other files", () => {
    const parsed = project({
      "bad.tf": `resource "aws_s3_bucket" "x" {\n  bucket = = "x"\n}\n`,
      "good.tf": `resource "aws_s3_bucket" "y" {\n  bucket = "y"\n}\n`,
    });
    expect(parsed.get("bad.tf")?.warnings).toEqual([{ line: 2, message: expect.stringMatching(/^not valid Terraform \(HCL\) syntax: .*the file is not scanned$/) }]);
    expect(bucketName(parsed)).toEqual(["y"]);
  });
});

describe("input variables", () => {
  const files = {
    "main.tf": `variable "name" {\n  default = "default"\n}\nresource "aws_s3_bucket" "b" {\n  bucket = var.name\n}\n`,
  };
  const layers: Record<string, string> = {
    "terraform.tfvars": `name = "tfvars"\n`,
    "terraform.tfvars.json": `{"name": "tfvars-json"}`,
    "a.auto.tfvars": `name = "auto-a"\n`,
    "b.auto.tfvars.json": `{"name": "auto-b-json"}`,
  };

  it.each([
    { given: [], env: {}, cli: [], expected: "default" },
    { given: [], env: { TF_VAR_name: "env" }, cli: [], expected: "env" },
    { given: ["terraform.tfvars"], env: { TF_VAR_name: "env" }, cli: [], expected: "tfvars" },
    { given: ["terraform.tfvars", "terraform.tfvars.json"], env: {}, cli: [], expected: "tfvars-json" },
    { given: ["terraform.tfvars.json", "a.auto.tfvars"], env: {}, cli: [], expected: "auto-a" },
    { given: ["a.auto.tfvars", "b.auto.tfvars.json"], env: {}, cli: [], expected: "auto-b-json" },
    { given: ["b.auto.tfvars.json"], env: {}, cli: [{ name: "name", value: "cli" }], expected: "cli" },
    { given: [], env: {}, cli: [{ name: "name", value: "cli" }, { file: "x.tfvars", text: `name = "var-file"` }], expected: "var-file" },
    { given: [], env: {}, cli: [{ file: "x.tfvars", text: `name = "var-file"` }, { name: "name", value: "cli" }], expected: "cli" },
  ])("$expected wins ($given, env $env)", ({ given, env, cli, expected }) => {
    const extra = Object.fromEntries(given.map((n) => [n, layers[n] as string]));
    expect(bucketName(project(files, { variables: { env, cli } }, extra))).toEqual([expected]);
  });

  it("converts values to the variable's type, parsing -var text for complex types", () => {
    const parsed = project(
      {
        "main.tf": `variable "public" {\n  type = bool\n}\nvariable "cfg" {\n  type = object({\n    encrypted = optional(bool, true)\n    retention = optional(number)\n  })\n}\nresource "aws_db_instance" "db" {\n  publicly_accessible     = var.public\n  storage_encrypted       = var.cfg.encrypted\n  backup_retention_period = var.cfg.retention\n  deletion_protection     = var.missing\n}\n`,
      },
      { variables: { env: { TF_VAR_public: "true" }, cli: [{ name: "cfg", value: "{ retention = 7 }" }] } },
    );
    const db = models<RdsInstance>(parsed, "aws.rds.Instance")[0];
    expect(db?.publiclyAccessible).toMatchObject({ value: true, known: true });
    expect(db?.storageEncrypted).toMatchObject({ value: true, known: true, range: { startLine: 12, endLine: 12 } });
    expect(db?.backupRetentionPeriod).toMatchObject({ value: 7, known: true });
    expect(db?.deletionProtection).toMatchObject({ known: false });
  });

  it("leaves a variable without any value unknown", () => {
    const parsed = project({ "main.tf": `variable "name" {}\nresource "aws_s3_bucket" "b" {\n  bucket = var.name\n}\n` });
    expect(buckets(parsed)[0]?.bucket).toMatchObject({ known: false });
  });

  it("warns about a tfvars file it cannot read and uses the rest", () => {
    const parsed = project(files, {}, { "terraform.tfvars": `name = = 1\n`, "a.auto.tfvars": `name = "auto"\n` });
    expect(bucketName(parsed)).toEqual(["auto"]);
    expect(parsed.get("main.tf")?.warnings[0]?.message).toMatch(/^terraform\.tfvars:1: not a valid variables file/);
  });

  it("refuses a --var-file it cannot read, naming its line", () => {
    expect(() => project(files, { variables: { cli: [{ file: "prod.tfvars", text: `a = 1\nb = = 2\n` }] } })).toThrow(/^prod\.tfvars:2: not a valid variables file/);
  });
});

describe("count and for_each", () => {
  it("expands count into instances with addresses and count.index", () => {
    const parsed = project({
      "main.tf": `resource "aws_s3_bucket" "b" {\n  count  = 2\n  bucket = "b-\${count.index}"\n}\nresource "aws_s3_bucket_versioning" "v" {\n  count  = 2\n  bucket = aws_s3_bucket.b[count.index].id\n  versioning_configuration {\n    status = count.index == 0 ? "Enabled" : "Suspended"\n  }\n}\n`,
    });
    const bs = buckets(parsed);
    expect(bs.map((b) => [b.address, b.bucket?.value, b.versioning?.value])).toEqual([
      ["aws_s3_bucket.b[0]", "b-0", true],
      ["aws_s3_bucket.b[1]", "b-1", false],
    ]);
  });

  it("expands for_each over maps and sets, with each.key and each.value", () => {
    const parsed = project({
      "main.tf": `locals {\n  buckets = { logs = "private", site = "public-read" }\n}\nresource "aws_s3_bucket" "b" {\n  for_each = local.buckets\n  bucket   = each.key\n  acl      = each.value\n}\nresource "aws_s3_bucket" "s" {\n  for_each = toset(["x", "y"])\n  bucket   = "set-\${each.value}"\n}\nresource "aws_s3_bucket_public_access_block" "p" {\n  bucket = aws_s3_bucket.b["site"].id\n}\n`,
    });
    expect(buckets(parsed).map((b) => [b.address, b.bucket?.value, b.acl?.value, b.publicAccessBlock?.known ?? "none"])).toEqual([
      ['aws_s3_bucket.b["logs"]', "logs", "private", "none"],
      ['aws_s3_bucket.b["site"]', "site", "public-read", true],
      ['aws_s3_bucket.s["x"]', "set-x", undefined, "none"],
      ['aws_s3_bucket.s["y"]', "set-y", undefined, "none"],
    ]);
  });

  it("keeps one instance with unknown instance values when count or for_each is unknown; none for count = 0", () => {
    const parsed = project({
      "main.tf": `variable "n" {}\nresource "aws_s3_bucket" "u" {\n  count  = var.n\n  bucket = "u-\${count.index}"\n  acl    = "private"\n}\nresource "aws_s3_bucket" "e" {\n  for_each = var.n\n  bucket   = each.key\n}\nresource "aws_s3_bucket" "zero" {\n  count  = 0\n  bucket = "zero"\n}\nresource "aws_s3_bucket_acl" "u" {\n  count  = var.n\n  bucket = aws_s3_bucket.u[count.index].id\n  acl    = "public-read"\n}\n`,
    });
    const bs = buckets(parsed);
    expect(bs.map((b) => [b.address, b.bucket?.known, b.acl?.value])).toEqual([
      ["aws_s3_bucket.u[*]", false, "private"],
      ["aws_s3_bucket.e[*]", false, undefined],
    ]);
  });

  it("joins a companion with an unknown index to every instance", () => {
    const parsed = project({
      "main.tf": `variable "i" {}\nresource "aws_s3_bucket" "b" {\n  count  = 2\n  bucket = "b\${count.index}"\n}\nresource "aws_s3_bucket_public_access_block" "p" {\n  bucket = aws_s3_bucket.b[var.i].id\n}\n`,
    });
    expect(buckets(parsed).map((b) => b.publicAccessBlock?.known)).toEqual([true, true]);
  });

  it("warns and keeps one stand-in past the instance bound", () => {
    const parsed = project({ "main.tf": `resource "aws_s3_bucket" "b" {\n  count  = 1000000\n  bucket = "x"\n}\n` });
    expect(buckets(parsed).map((b) => b.address)).toEqual(["aws_s3_bucket.b[*]"]);
    expect(parsed.get("main.tf")?.warnings[0]).toEqual({ line: 2, message: expect.stringMatching(/count of 1000000 is more than 10000/) });
  });
});

describe("dynamic blocks", () => {
  const text = (forEach: string): string =>
    `variable "rules" {\n  default = [\n    { port = 22, cidr = "0.0.0.0/0" },\n    { port = 443, cidr = "10.0.0.0/8" },\n  ]\n}\nvariable "unknown" {}\nresource "aws_security_group" "web" {\n  dynamic "ingress" {\n    for_each = ${forEach}\n    iterator = rule\n    content {\n      from_port   = rule.value.port\n      to_port     = rule.value.port\n      protocol    = "tcp"\n      cidr_blocks = [rule.value.cidr]\n    }\n  }\n}\n`;

  it("expands into one block per element, with the iterator's values", () => {
    const sg = models<SecurityGroup>(project({ "main.tf": text("var.rules") }), "aws.ec2.SecurityGroup")[0];
    expect(sg?.rules.map((r) => [r.direction, r.fromPort?.value, r.cidrs.map((c) => c.value), r.range])).toEqual([
      ["ingress", 22, ["0.0.0.0/0"], { startLine: 9, endLine: 18 }],
      ["ingress", 443, ["10.0.0.0/8"], { startLine: 9, endLine: 18 }],
    ]);
    expect(sg?.rules[0]?.fromPort?.range).toEqual({ startLine: 13, endLine: 13 });
  });

  it("gives one stand-in block with unknown values when for_each is unknown, and none for an empty one", () => {
    const sg = models<SecurityGroup>(project({ "main.tf": text("var.unknown") }), "aws.ec2.SecurityGroup")[0];
    expect(sg?.rules.map((r) => [r.fromPort?.known, r.protocol?.value, r.cidrs.map((c) => c.known)])).toEqual([[false, "tcp", [false]]]);
    expect(models<SecurityGroup>(project({ "main.tf": text("[]") }), "aws.ec2.SecurityGroup")[0]?.rules).toEqual([]);
  });
});

describe("references to resource attributes", () => {
  it("uses an attribute written in the source and keeps the reference of one that is not", () => {
    const parsed = project({
      "main.tf": `resource "aws_s3_bucket" "src" {\n  bucket = "source-bucket"\n}\nresource "aws_s3_bucket" "copy" {\n  bucket = "\${aws_s3_bucket.src.bucket}-copy"\n}\nresource "aws_s3_bucket" "arn" {\n  bucket = aws_s3_bucket.src.arn\n}\n`,
    });
    expect(buckets(parsed).map((b) => (b.bucket?.known ? b.bucket.value : "?"))).toEqual(["source-bucket", "source-bucket-copy", "?"]);
  });
});

describe("modules", () => {
  const mod = {
    "modules/bucket/variables.tf": `variable "name" {}\nvariable "acl" {\n  default = "private"\n}\n`,
    "modules/bucket/main.tf": `resource "aws_s3_bucket" "this" {\n  bucket = var.name\n  acl    = var.acl\n}\n`,
    "modules/bucket/outputs.tf": `output "id" {\n  value = aws_s3_bucket.this.id\n}\noutput "name" {\n  value = aws_s3_bucket.this.bucket\n}\n`,
  };

  it("evaluates a local module with the call's inputs; models carry the module file and the call", () => {
    const parsed = project({
      ...mod,
      "main.tf": `module "site" {\n  source = "./modules/bucket"\n  name   = "site"\n  acl    = "public-read"\n}\n\nresource "aws_s3_bucket_public_access_block" "site" {\n  bucket = module.site.id\n}\nresource "aws_s3_bucket" "copy" {\n  bucket = "\${module.site.name}-copy"\n}\n`,
    });
    const [site, copy] = buckets(parsed);
    expect(site).toMatchObject({
      address: "module.site.aws_s3_bucket.this",
      file: "modules/bucket/main.tf",
      via: [{ file: "main.tf", range: { startLine: 1, endLine: 5 } }],
      range: { startLine: 1, endLine: 4 },
      bucket: { value: "site", known: true, range: { startLine: 2, endLine: 2 } },
      acl: { value: "public-read", known: true, range: { startLine: 3, endLine: 3 } },
      publicAccessBlock: { known: true },
    });
    expect(copy?.bucket?.value).toBe("site-copy");
    // The module's directory is not a root module of its own: no second bucket with a default acl.
    expect(buckets(parsed)).toHaveLength(2);
    expect(parsed.get("main.tf")?.models.map((m) => m.address)).toContain("module.site.aws_s3_bucket.this");
    expect(parsed.get("modules/bucket/main.tf")?.models).toEqual([]);
  });

  it("expands count and for_each on module calls, and nests modules", () => {
    const parsed = project({
      ...mod,
      "modules/pair/main.tf": `variable "prefix" {}\nmodule "one" {\n  source = "../bucket"\n  name   = "\${var.prefix}-1"\n}\nmodule "two" {\n  count  = 1\n  source = "../bucket"\n  name   = "\${var.prefix}-2"\n}\n`,
      "main.tf": `module "pairs" {\n  for_each = toset(["a", "b"])\n  source   = "./modules/pair"\n  prefix   = each.key\n}\n`,
    });
    expect(buckets(parsed).map((b) => [b.address, b.bucket?.value, b.via?.length])).toEqual([
      ['module.pairs["a"].module.one.aws_s3_bucket.this', "a-1", 2],
      ['module.pairs["a"].module.two[0].aws_s3_bucket.this', "a-2", 2],
      ['module.pairs["b"].module.one.aws_s3_bucket.this', "b-1", 2],
      ['module.pairs["b"].module.two[0].aws_s3_bucket.this', "b-2", 2],
    ]);
  });

  it("reads registry modules only from .terraform/modules/modules.json, and warns about a missing one", () => {
    const parsed = project(
      {
        "main.tf": `module "vpc" {\n  source  = "terraform-aws-modules/s3-bucket/aws"\n  version = "4.0.0"\n  name    = "from-registry"\n}\nmodule "gone" {\n  source = "git::https://example.com/x.git"\n}\n`,
        ".terraform/modules/vpc/main.tf": mod["modules/bucket/main.tf"],
        ".terraform/modules/vpc/variables.tf": mod["modules/bucket/variables.tf"],
      },
      {},
      { ".terraform/modules/modules.json": JSON.stringify({ Modules: [{ Key: "", Source: "", Dir: "." }, { Key: "vpc", Source: "registry.terraform.io/x", Dir: ".terraform/modules/vpc" }] }) },
    );
    expect(buckets(parsed).map((b) => [b.address, b.bucket?.value, b.file])).toEqual([["module.vpc.aws_s3_bucket.this", "from-registry", ".terraform/modules/vpc/main.tf"]]);
    expect(parsed.get("main.tf")?.warnings).toEqual([{ line: 6, message: expect.stringMatching(/^module "gone": git::https:\/\/example\.com\/x\.git is not on disk/) }]);
  });

  it("treats a directory nobody calls as a root, and modules that call each other in a cycle as one root", () => {
    const parsed = project({
      "a/main.tf": `module "b" {\n  source = "../b"\n}\nresource "aws_s3_bucket" "a" {\n  bucket = "a"\n}\n`,
      "b/main.tf": `module "a" {\n  source = "../a"\n}\nresource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n`,
      "c/main.tf": `resource "aws_s3_bucket" "c" {\n  bucket = "c"\n}\n`,
    });
    expect(buckets(parsed).map((b) => b.address).sort()).toEqual(["aws_s3_bucket.a", "aws_s3_bucket.c", "module.b.aws_s3_bucket.b"]);
    expect(parsed.get("b/main.tf")?.warnings).toEqual([{ line: 1, message: expect.stringMatching(/^module "a": it calls itself \(a\)/) }]);
  });

  it("stops at the nesting bound", () => {
    const files: Record<string, string> = { "main.tf": `module "m" {\n  source = "./m0"\n}\n` };
    for (let i = 0; i < 25; i++) files[`m${i}/main.tf`] = `module "next" {\n  source = "../m${i + 1}"\n}\nresource "aws_s3_bucket" "b" {\n  bucket = "b${i}"\n}\n`;
    const parsed = project(files);
    expect(buckets(parsed)).toHaveLength(20);
    expect(parsed.get("m19/main.tf")?.warnings).toEqual([{ line: 1, message: expect.stringMatching(/^module "next": modules are nested more than 20 deep/) }]);
  });

  it("warns about a module that calls its own directory", () => {
    const parsed = project({ "main.tf": `module "m" {\n  source = "./m"\n}\n`, "m/main.tf": `module "again" {\n  source = "./"\n}\n` });
    expect(parsed.get("m/main.tf")?.warnings).toEqual([{ line: 1, message: expect.stringMatching(/^module "again": it calls itself \(m\)/) }]);
  });

  it("warns about a module outside the scanned directory", () => {
    const parsed = project({ "main.tf": `module "x" {\n  source = "../../elsewhere"\n}\n` });
    expect(parsed.get("main.tf")?.warnings).toEqual([{ line: 1, message: expect.stringMatching(/is outside the scanned directory/) }]);
  });
});

describe("file() and templatefile()", () => {
  it("read files inside the module's directory only", () => {
    const policy = `{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}`;
    const parsed = project(
      {
        "envs/prod/main.tf": `module "p" {\n  source = "../../modules/policy"\n}\nresource "aws_iam_policy" "outside" {\n  policy = file("../../modules/policy/admin.json")\n}\n`,
        "modules/policy/main.tf": `resource "aws_iam_policy" "file" {\n  policy = file("\${path.module}/admin.json")\n}\nresource "aws_iam_policy" "tmpl" {\n  policy = templatefile("\${path.module}/tmpl.json", { action = "iam:*" })\n}\n`,
      },
      {},
      { "modules/policy/admin.json": policy, "modules/policy/tmpl.json": `{"Statement": [{"Effect": "Allow", "Action": "\${action}", "Resource": "*"}]}` },
    );
    const policies = models<IamPolicy>(parsed, "aws.iam.Policy").sort((a, b) => (a.address ?? "").localeCompare(b.address ?? ""));
    expect(policies.map((p) => [p.address, p.statements.map((st) => st.action.map((a) => a.value))])).toEqual([
      ["aws_iam_policy.outside", []],
      ["module.p.aws_iam_policy.file", [["*"]]],
      ["module.p.aws_iam_policy.tmpl", [["iam:*"]]],
    ]);
    expect(policies[1]?.statements[0]?.action[0]?.range).toEqual({ startLine: 2, endLine: 2 });
  });
});

describe("cycles and bounds", () => {
  it("reads a file of 20,000 resources in bounded time", () => {
    const parts: string[] = [];
    for (let i = 0; i < 20_000; i++) parts.push(`resource "aws_s3_bucket" "b${i}" {\n  bucket = "\${local.p}-${i}"\n}\n`);
    const start = performance.now();
    const parsed = project({ "main.tf": `locals {\n  p = "x"\n}\n${parts.join("")}` });
    expect(buckets(parsed)).toHaveLength(20_000);
    expect(buckets(parsed)[19_999]?.bucket?.value).toBe("x-19999");
    expect(performance.now() - start).toBeLessThan(15_000);
  });

  it("warns about a cycle between locals, naming the file and line, and leaves the values unknown", () => {
    const parsed = project({
      "locals.tf": `locals {\n  a = local.b\n  b = "\${local.a}-x"\n}\n`,
      "main.tf": `resource "aws_s3_bucket" "b" {\n  bucket = local.a\n}\n`,
    });
    expect(buckets(parsed)[0]?.bucket).toMatchObject({ known: false });
    expect(parsed.get("locals.tf")?.warnings).toEqual([{ line: 2, message: "local.a depends on itself (local.a -> local.b -> local.a); its value is unknown" }]);
  });

  it("warns about outputs of two modules that need each other", () => {
    const parsed = project({
      "m/main.tf": `variable "in" {}\noutput "out" {\n  value = var.in\n}\n`,
      "main.tf": `module "a" {\n  source = "./m"\n  in     = module.b.out\n}\nmodule "b" {\n  source = "./m"\n  in     = module.a.out\n}\nresource "aws_s3_bucket" "x" {\n  bucket = module.a.out\n}\n`,
    });
    expect(buckets(parsed)[0]?.bucket).toMatchObject({ known: false });
    expect(parsed.get("m/main.tf")?.warnings).toEqual([{ line: 2, message: expect.stringMatching(/^module\.a\.output\.out depends on itself \(module\.a\.output\.out -> .* -> module\.a\.output\.out\)/) }]);
  });

  it("gives up on values that need too many others first, without overflowing the stack", () => {
    const chain = Array.from({ length: 5000 }, (_, i) => `  l${i} = local.l${i + 1}`).join("\n");
    const deep = Array.from({ length: 150 }, (_, i) => `  d${i} = ${"[".repeat(90)}local.d${i + 1}${"]".repeat(90)}`).join("\n");
    const parsed = project({ "main.tf": `locals {\n${chain}\n  l5000 = "end"\n${deep}\n  d150 = 1\n}\nresource "aws_s3_bucket" "b" {\n  bucket = local.l0\n}\nresource "aws_s3_bucket" "c" {\n  bucket = local.l4950\n}\nresource "aws_s3_bucket" "d" {\n  bucket = length(local.d0)\n}\n` });
    expect(bucketName(parsed)).toEqual(["?", "end", "?"]);
    expect(parsed.get("main.tf")?.warnings[0]?.message).toMatch(/needs more than 100 other values computed first/);
  });

  it("stays bounded with strings doubled through locals across files", () => {
    const chain = Array.from({ length: 60 }, (_, i) => `locals {\n  l${i} = "\${local.l${i + 1}}\${local.l${i + 1}}"\n}\n`).join("");
    const start = performance.now();
    const parsed = project({ "chain.tf": `${chain}locals {\n  l60 = "xy"\n}\n`, "main.tf": `resource "aws_s3_bucket" "b" {\n  bucket = local.l0\n}\nresource "aws_s3_bucket" "c" {\n  bucket = local.l58\n}\n` });
    expect(bucketName(parsed)).toEqual(["?", "xyxyxyxy"]);
    expect(performance.now() - start).toBeLessThan(3000);
  });

  it("stops a for expression that would do too much work, with a warning", () => {
    const parsed = project({
      "main.tf": `locals {\n  big = [for i in range(100000) : [for j in range(100000) : j]]\n}\nresource "aws_s3_bucket" "b" {\n  bucket = length(local.big)\n}\n`,
    });
    expect(buckets(parsed)[0]?.bucket).toMatchObject({ known: false });
    expect(parsed.get("main.tf")?.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/took more than the work limit/)]);
  });
});

describe("--debug", () => {
  it("says which values are unknown and why, with file and line", () => {
    const lines: string[] = [];
    project(
      { "main.tf": `variable "region" {}\nresource "aws_s3_bucket" "b" {\n  bucket = "x-\${var.region}"\n  acl    = regex("a", "b")\n}\nresource "aws_s3_bucket" "c" {\n  bucket = aws_s3_bucket.b.arn\n}\n` },
      { debug: (l) => lines.push(l) },
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^unknown: main\.tf:1: var\.region has no value/),
        "unknown: main.tf:4: regex(\"a\", \"b\"): regex() is not evaluated by Mamori",
        "unknown: main.tf:7: aws_s3_bucket.b.arn: aws_s3_bucket.b.arn is computed by the provider (it is not set in the configuration)",
      ]),
    );
  });
});
