// Terraform onto Compute Engine models: instances and instance templates, project metadata,
// firewalls, subnetworks, SSL policies and the proxies that use them.
import type { ComputeInstance, Firewall, FirewallAllow, ProjectMetadata, SslPolicy, Subnetwork, TargetProxy } from "../../models/gcp.js";
import type { Val } from "../../models/value.js";
import type { TfBlock } from "../terraform-hcl.js";
import { confidentialOf } from "./gcp-confidential.js";
import { blockOf, boolAt, childOf, childrenOf, metadataOf, nodeAt, presenceAt, refOf, stringAt, stringsAt } from "./gcp-util.js";
import type { TfIndex, TfMapper, TfResource } from "./types.js";
import { base, isString, stringOf, stringsOf, unknownVal, valueOf } from "./util.js";

function accessConfigs(b: TfBlock): Val<true>[] {
  return childrenOf(b, "network_interface").flatMap((ni): Val<true>[] => {
    if ("unreadable" in ni) return [unknownVal(ni.unreadable)];
    return childrenOf(ni.block, "access_config").map((ac) => ("block" in ac ? { value: true, known: true, range: ac.block.range } : unknownVal(ac.unreadable)));
  });
}

/** Raw customer-supplied keys: boot disk and attached disks of an instance, disks of a template. */
function rawDiskKeys(b: TfBlock): Val<string>[] {
  const keys: Val<string>[] = [];
  for (const c of [...childrenOf(b, "boot_disk"), ...childrenOf(b, "attached_disk")]) {
    const v = valueOf(blockOf(c)?.attrs.get("disk_encryption_key_raw"), isString);
    if (v?.known && v.value) keys.push(v);
  }
  for (const c of childrenOf(b, "disk")) {
    const v = valueOf(nodeAt(blockOf(c), "disk_encryption_key.raw_key"), isString);
    if (v?.known && v.value) keys.push(v);
  }
  return keys;
}

function instance(r: TfResource): ComputeInstance {
  const b = r.block;
  const m: ComputeInstance = {
    ...base(r, "gcp.compute.Instance"),
    template: r.type !== "google_compute_instance",
    metadata: metadataOf(b.attrs.get("metadata")),
    accessConfigs: accessConfigs(b),
    rawDiskKeys: rawDiskKeys(b),
  };
  const ipf = boolAt(b, "can_ip_forward");
  if (ipf) m.canIpForward = ipf;
  const sa = childOf(b, "service_account");
  if (sa && "unreadable" in sa) m.serviceAccount = { range: sa.unreadable, email: unknownVal(sa.unreadable), scopes: [unknownVal(sa.unreadable)] };
  else if (sa) {
    const emailNode = sa.block.attrs.get("email");
    const email = stringOf(emailNode);
    const emailRef = refOf(emailNode);
    m.serviceAccount = { range: sa.block.range, scopes: stringsOf(sa.block.attrs.get("scopes")) };
    if (email) m.serviceAccount.email = email;
    if (emailRef) m.serviceAccount.emailRef = emailRef;
  }
  const shielded = presenceAt(b, "shielded_instance_config");
  if (shielded) m.shieldedConfig = shielded.range;
  const fields = { secureBoot: "enable_secure_boot", vtpm: "enable_vtpm", integrityMonitoring: "enable_integrity_monitoring" } as const;
  for (const [key, name] of Object.entries(fields) as [keyof typeof fields, string][]) {
    const v = boolAt(b, `shielded_instance_config.${name}`);
    if (v) m[key] = v;
  }
  const confidential = confidentialOf(b);
  if (confidential) m.confidentialCompute = confidential;
  return m;
}

function projectMetadata(r: TfResource): ProjectMetadata {
  const b = r.block;
  if (r.type === "google_compute_project_metadata") {
    return { ...base(r, "gcp.compute.ProjectMetadata"), whole: true, metadata: metadataOf(b.attrs.get("metadata")) };
  }
  const key = valueOf(b.attrs.get("key"), isString);
  const value = stringOf(b.attrs.get("value")) ?? unknownVal<string>(b.range);
  const metadata = key?.known && key.value !== undefined ? { items: new Map([[key.value, value]]) } : { items: new Map<string, Val<string>>(), unreadable: b.range };
  return { ...base(r, "gcp.compute.ProjectMetadata"), whole: false, metadata };
}

function firewall(r: TfResource): Firewall {
  const b = r.block;
  const allow: FirewallAllow[] = [];
  let allowUnknown;
  for (const c of childrenOf(b, "allow")) {
    if ("unreadable" in c) allowUnknown ??= c.unreadable;
    else allow.push({ protocol: stringOf(c.block.attrs.get("protocol")) ?? unknownVal(c.block.range), ports: stringsOf(c.block.attrs.get("ports")), range: c.block.range });
  }
  const m: Firewall = { ...base(r, "gcp.compute.Firewall"), sourceRanges: stringsAt(b, "source_ranges"), allow };
  if (allowUnknown) m.allowUnknown = allowUnknown;
  const direction = stringAt(b, "direction");
  if (direction) m.direction = direction;
  const disabled = boolAt(b, "disabled");
  if (disabled) m.disabled = disabled;
  const logConfig = presenceAt(b, "log_config");
  const logging = logConfig ?? boolAt(b, "enable_logging");
  if (logging) m.logging = logging;
  return m;
}

function subnetwork(r: TfResource): Subnetwork {
  const b = r.block;
  const m: Subnetwork = base(r, "gcp.compute.Subnetwork");
  const purpose = stringAt(b, "purpose");
  if (purpose) m.purpose = purpose;
  const flowLogs = presenceAt(b, "log_config") ?? boolAt(b, "enable_flow_logs");
  if (flowLogs) m.flowLogs = flowLogs;
  const pga = boolAt(b, "private_ip_google_access");
  if (pga) m.privateGoogleAccess = pga;
  return m;
}

function sslPolicy(r: TfResource): SslPolicy {
  const b = r.block;
  const m: SslPolicy = { ...base(r, "gcp.compute.SslPolicy"), customFeatures: stringsAt(b, "custom_features") };
  const min = stringAt(b, "min_tls_version");
  if (min) m.minTlsVersion = min;
  const profile = stringAt(b, "profile");
  if (profile) m.profile = profile;
  return m;
}

function targetProxy(r: TfResource): TargetProxy {
  const m: TargetProxy = base(r, "gcp.compute.TargetProxy");
  const policy = stringOf(r.block.attrs.get("ssl_policy"));
  if (policy) m.sslPolicy = policy;
  return m;
}

const INSTANCE_TYPES = ["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"];
const PROXY_TYPES = ["google_compute_target_https_proxy", "google_compute_target_ssl_proxy", "google_compute_region_target_https_proxy"];
const ofTypes = (index: TfIndex, types: readonly string[]): TfResource[] => types.flatMap((t) => index.ofType(t));

export const gcpComputeMappers: readonly TfMapper[] = [
  (index) => ofTypes(index, INSTANCE_TYPES).map(instance),
  (index) => ofTypes(index, ["google_compute_project_metadata", "google_compute_project_metadata_item"]).map(projectMetadata),
  (index) => index.ofType("google_compute_firewall").map(firewall),
  (index) => index.ofType("google_compute_subnetwork").map(subnetwork),
  (index) => ofTypes(index, ["google_compute_ssl_policy", "google_compute_region_ssl_policy"]).map(sslPolicy),
  (index) => ofTypes(index, PROXY_TYPES).map(targetProxy),
];
