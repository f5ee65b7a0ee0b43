import { describe, expect, it } from "vitest";
import { terraformAdapter } from "../../src/adapters/terraform.js";
import type { ResourceModel } from "../../src/checks/types.js";
import { InputError } from "../../src/core/errors.js";
import type { IamPolicy, RdsInstance, S3Bucket, SecurityGroup } from "../../src/models/aws.js";

function models<T extends ResourceModel>(text: string, type: string): T[] {
  return terraformAdapter.parse(text, "main.tf").models.filter((m) => m.modelType === type) as T[];
}

function one<T extends ResourceModel>(text: string, type: string): T {
  const all = models<T>(text, type);
  expect(all).toHaveLength(1);
  return all[0] as T;
}

describe("terraformAdapter", () => {
  it("wants .tf and .tf.json files only", () => {
    expect(["main.tf", "infra/NET.TF", "a.tfvars", "main.tf.json", "x.yaml"].map((p) => terraformAdapter.wants(p))).toEqual([true, true, false, true, false]);
  });

  it("keeps each value's line and evaluates literals, var defaults, locals and templates", () => {
    const text = `variable "env" {
  default = "prod"
}
variable "nodefault" {}
locals {
  port = 5432
  tags = { team = "data" }
  name = "orders-\${var.env}"
}
resource "aws_db_instance" "orders" {
  identifier              = local.name
  publicly_accessible     = true
  storage_encrypted       = var.nodefault
  backup_retention_period = -1
  deletion_protection     = local.tags.team
  password                = "x-\${aws_kms_key.k.id}"
}`;
    const db = one<RdsInstance>(text, "aws.rds.Instance");
    expect(db.address).toBe("aws_db_instance.orders");
    expect(db.range).toEqual({ startLine: 10, endLine: 17 });
    expect(db.publiclyAccessible).toEqual({ value: true, known: true, range: { startLine: 12, endLine: 12 } });
    expect(db.storageEncrypted).toMatchObject({ known: false, range: { startLine: 13, endLine: 13 } });
    expect(db.backupRetentionPeriod).toMatchObject({ value: -1, known: true });
    expect(db.deletionProtection).toMatchObject({ value: "data", known: true, range: { startLine: 15, endLine: 15 } });
    expect(db.password).toMatchObject({ value: undefined, known: false });
  });

  it.each([
    { expr: `"a-\${var.env}"`, value: "a-prod", known: true },
    { expr: `"a\\n\\"b\\""`, value: 'a\n"b"', known: true },
    { expr: "var.env", value: "prod", known: true },
    { expr: "local.loop", value: undefined, known: false },
    { expr: `lower("A")`, value: "a", known: true },
    { expr: `regex("[a-z]+", "abc")`, value: undefined, known: false },
    { expr: "data.aws_caller_identity.me.account_id", value: undefined, known: false },
    { expr: "aws_s3_bucket.x.id", value: undefined, known: false },
    { expr: `var.env == "prod" ? "a" : "b"`, value: "a", known: true },
    { expr: `var.nope == "prod" ? "a" : "b"`, value: undefined, known: false },
    { expr: `var.nope == "prod" ? "same" : "same"`, value: "same", known: true },
    { expr: "each.value", value: undefined, known: false },
  ])("$expr is known=$known", ({ expr, value, known }) => {
    const text = `variable "env" { default = "prod" }\nvariable "nope" {}\nlocals { loop = local.loop }\nresource "aws_s3_bucket" "b" {\n  bucket = ${expr}\n}\n`;
    expect(one<S3Bucket>(text, "aws.s3.Bucket").bucket).toMatchObject({ value, known });
  });

  it("joins separate S3 resources to their bucket by reference", () => {
    const text = `resource "aws_s3_bucket" "a" { bucket = "a" }
resource "aws_s3_bucket" "b" { bucket = "b" }
resource "aws_s3_bucket_acl" "a" {
  bucket = aws_s3_bucket.a.id
  acl    = "public-read"
}
resource "aws_s3_bucket_public_access_block" "b" {
  bucket = aws_s3_bucket.b.bucket
}
resource "aws_s3_bucket_server_side_encryption_configuration" "a" {
  bucket = aws_s3_bucket.a.id
}
resource "aws_s3_bucket_versioning" "b" {
  bucket = aws_s3_bucket.b.id
  versioning_configuration {
    status = "Suspended"
  }
}`;
    const [a, b] = models<S3Bucket>(text, "aws.s3.Bucket");
    expect(a?.acl).toEqual({ value: "public-read", known: true, range: { startLine: 5, endLine: 5 } });
    expect(a?.publicAccessBlock).toBeUndefined();
    expect(a?.encryption).toMatchObject({ known: true, range: { startLine: 10, endLine: 12 } });
    expect(a?.versioning).toBeUndefined();
    expect(b?.acl).toBeUndefined();
    expect(b?.publicAccessBlock).toMatchObject({ known: true, range: { startLine: 7, endLine: 9 } });
    expect(b?.encryption).toBeUndefined();
    expect(b?.versioning).toEqual({ value: false, known: true, range: { startLine: 16, endLine: 16 } });
  });

  it("marks a companion that cannot be placed as unknown for every bucket", () => {
    const text = `resource "aws_s3_bucket" "a" { bucket = "a" }\nresource "aws_s3_bucket_public_access_block" "x" {\n  bucket = var.id\n}\n`;
    expect(one<S3Bucket>(text, "aws.s3.Bucket").publicAccessBlock).toMatchObject({ known: false });
  });

  it("collects security group rules, inline and separate", () => {
    const text = `resource "aws_security_group" "web" {
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0", var.extra]
  }
}
resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = aws_security_group.web.id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  ipv6_cidr_blocks  = ["::/0"]
}
resource "aws_vpc_security_group_ingress_rule" "rdp" {
  security_group_id = aws_security_group.web.id
  cidr_ipv4         = "10.0.0.0/8"
  from_port         = 3389
  to_port           = 3389
  ip_protocol       = "tcp"
}
resource "aws_security_group_rule" "other" {
  type              = "ingress"
  security_group_id = aws_security_group.other.id
  from_port         = 1
  to_port           = 1
  protocol          = "tcp"
}`;
    const sg = one<SecurityGroup>(text, "aws.ec2.SecurityGroup");
    expect(sg.rules.map((r) => [r.direction, r.fromPort?.value, r.protocol?.value, r.cidrs.map((c) => (c.known ? c.value : "?")), r.range.startLine])).toEqual([
      ["ingress", 443, "tcp", ["0.0.0.0/0", "?"], 2],
      ["ingress", 22, "tcp", ["::/0"], 9],
      ["ingress", 3389, "tcp", ["10.0.0.0/8"], 17],
    ]);
  });

  it("reads IAM policies from jsonencode and from heredoc JSON", () => {
    const text = `resource "aws_iam_policy" "a" {
  policy = jsonencode({
    Statement = [
      { Effect = "Allow", Action = ["s3:*", var.x], Resource = "*" },
      { Effect = "Deny", NotAction = "iam:*", Resource = "*" },
    ]
  })
}
resource "aws_iam_role_policy" "b" {
  policy = <<EOT
{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}
EOT
}
resource "aws_iam_group_policy" "c" {
  policy = data.aws_iam_policy_document.c.json
}`;
    const [a, b, c] = models<IamPolicy>(text, "aws.iam.Policy");
    expect(a?.statements.map((s) => [s.effect?.value, s.action.map((x) => x.value), s.notAction.map((x) => x.value), s.range.startLine])).toEqual([
      ["Allow", ["s3:*", undefined], [], 4],
      ["Deny", [], ["iam:*"], 5],
    ]);
    expect(a?.statements[0]?.action[0]?.range.startLine).toBe(4);
    expect(b?.statements).toHaveLength(1);
    expect(b?.statements[0]?.action[0]).toMatchObject({ value: "*", known: true, range: { startLine: 10, endLine: 12 } });
    expect(c?.statements).toEqual([]);
  });

  it("returns one block per top-level block", () => {
    const text = `# comment\nterraform {}\n\n// another\nresource "aws_s3_bucket" "a" {\n  bucket = "a"\n}\n`;
    expect(terraformAdapter.parse(text, "main.tf").blocks).toEqual([
      { startLine: 2, endLine: 2 },
      { startLine: 5, endLine: 7 },
    ]);
  });

  it.each([
    { text: `resource "aws_s3_bucket" "a" {\n  bucket = "a"\n`, line: 3 },
    { text: `resource "aws_s3_bucket" "a" {\n  bucket = "a"\n  acl = = "x"\n}\n`, line: 3 },
  ])("rejects invalid HCL with its line ($line)", ({ text, line }) => {
    let err: unknown;
    try {
      terraformAdapter.parse(text, "bad.tf");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toContain(`bad.tf:${line}`);
  });

  it("parses a 5,000-resource file quickly", () => {
    const parts: string[] = [];
    for (let i = 0; i < 5000; i++) parts.push(`resource "aws_s3_bucket" "b${i}" {\n  bucket = "bucket-${i}"\n  acl    = "private"\n}\n`);
    const start = performance.now();
    const parsed = terraformAdapter.parse(parts.join(""), "big.tf");
    const ms = performance.now() - start;
    const buckets = parsed.models.filter((m) => m.modelType === "aws.s3.Bucket");
    expect(buckets).toHaveLength(5000);
    expect(buckets[4999]?.range.startLine).toBe(4999 * 4 + 1);
    expect(ms).toBeLessThan(2000);
  });
});

describe("terraformAdapter locals", () => {
  it("evaluates chains once, gives up on huge strings and treats cycles as unknown", () => {
    const chain = Array.from({ length: 40 }, (_, i) => `  l${i} = "\${local.l${i + 1}}\${local.l${i + 1}}"`).join("\n");
    const text = `locals {\n${chain}\n  l40 = "x"\n  a = local.b\n  b = local.a\n}\nresource "aws_s3_bucket" "one" {\n  bucket = local.l38\n  acl    = local.a\n}\n`;
    const b = terraformAdapter.parse(text, "main.tf").models[0] as S3Bucket;
    expect(b.bucket).toMatchObject({ value: "xxxx", known: true });
    expect(b.acl).toMatchObject({ known: false });
  });
});
