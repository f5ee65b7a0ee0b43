// CloudFormation onto aws.s3.BucketData: AWS::S3::Bucket properties, the AWS::S3::BucketPolicy
// that names the bucket, and the trails that deliver into it. MFA delete cannot be set from a
// template, so it stays undefined here.
import type { PolicyDocument, S3BucketData } from "../../models/aws-data.js";
import type { Val } from "../../models/value.js";
import { policyDocument, unknownPolicy } from "../tf/aws-data-policy.js";
import { bool, joinsList, named, present, str, targetOf, type CfnJoined } from "./aws-data-util.js";
import type { CfnIndex, CfnResource } from "./types.js";
import { base, prop } from "./util.js";

const BUCKET = "AWS::S3::Bucket";

/** CloudFormation's AccessControl names, as the canned ACLs they are. */
const CANNED: Record<string, string> = {
  Private: "private",
  PublicRead: "public-read",
  PublicReadWrite: "public-read-write",
  AuthenticatedRead: "authenticated-read",
  LogDeliveryWrite: "log-delivery-write",
  BucketOwnerRead: "bucket-owner-read",
  BucketOwnerFullControl: "bucket-owner-full-control",
  AwsExecRead: "aws-exec-read",
};

function aclOf(r: CfnResource): Val<string> | undefined {
  const v = str(r, "AccessControl");
  return v?.known && v.value !== undefined ? { ...v, value: CANNED[v.value] ?? v.value } : v;
}

function policyOf(r: CfnResource, j: CfnJoined): PolicyDocument | undefined {
  const mine = j.byTarget.get(r.logicalId)?.[0];
  if (mine) {
    const doc = prop(mine, "PolicyDocument");
    return doc ? policyDocument(doc) : unknownPolicy(mine.range);
  }
  return j.unplaced ? unknownPolicy(j.unplaced.range) : undefined;
}

function grantsLogDelivery(policy: PolicyDocument | undefined): boolean {
  return (policy?.statements ?? []).some((s) =>
    s.principals.some((p) => p.kind === "Service" && p.value.value === "logging.s3.amazonaws.com") &&
    s.action.some((a) => a.value === "s3:PutObject" || a.value === "s3:*"),
  );
}

export function s3BucketData(index: CfnIndex): S3BucketData[] {
  const buckets = index.ofType(BUCKET);
  const policies = joinsList(index, "AWS::S3::BucketPolicy", "Bucket", BUCKET, "BucketName");
  const targets = new Set<string>();
  for (const b of buckets) {
    const t = targetOf(index, prop(b, "LoggingConfiguration.DestinationBucketName"), BUCKET, "BucketName");
    if (t) targets.add(t.logicalId);
  }
  const trails = new Map<string, string[]>();
  for (const t of index.ofType("AWS::CloudTrail::Trail")) {
    const b = targetOf(index, prop(t, "S3BucketName"), BUCKET, "BucketName");
    if (b) trails.set(b.logicalId, [...(trails.get(b.logicalId) ?? []), t.address]);
  }
  return buckets.map((r) => {
    const acl = aclOf(r);
    const policy = policyOf(r, policies);
    const pab = prop(r, "PublicAccessBlockConfiguration");
    const status = str(r, "VersioningConfiguration.Status");
    const m: S3BucketData = {
      ...base(r, "aws.s3.BucketData"),
      bucket: str(r, "BucketName"),
      logging: present(r, "LoggingConfiguration"),
      isLogTarget: targets.has(r.logicalId) || acl?.value === "log-delivery-write" || grantsLogDelivery(policy),
      defaultEncryption: present(r, "BucketEncryption"),
      sseAlgorithm: str(r, "BucketEncryption.ServerSideEncryptionConfiguration.ServerSideEncryptionByDefault.SSEAlgorithm"),
      sseKmsKey: named(r, "BucketEncryption.ServerSideEncryptionConfiguration.ServerSideEncryptionByDefault.KMSMasterKeyID"),
      policy,
      acl,
      publicAccessBlock: pab
        ? { ignorePublicAcls: bool(r, "PublicAccessBlockConfiguration.IgnorePublicAcls"), restrictPublicBuckets: bool(r, "PublicAccessBlockConfiguration.RestrictPublicBuckets"), range: pab.range }
        : undefined,
      versioning: status ? { ...status, value: status.known ? status.value === "Enabled" : undefined } : undefined,
      objectLock: bool(r, "ObjectLockEnabled"),
      lifecycle: present(r, "LifecycleConfiguration"),
      trails: trails.get(r.logicalId) ?? [],
    };
    return m;
  });
}
