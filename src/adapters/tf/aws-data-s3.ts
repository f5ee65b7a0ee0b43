// Terraform onto aws.s3.BucketData: the bucket's inline (provider v3) settings and the separate
// resources provider v4+ splits them into (logging, encryption, policy, versioning, object lock,
// lifecycle, ACL, public access block), and the CloudTrail trails that deliver into the bucket.
import type { PolicyDocument, S3BucketData, S3PublicAccessBlock } from "../../models/aws-data.js";
import type { Val } from "../../models/value.js";
import { policyDocument, unknownPolicy } from "./aws-data-policy.js";
import { block, bool, named, pick, str, targetOf } from "./aws-data-util.js";
import type { TfIndex, TfResource } from "./types.js";
import { base, boolOf, joins, presence, unknownVal, type Joined } from "./util.js";

const BUCKET = "aws_s3_bucket";

function companions(index: TfIndex, type: string): Joined {
  return joins(index, type, "bucket", BUCKET);
}

function one(j: Joined, address: string): TfResource | undefined {
  return j.byTarget.get(address)?.[0];
}

/** Buckets that receive other buckets' access logs (target_bucket), by address. */
function logTargets(index: TfIndex): Set<string> {
  const out = new Set<string>();
  const add = (n: Parameters<typeof targetOf>[1]): void => {
    const t = targetOf(index, n, BUCKET);
    if (t) out.add(t);
  };
  for (const b of index.ofType(BUCKET)) add(pick(b, "logging", "target_bucket"));
  for (const l of index.ofType("aws_s3_bucket_logging")) add(l.block.attrs.get("target_bucket"));
  return out;
}

/** Trails by the bucket address they deliver into. */
function trailsByBucket(index: TfIndex): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const t of index.ofType("aws_cloudtrail")) {
    const b = targetOf(index, t.block.attrs.get("s3_bucket_name"), BUCKET);
    if (b) out.set(b, [...(out.get(b) ?? []), t.address]);
  }
  return out;
}

function encryption(r: TfResource, companion: TfResource | undefined): { algorithm?: Val<string>; key?: Val<string> } {
  const inline = block(r, "server_side_encryption_configuration", "rule", "apply_server_side_encryption_by_default");
  const sep = companion ? block(companion, "rule", "apply_server_side_encryption_by_default") : undefined;
  const from = inline ?? sep;
  return { algorithm: str(from, "sse_algorithm"), key: named(from, "kms_master_key_id") };
}

function versioningOf(r: TfResource, companion: TfResource | undefined, unplaced: boolean): { versioning?: Val<boolean>; mfaDelete?: Val<boolean> } {
  const inline = block(r, "versioning");
  if (inline) {
    const enabled = bool(inline, "enabled") ?? { value: false, known: true, range: inline.range };
    const mfa = bool(inline, "mfa_delete") ?? { value: false, known: true, range: inline.range };
    return { versioning: enabled, mfaDelete: mfa };
  }
  const cfg = companion ? block(companion, "versioning_configuration") : undefined;
  if (companion) {
    const status = str(cfg, "status");
    const mfa = str(cfg, "mfa_delete");
    return {
      versioning: status ? { ...status, value: status.known ? status.value === "Enabled" : undefined } : unknownVal(companion.block.range),
      mfaDelete: mfa ? { ...mfa, value: mfa.known ? mfa.value === "Enabled" : undefined } : { value: false, known: true, range: (cfg ?? companion.block).range },
    };
  }
  if (unplaced) return { versioning: unknownVal(r.block.range), mfaDelete: unknownVal(r.block.range) };
  return {};
}

function objectLockOf(r: TfResource, companion: TfResource | undefined, unplaced: Joined["unplaced"]): Val<boolean> | undefined {
  const flag = bool(r, "object_lock_enabled");
  if (flag) return flag;
  const legacy = str(r, "object_lock_configuration", "object_lock_enabled");
  if (legacy) return { ...legacy, value: legacy.known ? legacy.value === "Enabled" : undefined };
  if (companion) return { value: true, known: true, range: companion.block.range };
  return unplaced ? unknownVal(unplaced) : undefined;
}

function pabOf(companion: TfResource | undefined, unplaced: Joined["unplaced"]): S3PublicAccessBlock | undefined {
  if (companion) {
    return {
      ignorePublicAcls: boolOf(companion.block.attrs.get("ignore_public_acls")),
      restrictPublicBuckets: boolOf(companion.block.attrs.get("restrict_public_buckets")),
      range: companion.block.range,
    };
  }
  return unplaced ? { ignorePublicAcls: unknownVal(unplaced), restrictPublicBuckets: unknownVal(unplaced), range: unplaced } : undefined;
}

function policyOf(r: TfResource, j: Joined): PolicyDocument | undefined {
  const inline = r.block.attrs.get("policy");
  const sep = one(j, r.address)?.block.attrs.get("policy");
  const n = inline ?? sep;
  if (n) return policyDocument(n);
  if (one(j, r.address)) return unknownPolicy(one(j, r.address)?.block.range ?? r.block.range);
  return j.unplaced ? unknownPolicy(j.unplaced) : undefined;
}

/** A bucket policy that lets the S3 logging service write: the bucket receives access logs. */
function grantsLogDelivery(policy: PolicyDocument | undefined): boolean {
  return (policy?.statements ?? []).some((s) =>
    s.principals.some((p) => p.kind === "Service" && p.value.value === "logging.s3.amazonaws.com") &&
    s.action.some((a) => a.value === "s3:PutObject" || a.value === "s3:*"),
  );
}

export function s3BucketData(index: TfIndex): S3BucketData[] {
  const logging = companions(index, "aws_s3_bucket_logging");
  const sse = companions(index, "aws_s3_bucket_server_side_encryption_configuration");
  const policies = companions(index, "aws_s3_bucket_policy");
  const acls = companions(index, "aws_s3_bucket_acl");
  const pabs = companions(index, "aws_s3_bucket_public_access_block");
  const vers = companions(index, "aws_s3_bucket_versioning");
  const locks = companions(index, "aws_s3_bucket_object_lock_configuration");
  const lifecycles = companions(index, "aws_s3_bucket_lifecycle_configuration");
  const targets = logTargets(index);
  const trails = trailsByBucket(index);
  return index.ofType(BUCKET).map((r) => {
    const a = r.address;
    const sseCompanion = one(sse, a);
    const enc = encryption(r, sseCompanion);
    const acl = str(r, "acl") ?? str(one(acls, a), "acl") ?? (acls.unplaced ? unknownVal<string>(acls.unplaced) : undefined);
    const policy = policyOf(r, policies);
    const inlineLifecycle = r.block.blocks.find((b) => b.type === "lifecycle_rule");
    const m: S3BucketData = {
      ...base(r, "aws.s3.BucketData"),
      bucket: str(r, "bucket"),
      logging: presence(logging, a, block(r, "logging")?.range),
      isLogTarget: targets.has(a) || acl?.value === "log-delivery-write" || grantsLogDelivery(policy),
      defaultEncryption: presence(sse, a, block(r, "server_side_encryption_configuration")?.range),
      sseAlgorithm: enc.algorithm,
      sseKmsKey: enc.key,
      policy,
      acl,
      publicAccessBlock: pabOf(one(pabs, a), pabs.unplaced),
      ...versioningOf(r, one(vers, a), vers.unplaced !== undefined),
      objectLock: objectLockOf(r, one(locks, a), locks.unplaced),
      lifecycle: presence(lifecycles, a, inlineLifecycle?.range),
      trails: trails.get(a) ?? [],
    };
    return m;
  });
}
