// Terraform onto data and key services: KMS crypto keys (with their IAM members, bindings and
// policies), Cloud DNS zones, BigQuery datasets (with their access entries and IAM) and Pub/Sub topics.
import type { BigQueryDataset, DnsManagedZone, IamMember, KmsCryptoKey, PubSubTopic } from "../../models/gcp.js";
import type { Val } from "../../models/value.js";
import type { TfBlock } from "../terraform-hcl.js";
import { policyMembers } from "./gcp-policy.js";
import { blockOf, childOf, childrenOf, grantedMembers, presenceAt, stringAt } from "./gcp-util.js";
import type { TfIndex, TfMapper, TfResource } from "./types.js";
import { base, joins, stringOf, unknownVal } from "./util.js";

function cryptoKeys(index: TfIndex): KmsCryptoKey[] {
  // A literal crypto_key_id is the key's full name: projects/P/locations/L/keyRings/R/cryptoKeys/NAME.
  const byName = (literal: string, key: TfResource): boolean => {
    const name = key.block.attrs.get("name");
    return name?.t === "prim" && typeof name.value === "string" && literal.endsWith(`/cryptoKeys/${name.value}`);
  };
  const join = (t: string) => joins(index, t, "crypto_key_id", "google_kms_crypto_key", byName);
  const grants = ["google_kms_crypto_key_iam_member", "google_kms_crypto_key_iam_binding"].map(join);
  const policies = join("google_kms_crypto_key_iam_policy");
  const unplaced = [...grants, policies].find((j) => j.unplaced)?.unplaced;
  return index.ofType("google_kms_crypto_key").map((r) => {
    const members = [...grants.flatMap((j) => (j.byTarget.get(r.address) ?? []).flatMap(grantedMembers)), ...(policies.byTarget.get(r.address) ?? []).flatMap(policyMembers)];
    const m: KmsCryptoKey = { ...base(r, "gcp.kms.CryptoKey"), members };
    if (unplaced) m.membersUnplaced = unplaced;
    const purpose = stringAt(r.block, "purpose");
    if (purpose) m.purpose = purpose;
    const rotation = stringAt(r.block, "rotation_period");
    if (rotation) m.rotationPeriod = rotation;
    return m;
  });
}

function dnsZone(r: TfResource): DnsManagedZone {
  const b = r.block;
  const dnssec = childOf(b, "dnssec_config");
  const keySpecs = childrenOf(blockOf(dnssec), "default_key_specs").map((c) => {
    if ("unreadable" in c) return { algorithm: unknownVal<string>(c.unreadable), range: c.unreadable };
    const spec: DnsManagedZone["keySpecs"][number] = { range: c.block.range };
    const algorithm = stringAt(c.block, "algorithm");
    if (algorithm) spec.algorithm = algorithm;
    const keyType = stringAt(c.block, "key_type");
    if (keyType) spec.keyType = keyType;
    return spec;
  });
  const m: DnsManagedZone = { ...base(r, "gcp.dns.ManagedZone"), keySpecs };
  const visibility = stringAt(b, "visibility");
  if (visibility) m.visibility = visibility;
  const present = presenceAt(b, "dnssec_config");
  if (present) m.dnssecConfig = present.range;
  const state = stringAt(b, "dnssec_config.state");
  if (state) m.dnssecState = state;
  return m;
}

/** Who an access entry (a dataset's `access` block or a `google_bigquery_dataset_access`) lets in. */
function accessMember(b: TfBlock, via: string): IamMember | undefined {
  const role = stringOf(b.attrs.get("role"));
  const prefixes: Record<string, string> = { special_group: "", iam_member: "", user_by_email: "user:", group_by_email: "group:", domain: "domain:" };
  for (const [attr, prefix] of Object.entries(prefixes)) {
    const v = stringOf(b.attrs.get(attr));
    if (!v) continue;
    const member: Val<string> = v.known ? { ...v, value: `${prefix}${v.value ?? ""}` } : v;
    return role ? { role, member, via } : { member, via };
  }
  return undefined;
}

function datasets(index: TfIndex): BigQueryDataset[] {
  const via = (t: string) => joins(index, t, "dataset_id", "google_bigquery_dataset", ["dataset_id"]);
  const iam = ["google_bigquery_dataset_iam_member", "google_bigquery_dataset_iam_binding"].map(via);
  const policies = via("google_bigquery_dataset_iam_policy");
  const access = via("google_bigquery_dataset_access");
  return index.ofType("google_bigquery_dataset").map((r) => {
    const members: IamMember[] = [];
    for (const c of childrenOf(r.block, "access")) {
      if ("unreadable" in c) members.push({ member: unknownVal(c.unreadable), via: r.address });
      else {
        const m = accessMember(c.block, r.address);
        if (m) members.push(m);
      }
    }
    for (const a of access.byTarget.get(r.address) ?? []) {
      const m = accessMember(a.block, a.address);
      if (m) members.push(m);
    }
    members.push(...iam.flatMap((j) => (j.byTarget.get(r.address) ?? []).flatMap(grantedMembers)));
    members.push(...(policies.byTarget.get(r.address) ?? []).flatMap(policyMembers));
    return { ...base(r, "gcp.bigquery.Dataset"), members };
  });
}

function topic(r: TfResource): PubSubTopic {
  const m: PubSubTopic = base(r, "gcp.pubsub.Topic");
  const key = stringOf(r.block.attrs.get("kms_key_name"));
  if (key) m.kmsKeyName = key;
  return m;
}

export const gcpDataMappers: readonly TfMapper[] = [
  cryptoKeys,
  (index) => index.ofType("google_dns_managed_zone").map(dnsZone),
  datasets,
  (index) => index.ofType("google_pubsub_topic").map(topic),
];
