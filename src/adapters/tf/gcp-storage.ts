// Terraform onto Cloud Storage buckets, with the IAM members, bindings and policies that refer to them.
import type { IamMember, StorageBucket } from "../../models/gcp.js";
import { policyMembers } from "./gcp-policy.js";
import { boolAt, grantedMembers, nodeAt, presenceAt, stringAt } from "./gcp-util.js";
import type { TfIndex, TfMapper } from "./types.js";
import { base, joins, refTarget, stringOf } from "./util.js";

const BUCKET = "google_storage_bucket";
const IAM = ["google_storage_bucket_iam_member", "google_storage_bucket_iam_binding"];
const POLICY = "google_storage_bucket_iam_policy";

function buckets(index: TfIndex): StorageBucket[] {
  const grants = IAM.map((t) => joins(index, t, "bucket", BUCKET, ["name"]));
  const policies = joins(index, POLICY, "bucket", BUCKET, ["name"]);
  const unplaced = [...grants, policies].find((j) => j.unplaced)?.unplaced;
  return index.ofType(BUCKET).map((r) => {
    const b = r.block;
    const members: IamMember[] = [
      ...grants.flatMap((j) => (j.byTarget.get(r.address) ?? []).flatMap(grantedMembers)),
      ...(policies.byTarget.get(r.address) ?? []).flatMap(policyMembers),
    ];
    const m: StorageBucket = { ...base(r, "gcp.storage.Bucket"), members };
    if (unplaced) m.membersUnplaced = unplaced;
    const name = stringOf(b.attrs.get("name"));
    if (name) m.name = name;
    const ubla = boolAt(b, "uniform_bucket_level_access");
    if (ubla) m.uniformAccess = ubla;
    const pap = stringAt(b, "public_access_prevention");
    if (pap) m.publicAccessPrevention = pap;
    const versioningBlock = presenceAt(b, "versioning");
    const versioning = boolAt(b, "versioning.enabled") ?? (versioningBlock?.known === false ? { ...versioningBlock, value: undefined } : undefined);
    if (versioning) m.versioning = versioning;
    const loggingBlock = presenceAt(b, "logging");
    const logBucket = stringAt(b, "logging.log_bucket") ?? (loggingBlock ? { value: undefined, known: false, range: loggingBlock.range } : undefined);
    if (logBucket) m.logBucket = logBucket;
    const logRef = refTarget(nodeAt(b, "logging.log_bucket"), BUCKET);
    if (logRef) m.logBucketRef = logRef;
    return m;
  });
}

export const gcpStorageMappers: readonly TfMapper[] = [buckets];
