// Terraform onto the AWS data-service models: companions joined to their resource, values kept
// unknown where they cannot be worked out.
import { describe, expect, it } from "vitest";
import { terraformAdapter } from "../../src/adapters/terraform.js";
import type { ResourceModel } from "../../src/checks/types.js";
import type { CloudTrail, KmsKey, PolicyGrant, RedshiftCluster, S3BucketData, Secret, SnsTopic, SqsQueue } from "../../src/models/aws-data.js";

function models<T extends ResourceModel>(text: string, type: string): T[] {
  return terraformAdapter.parse(text, "main.tf").models.filter((m) => m.modelType === type) as T[];
}

function one<T extends ResourceModel>(text: string, type: string): T {
  const all = models<T>(text, type);
  expect(all).toHaveLength(1);
  return all[0] as T;
}

describe("aws.s3.BucketData from Terraform", () => {
  const text = `resource "aws_s3_bucket" "data" {
  bucket = "data"
}
resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}
resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = aws_s3_bucket.logs.id
}
resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.s3.arn
    }
  }
}
resource "aws_s3_bucket_versioning" "data" {
  bucket = "data"
  versioning_configuration {
    status = "Enabled"
  }
}
resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = jsonencode({
    Statement = [{ Effect = "Deny", Principal = "*", Action = "s3:*", Condition = { Bool = { "aws:SecureTransport" = false } } }]
  })
}
resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
}
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.logs.id
}`;
  const all = models<S3BucketData>(text, "aws.s3.BucketData");
  const data = all.find((b) => b.address === "aws_s3_bucket.data") as S3BucketData;
  const logs = all.find((b) => b.address === "aws_s3_bucket.logs") as S3BucketData;

  it("joins companions by reference and by literal bucket name", () => {
    expect(data.logging).toMatchObject({ value: true, known: true, range: { startLine: 7, endLine: 10 } });
    expect(data.sseAlgorithm).toMatchObject({ value: "aws:kms", known: true });
    expect(data.sseKmsKey).toMatchObject({ known: false });
    expect(data.versioning).toMatchObject({ value: true, known: true });
    expect(data.mfaDelete).toMatchObject({ value: false, known: true });
    expect(data.lifecycle).toBeUndefined();
    expect(logs.lifecycle).toMatchObject({ value: true, known: true });
  });

  it("reads the bucket policy with its principals and conditions", () => {
    expect(data.policy?.known).toBe(true);
    const s = data.policy?.statements[0];
    expect(s?.effect?.value).toBe("Deny");
    expect(s?.principals).toEqual([{ kind: "*", value: expect.objectContaining({ value: "*", known: true }) }]);
    expect(s?.conditions).toEqual([{ operator: "Bool", key: "aws:SecureTransport", values: [expect.objectContaining({ value: "false", known: true })] }]);
  });

  it("knows which bucket receives access logs and which holds a trail's logs", () => {
    expect(logs.isLogTarget).toBe(true);
    expect(data.isLogTarget).toBe(false);
    expect(logs.trails).toEqual(["aws_cloudtrail.main"]);
    expect(data.trails).toEqual([]);
  });

  it("leaves settings unknown when a companion cannot be tied to a bucket", () => {
    const b = one<S3BucketData>(
      `resource "aws_s3_bucket" "a" {
  bucket = "a"
}
resource "aws_s3_bucket_logging" "x" {
  bucket        = var.bucket
  target_bucket = "somewhere"
}
resource "aws_s3_bucket_policy" "x" {
  bucket = var.bucket
  policy = "{}"
}`,
      "aws.s3.BucketData",
    );
    expect(b.logging).toMatchObject({ known: false, range: { startLine: 4, endLine: 7 } });
    expect(b.policy).toMatchObject({ known: false });
  });

  it("reads provider v3 inline settings", () => {
    const b = one<S3BucketData>(
      `resource "aws_s3_bucket" "a" {
  bucket              = "a"
  acl                 = "log-delivery-write"
  object_lock_enabled = true
  versioning {
    enabled    = true
    mfa_delete = true
  }
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }
  lifecycle_rule {
    enabled = true
  }
}`,
      "aws.s3.BucketData",
    );
    expect(b).toMatchObject({
      isLogTarget: true,
      objectLock: { value: true, known: true },
      versioning: { value: true },
      mfaDelete: { value: true },
      sseAlgorithm: { value: "AES256" },
      lifecycle: { value: true },
    });
  });
});

describe("resource policies", () => {
  it.each([
    { name: "jsonencode", policy: `jsonencode({ Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "kms:*" }] })`, known: true, principal: "AWS" },
    { name: "JSON string", policy: `"{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"kms:*\\"}]}"`, known: true, principal: "*" },
    { name: "data source", policy: "data.aws_iam_policy_document.key.json", known: false, principal: undefined },
    { name: "invalid JSON", policy: `"{not json"`, known: false, principal: undefined },
    { name: "unreadable statement list", policy: `jsonencode({ Statement = var.statements })`, known: false, principal: undefined },
  ])("$name is known=$known", ({ policy, known, principal }) => {
    const k = one<KmsKey>(`resource "aws_kms_key" "k" {\n  policy = ${policy}\n}\n`, "aws.kms.Key");
    expect(k.policy?.known).toBe(known);
    expect(k.policy?.statements[0]?.principals[0]?.kind).toBe(principal);
  });

  it("keeps JSON nested beyond any real policy unknown instead of recursing", () => {
    const deep = `${"[".repeat(200)}${"]".repeat(200)}`;
    const json = JSON.stringify(`{"Statement":[{"Effect":"Allow","Principal":"*","Action":${deep}}]}`);
    const k = one<KmsKey>(`resource "aws_kms_key" "k" {\n  policy = ${json}\n}\n`, "aws.kms.Key");
    expect(k.policy?.known).toBe(true);
    expect(k.policy?.statements[0]?.action.every((a) => !a.known)).toBe(true);
  });

  it("marks a Condition that cannot be read as unknown", () => {
    const t = one<SnsTopic>(
      `resource "aws_sns_topic" "t" {
  name = "t"
}
resource "aws_sns_topic_policy" "t" {
  arn    = aws_sns_topic.t.arn
  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "sns:Publish", Condition = var.cond }] })
}`,
      "aws.sns.Topic",
    );
    expect(t.policy?.statements[0]?.conditions).toBe("unknown");
  });

  it("joins queue policies through queue_url", () => {
    const q = one<SqsQueue>(
      `resource "aws_sqs_queue" "q" {
  name = "q"
}
resource "aws_sqs_queue_policy" "q" {
  queue_url = aws_sqs_queue.q.url
  policy    = jsonencode({ Statement = [] })
}`,
      "aws.sqs.Queue",
    );
    expect(q.policy).toMatchObject({ known: true, statements: [] });
  });
});

describe("other companions", () => {
  it("ties a secret's rotation resource, or leaves rotation unknown when it cannot", () => {
    const tied = one<Secret>(
      `resource "aws_secretsmanager_secret" "s" {
  name = "s"
}
resource "aws_secretsmanager_secret_rotation" "s" {
  secret_id = aws_secretsmanager_secret.s.id
  rotation_rules {
    automatically_after_days = 30
  }
}`,
      "aws.secretsmanager.Secret",
    );
    expect(tied.rotation).toMatchObject({ value: true, known: true });
    expect(tied.rotationDays).toMatchObject({ value: 30, known: true });
    const loose = one<Secret>(
      `resource "aws_secretsmanager_secret" "s" {
  name = "s"
}
resource "aws_secretsmanager_secret_rotation" "other" {
  secret_id = var.secret_arn
}`,
      "aws.secretsmanager.Secret",
    );
    expect(loose.rotation).toMatchObject({ known: false });
  });

  it("ties aws_redshift_logging by reference or by the literal cluster identifier", () => {
    const text = (id: string) => `resource "aws_redshift_cluster" "w" {
  cluster_identifier = "warehouse"
}
resource "aws_redshift_logging" "w" {
  cluster_identifier = ${id}
}`;
    expect(one<RedshiftCluster>(text("aws_redshift_cluster.w.id"), "aws.redshift.Cluster").logging).toMatchObject({ value: true, known: true });
    expect(one<RedshiftCluster>(text(`"warehouse"`), "aws.redshift.Cluster").logging).toMatchObject({ value: true, known: true });
    expect(one<RedshiftCluster>(text("var.id"), "aws.redshift.Cluster").logging).toMatchObject({ known: false });
  });

  it("reads S3 data events from basic and advanced selectors", () => {
    const trail = (body: string) => one<CloudTrail>(`resource "aws_cloudtrail" "t" {\n  name = "t"\n${body}\n}\n`, "aws.cloudtrail.Trail").s3DataEvents;
    expect(trail("")).toMatchObject({ value: false, known: true });
    expect(trail(`  event_selector {\n    data_resource {\n      type   = "AWS::S3::Object"\n      values = ["arn:aws:s3"]\n    }\n  }`)).toMatchObject({ value: true });
    expect(trail(`  event_selector {\n    data_resource {\n      type = var.type\n    }\n  }`)).toMatchObject({ known: false });
    expect(trail(`  advanced_event_selector {\n    field_selector {\n      field  = "resources.type"\n      equals = ["AWS::S3::Object"]\n    }\n  }`)).toMatchObject({ value: true });
  });
});

describe("aws.iam.PolicyGrant from Terraform", () => {
  const grants = models<PolicyGrant>(
    `resource "aws_iam_user_policy_attachment" "a" {
  user       = aws_iam_user.ci.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
resource "aws_iam_policy_attachment" "b" {
  name       = "b"
  users      = ["alice"]
  roles      = var.roles
  groups     = [aws_iam_group.ops.name]
  policy_arn = aws_iam_policy.p.arn
}
resource "aws_iam_user_policy" "c" {
  user   = "bob"
  policy = "{}"
}
resource "aws_iam_role" "r" {
  name                = "r"
  managed_policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
}`,
    "aws.iam.PolicyGrant",
  );

  it.each([
    { principalKind: "user", principal: "aws_iam_user.ci", kind: "managed", arn: "arn:aws:iam::aws:policy/AdministratorAccess" },
    { principalKind: "user", principal: "alice", kind: "managed", arn: undefined },
    { principalKind: "group", principal: "aws_iam_group.ops", kind: "managed", arn: undefined },
    { principalKind: "user", principal: "bob", kind: "inline", arn: undefined },
    { principalKind: "role", principal: "aws_iam_role.r", kind: "managed", arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" },
  ])("$kind grant to $principalKind $principal", ({ principalKind, principal, kind, arn }) => {
    const g = grants.find((x) => x.principal === principal && x.kind === kind);
    expect(g).toMatchObject({ principalKind });
    expect(g?.policyArn?.value).toBe(arn);
  });

  it("assumes no grant from a principal list it cannot read", () => {
    expect(grants.filter((g) => g.principalKind === "role" && g.address === "aws_iam_policy_attachment.b")).toEqual([]);
    expect(grants).toHaveLength(5);
  });
});
