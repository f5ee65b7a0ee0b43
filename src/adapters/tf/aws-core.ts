// Terraform onto the first AWS models: S3 buckets (with their separate ACL, encryption,
// versioning and public-access-block resources), security groups (with separate rule resources),
// RDS instances, IAM policies and EBS volumes.
import type { EbsVolume, IamPolicy, RdsInstance, S3Bucket, SecurityGroup, SgRule } from "../../models/aws.js";
import type { Val } from "../../models/value.js";
import { iamStatements } from "../terraform-iam.js";
import { inlineRules, separateRule } from "./aws-compute-sg.js";
import type { TfIndex, TfMapper, TfResource } from "./types.js";
import { base, isAny, isString, joins, presence, unknownVal, valueOf } from "./util.js";

function s3Buckets(index: TfIndex): S3Bucket[] {
  const acls = joins(index, "aws_s3_bucket_acl", "bucket", "aws_s3_bucket");
  const pabs = joins(index, "aws_s3_bucket_public_access_block", "bucket", "aws_s3_bucket");
  const sses = joins(index, "aws_s3_bucket_server_side_encryption_configuration", "bucket", "aws_s3_bucket");
  const vers = joins(index, "aws_s3_bucket_versioning", "bucket", "aws_s3_bucket");
  return index.ofType("aws_s3_bucket").map((r) => {
    const b: S3Bucket = base(r, "aws.s3.Bucket");
    const address = r.address;
    const bucket = valueOf(r.block.attrs.get("bucket"), isString);
    if (bucket) b.bucket = bucket;
    const aclRes = acls.byTarget.get(address)?.[0];
    const acl = valueOf(r.block.attrs.get("acl") ?? aclRes?.block.attrs.get("acl"), isString);
    if (acl) b.acl = acl;
    else if (acls.unplaced) b.acl = unknownVal(r.block.range);
    const pab = presence(pabs, address);
    if (pab) b.publicAccessBlock = pab;
    const sse = presence(sses, address, r.block.blocks.find((x) => x.type === "server_side_encryption_configuration")?.range);
    if (sse) b.encryption = sse;
    const versioning = versioningOf(r, vers.byTarget.get(address)?.[0]) ?? (vers.unplaced ? unknownVal<boolean>(r.block.range) : undefined);
    if (versioning) b.versioning = versioning;
    return b;
  });
}

function versioningOf(bucket: TfResource, separate: TfResource | undefined): Val<boolean> | undefined {
  const inline = bucket.block.blocks.find((x) => x.type === "versioning");
  if (inline) {
    const enabled = inline.attrs.get("enabled");
    if (!enabled) return { value: false, known: true, range: inline.range };
    if (enabled.t === "prim" && typeof enabled.value === "boolean") return { value: enabled.value, known: true, range: enabled.range };
    return unknownVal(enabled.range);
  }
  const cfg = separate?.block.blocks.find((x) => x.type === "versioning_configuration");
  if (!separate) return undefined;
  const status = valueOf(cfg?.attrs.get("status"), isString);
  if (!status) return unknownVal(separate.block.range);
  return { value: status.known ? status.value === "Enabled" : undefined, known: status.known, range: status.range };
}

function securityGroups(index: TfIndex): SecurityGroup[] {
  const legacy = joins(index, "aws_security_group_rule", "security_group_id", "aws_security_group");
  const ingress = joins(index, "aws_vpc_security_group_ingress_rule", "security_group_id", "aws_security_group");
  const separate = (x: TfResource) => separateRule(x) ?? [];
  return index.ofType("aws_security_group").map((r) => {
    const rules: SgRule[] = [
      ...inlineRules(r),
      ...(legacy.byTarget.get(r.address) ?? []).flatMap(separate),
      ...(ingress.byTarget.get(r.address) ?? []).flatMap(separate),
    ];
    return { ...base(r, "aws.ec2.SecurityGroup"), rules };
  });
}

function rdsInstance(r: TfResource): RdsInstance {
  const a = r.block.attrs;
  const m: RdsInstance = {
    ...base(r, "aws.rds.Instance"),
    inheritsStorage: a.has("replicate_source_db") || a.has("snapshot_identifier") || a.has("restore_to_point_in_time"),
  };
  const fields = { publiclyAccessible: "publicly_accessible", storageEncrypted: "storage_encrypted", backupRetentionPeriod: "backup_retention_period", deletionProtection: "deletion_protection" } as const;
  for (const [key, name] of Object.entries(fields) as [keyof typeof fields, string][]) {
    const v = valueOf(a.get(name), isAny);
    if (v) m[key] = v;
  }
  const password = valueOf(a.get("password"), isString);
  if (password) m.password = password;
  return m;
}

function ebsVolume(r: TfResource): EbsVolume {
  const v: EbsVolume = { ...base(r, "aws.ebs.Volume"), inheritsStorage: r.block.attrs.has("snapshot_id") };
  const encrypted = valueOf(r.block.attrs.get("encrypted"), isAny);
  if (encrypted) v.encrypted = encrypted;
  return v;
}

const IAM_POLICY_TYPES = ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"];

function iamPolicy(r: TfResource): IamPolicy {
  return { ...base(r, "aws.iam.Policy"), statements: iamStatements(r.block.attrs.get("policy")) };
}

export const awsCoreMappers: readonly TfMapper[] = [
  s3Buckets,
  securityGroups,
  (index) => index.ofType("aws_db_instance").map(rdsInstance),
  (index) => IAM_POLICY_TYPES.flatMap((t) => index.ofType(t)).map(iamPolicy),
  (index) => index.ofType("aws_ebs_volume").map(ebsVolume),
];
