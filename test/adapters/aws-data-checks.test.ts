// The data-service checks on inputs beyond their examples: values that cannot be worked out keep
// a check quiet, and findings that span resources land on the right one.
import { describe, expect, it } from "vitest";
import { cloudFormationAdapter } from "../../src/adapters/cloudformation.js";
import { terraformAdapter } from "../../src/adapters/terraform.js";
import { awsDataChecks } from "../../src/checks/aws/group-data.js";
import { violationsOf } from "../../src/checks/define.js";
import type { Violation } from "../../src/checks/types.js";

function run(id: string, format: "terraform" | "cloudformation", text: string): Violation[] {
  const check = awsDataChecks.find((c) => c.id === id);
  if (!check) throw new Error(`no check ${id}`);
  const adapter = format === "terraform" ? terraformAdapter : cloudFormationAdapter;
  const models = adapter.parse(text, format === "terraform" ? "main.tf" : "template.yaml").models;
  return models.filter((m) => m.modelType === check.appliesTo).flatMap((m) => [...violationsOf(check.evaluate(m, { path: "x" }))]);
}

const trailOn = (bucket: string): string => `resource "aws_cloudtrail" "t" {\n  name           = "t"\n  s3_bucket_name = ${bucket}\n}\n`;

describe("data checks stay quiet on what they cannot see", () => {
  it.each([
    {
      name: "deny-HTTP statement with a boolean condition value",
      id: "MAM-AWS-102",
      text: `resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\nresource "aws_s3_bucket_policy" "b" {\n  bucket = aws_s3_bucket.b.id\n  policy = jsonencode({ Statement = [{ Effect = "Deny", Principal = "*", Action = "s3:*", Condition = { Bool = { "aws:SecureTransport" = false } } }] })\n}\n`,
    },
    {
      name: "bucket policy from a data source",
      id: "MAM-AWS-102",
      text: `resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\nresource "aws_s3_bucket_policy" "b" {\n  bucket = aws_s3_bucket.b.id\n  policy = data.aws_iam_policy_document.b.json\n}\n`,
    },
    { name: "rotation from a variable without default", id: "MAM-AWS-110", text: `variable "rotate" {}\nresource "aws_kms_key" "k" {\n  enable_key_rotation = var.rotate\n}\n` },
    { name: "key spec from a variable", id: "MAM-AWS-110", text: `resource "aws_kms_key" "k" {\n  customer_master_key_spec = var.spec\n}\n` },
    {
      name: "public ACL on a trail bucket whose public access block setting is unknown",
      id: "MAM-AWS-107",
      text: `resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  acl    = "public-read"\n}\nresource "aws_s3_bucket_public_access_block" "b" {\n  bucket             = aws_s3_bucket.b.id\n  ignore_public_acls = var.ignore\n}\n${trailOn("aws_s3_bucket.b.id")}`,
    },
    { name: "trail bucket rules on a bucket no trail uses", id: "MAM-AWS-106", text: `resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n${trailOn('"elsewhere"')}` },
    { name: "a bucket that receives access logs", id: "MAM-AWS-101", text: `resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  acl    = "log-delivery-write"\n}\n` },
    { name: "rotation resource not tied to a secret", id: "MAM-AWS-144", text: `resource "aws_secretsmanager_secret" "s" {\n  name = "s"\n}\nresource "aws_secretsmanager_secret_rotation" "r" {\n  secret_id = var.arn\n}\n` },
    { name: "IAM auth on an instance whose engine is unknown", id: "MAM-AWS-150", text: `resource "aws_db_instance" "d" {\n  engine = var.engine\n}\n` },
    { name: "unwritten encryption on a Valkey group", id: "MAM-AWS-168", text: `resource "aws_elasticache_replication_group" "g" {\n  replication_group_id = "g"\n  engine               = "valkey"\n}\n` },
    { name: "unwritten encryption when the engine is unknown", id: "MAM-AWS-169", text: `resource "aws_elasticache_replication_group" "g" {\n  replication_group_id = "g"\n  engine               = var.engine\n}\n` },
    { name: "a Condition that cannot be read", id: "MAM-AWS-192", text: `resource "aws_iam_role" "r" {\n  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "sts:AssumeRole", Condition = local.cond }] })\n}\n` },
    { name: "a NotPrincipal statement", id: "MAM-AWS-103", text: `resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  policy = jsonencode({ Statement = [{ Effect = "Allow", NotPrincipal = { AWS = "arn:aws:iam::1:root" }, Action = "s3:GetObject" }] })\n}\n` },
    { name: "a retention period from a variable", id: "MAM-AWS-124", text: `resource "aws_cloudwatch_log_group" "g" {\n  retention_in_days = var.days\n}\n` },
  ])("$id: $name", ({ id, text }) => {
    expect(run(id, "terraform", text)).toEqual([]);
  });
});

describe("data checks across resources", () => {
  it("reports a trail bucket found by its literal name, at the bucket", () => {
    const v = run("MAM-AWS-106", "terraform", `resource "aws_s3_bucket" "b" {\n  bucket = "acme-trail"\n}\n${trailOn('"acme-trail"')}`);
    expect(v).toHaveLength(1);
    expect(v[0]?.range).toEqual({ startLine: 1, endLine: 3 });
    expect(v[0]?.message).toContain("aws_cloudtrail.t");
  });

  it("raises a fully open key policy to critical, and leaves narrower ones at the check's severity", () => {
    const policy = (action: string) =>
      `resource "aws_kms_key" "k" {\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "${action}", Resource = "*" }] })\n}\n`;
    expect(run("MAM-AWS-111", "terraform", policy("kms:*"))[0]?.severity).toBe("critical");
    expect(run("MAM-AWS-111", "terraform", policy("kms:Decrypt"))[0]?.severity).toBeUndefined();
  });

  it("names the principal that AdministratorAccess is attached to", () => {
    const v = run(
      "MAM-AWS-193",
      "terraform",
      `resource "aws_iam_policy_attachment" "admins" {\n  name       = "admins"\n  groups     = [aws_iam_group.ops.name]\n  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"\n}\n`,
    );
    expect(v.map((x) => x.message)).toEqual(["aws_iam_policy_attachment.admins gives group aws_iam_group.ops full administrator access"]);
  });

  it("reports each open statement of a policy at its own lines", () => {
    const v = run(
      "MAM-AWS-135",
      "cloudformation",
      `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Q:
    Type: AWS::SQS::Queue
  P:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Q]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: sqs:SendMessage
          - Effect: Allow
            Principal:
              Service: sns.amazonaws.com
            Action: sqs:SendMessage
          - Effect: Allow
            Principal:
              AWS: ["arn:aws:iam::111122223333:root", "*"]
            Action: sqs:ReceiveMessage
`,
    );
    expect(v.map((x) => x.range.startLine)).toEqual([11, 18]);
  });
});
