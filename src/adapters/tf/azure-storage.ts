// azurerm onto the storage and Key Vault models: storage accounts (network rules inline or in an
// `azurerm_storage_account_network_rules` resource), blob containers, vaults, secrets and keys.
import type { KeyVault, KeyVaultKey, KeyVaultSecret, StorageAccount, StorageContainer } from "../../models/azure.js";
import { diagnosticsByAddress } from "./azure-diagnostics.js";
import { attrOf, blockPresent, boolAttr, isBlock, joinVia, nested, nestedAttr, orDefault, stringAttr, type Joins } from "./azure-util.js";
import type { TfIndex, TfResource } from "./types.js";
import { base, companion, numberOf, stringOf, stringsOf, unknownVal, valueOf, type Joined } from "./util.js";

const ACCOUNT = "azurerm_storage_account";

function storageAccount(r: TfResource, rules: Joined): StorageAccount {
  const b = r.block;
  const at = b.range;
  const inline = nested(b, "network_rules");
  const separate = companion(rules, r.address);
  const ruleBlock = isBlock(inline) ? inline : separate?.block;
  const m: StorageAccount = {
    ...base(r, "azure.storage.Account"),
    httpsOnly: orDefault(boolAttr(b, "https_traffic_only_enabled", "enable_https_traffic_only"), true, at),
    publicNetworkAccess: orDefault(boolAttr(b, "public_network_access_enabled"), true, at),
    networkBypass: stringsOf(ruleBlock?.attrs.get("bypass")),
    infrastructureEncryption: orDefault(boolAttr(b, "infrastructure_encryption_enabled"), false, at),
  };
  if (inline && !isBlock(inline)) m.networkDefaultAction = unknownVal(inline.unknown);
  else if (ruleBlock) m.networkDefaultAction = stringAttr(ruleBlock, "default_action") ?? unknownVal(ruleBlock.range);
  else m.networkDefaultAction = rules.unplaced ? unknownVal(rules.unplaced) : { value: "Allow", known: true, range: at };
  const tls = stringAttr(b, "min_tls_version");
  if (tls) m.minTlsVersion = tls;
  const publicBlob = boolAttr(b, "allow_nested_items_to_be_public", "allow_blob_public_access");
  if (publicBlob) m.allowBlobPublicAccess = publicBlob;
  const props = nested(b, "blob_properties");
  if (props && !isBlock(props)) m.blobSoftDelete = unknownVal(props.unknown);
  else m.blobSoftDelete = isBlock(props) ? blockPresent(props, "delete_retention_policy") : { value: false, known: true, range: at };
  return m;
}

function container(r: TfResource, accounts: Joins): StorageContainer {
  const m: StorageContainer = { ...base(r, "azure.storage.Container") };
  m.publicAccess = orDefault(stringAttr(r.block, "container_access_type"), "private", r.block.range);
  const owner = accounts.target.get(r);
  if (owner) m.account = owner;
  return m;
}

function vault(r: TfResource): KeyVault {
  const b = r.block;
  const at = b.range;
  const acl = nested(b, "network_acls");
  return {
    ...base(r, "azure.keyvault.Vault"),
    purgeProtection: orDefault(boolAttr(b, "purge_protection_enabled"), false, at),
    softDeleteRetentionDays: orDefault(numberOf(attrOf(b, "soft_delete_retention_days")), 90, at),
    networkDefaultAction: acl ? (stringOf(nestedAttr(b, ["network_acls"], "default_action")) ?? unknownVal(isBlock(acl) ? acl.range : acl.unknown)) : { value: "Allow", known: true, range: at },
    publicNetworkAccess: orDefault(boolAttr(b, "public_network_access_enabled"), true, at),
    rbacAuthorization: orDefault(boolAttr(b, "rbac_authorization_enabled", "enable_rbac_authorization"), false, at),
  };
}

const expiry = (r: TfResource) => valueOf(r.block.attrs.get("expiration_date"), (v): v is unknown => v !== null);

function secret(r: TfResource): KeyVaultSecret {
  const m: KeyVaultSecret = base(r, "azure.keyvault.Secret");
  const exp = expiry(r);
  if (exp) m.expires = exp;
  const type = stringAttr(r.block, "content_type");
  if (type) m.contentType = type;
  return m;
}

function key(r: TfResource): KeyVaultKey {
  const m: KeyVaultKey = base(r, "azure.keyvault.Key");
  const exp = expiry(r);
  if (exp) m.expires = exp;
  return m;
}

export const tfStorageMappers = [
  (index: TfIndex) => {
    const rules = joinVia(index, "azurerm_storage_account_network_rules", ["storage_account_id", "storage_account_name"], ACCOUNT);
    return index.ofType(ACCOUNT).map((r) => storageAccount(r, rules));
  },
  (index: TfIndex) => {
    const accounts = joinVia(index, "azurerm_storage_container", ["storage_account_id", "storage_account_name"], ACCOUNT);
    return index.ofType("azurerm_storage_container").map((r) => container(r, accounts));
  },
  (index: TfIndex) => {
    const diagnostics = diagnosticsByAddress(index, "azurerm_key_vault");
    return index.ofType("azurerm_key_vault").map((r): KeyVault => ({ ...vault(r), diagnostics: diagnostics(r.address) }));
  },
  (index: TfIndex) => index.ofType("azurerm_key_vault_secret").map(secret),
  (index: TfIndex) => index.ofType("azurerm_key_vault_key").map(key),
];
