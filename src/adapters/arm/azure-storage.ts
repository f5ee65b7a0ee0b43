// ARM onto the storage models: accounts (with their blob service's soft delete, from a
// `blobServices` child) and blob containers.
import type { StorageAccount, StorageContainer } from "../../models/azure.js";
import type { ArmIndex, ArmResource } from "./types.js";
import { apiAtLeast, base, boolOf, enabledOf, orDefault, presenceOf, prop, stringOf, stringsOf } from "./util.js";

const ACCOUNT = "Microsoft.Storage/storageAccounts";

function account(index: ArmIndex, r: ArmResource): StorageAccount {
  const at = r.range;
  // supportsHttpsTrafficOnly defaults to true from API version 2019-04-01 on.
  const httpsDefault = apiAtLeast(r, "2019-04-01");
  const https = boolOf(prop(r, "properties.supportsHttpsTrafficOnly")) ?? (httpsDefault === undefined ? undefined : { value: httpsDefault, known: true, range: at });
  const acls = prop(r, "properties.networkAcls");
  const m: StorageAccount = {
    ...base(r, "azure.storage.Account"),
    // The API reads a missing minimumTlsVersion as TLS 1.0.
    minTlsVersion: orDefault(stringOf(prop(r, "properties.minimumTlsVersion")), "TLS1_0", at),
    networkDefaultAction: acls?.t === "unknown" ? { value: undefined, known: false, range: acls.range } : orDefault(stringOf(prop(r, "properties.networkAcls.defaultAction")), "Allow", at),
    networkBypass: stringsOf(prop(r, "properties.networkAcls.bypass")).flatMap((v) => (v.known && v.value !== undefined ? v.value.split(",").map((s) => ({ ...v, value: s.trim() })) : [v])),
    publicNetworkAccess: orDefault(enabledOf(prop(r, "properties.publicNetworkAccess")), true, at),
    infrastructureEncryption: orDefault(boolOf(prop(r, "properties.encryption.requireInfrastructureEncryption")), false, at),
  };
  if (https) m.httpsOnly = https;
  const publicBlob = boolOf(prop(r, "properties.allowBlobPublicAccess"));
  if (publicBlob) m.allowBlobPublicAccess = publicBlob;
  const services = index.children(r, "blobServices");
  const service = services.children[0];
  if (service) {
    m.blobSoftDelete = orDefault(boolOf(prop(service, "properties.deleteRetentionPolicy.enabled")), false, service.range);
  } else {
    const unplaced = presenceOf(undefined, services.unplaced);
    m.blobSoftDelete = unplaced ? { value: undefined, known: false, range: unplaced.range } : { value: false, known: true, range: at };
  }
  return m;
}

const PUBLIC_ACCESS: Record<string, string> = { none: "private", blob: "blob", container: "container" };

function container(index: ArmIndex, r: ArmResource): StorageContainer {
  const m: StorageContainer = { ...base(r, "azure.storage.Container") };
  const access = stringOf(prop(r, "properties.publicAccess"));
  m.publicAccess = access?.known ? { ...access, value: PUBLIC_ACCESS[(access.value ?? "").toLowerCase()] ?? access.value } : orDefault(access, "private", r.range);
  const service = index.parentOf(r);
  const owner = service ? index.parentOf(service) : undefined;
  if (owner) m.account = owner.address;
  return m;
}

export const armStorageMappers = [
  (index: ArmIndex) => index.ofType(ACCOUNT).map((r) => account(index, r)),
  (index: ArmIndex) => index.ofType(`${ACCOUNT}/blobServices/containers`).map((r) => container(index, r)),
];
