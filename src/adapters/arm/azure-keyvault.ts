// ARM onto Key Vault models: vaults, and the secrets and keys declared in the template.
import type { KeyVault, KeyVaultKey, KeyVaultSecret } from "../../models/azure.js";
import { diagnosticsOf } from "./azure-diagnostics.js";
import type { ArmIndex, ArmResource } from "./types.js";
import { base, boolOf, enabledOf, numberOf, orDefault, prop, stringOf, valueOf } from "./util.js";

const VAULT = "Microsoft.KeyVault/vaults";

function vault(index: ArmIndex, r: ArmResource): KeyVault {
  const at = r.range;
  const acls = prop(r, "properties.networkAcls");
  return {
    ...base(r, "azure.keyvault.Vault"),
    purgeProtection: orDefault(boolOf(prop(r, "properties.enablePurgeProtection")), false, at),
    softDeleteRetentionDays: orDefault(numberOf(prop(r, "properties.softDeleteRetentionInDays")), 90, at),
    networkDefaultAction: acls?.t === "unknown" ? { value: undefined, known: false, range: acls.range } : orDefault(stringOf(prop(r, "properties.networkAcls.defaultAction")), "Allow", at),
    publicNetworkAccess: orDefault(enabledOf(prop(r, "properties.publicNetworkAccess")), true, at),
    rbacAuthorization: orDefault(boolOf(prop(r, "properties.enableRbacAuthorization")), false, at),
    diagnostics: diagnosticsOf(index, r),
  };
}

const expiry = (r: ArmResource) => valueOf(prop(r, "properties.attributes.exp"), (v): v is unknown => v !== null);

function secret(r: ArmResource): KeyVaultSecret {
  const m: KeyVaultSecret = base(r, "azure.keyvault.Secret");
  const exp = expiry(r);
  if (exp) m.expires = exp;
  const type = stringOf(prop(r, "properties.contentType"));
  if (type) m.contentType = type;
  return m;
}

function key(r: ArmResource): KeyVaultKey {
  const m: KeyVaultKey = base(r, "azure.keyvault.Key");
  const exp = expiry(r);
  if (exp) m.expires = exp;
  return m;
}

export const armKeyVaultMappers = [
  (index: ArmIndex) => index.ofType(VAULT).map((r) => vault(index, r)),
  (index: ArmIndex) => index.ofType(`${VAULT}/secrets`).map(secret),
  (index: ArmIndex) => index.ofType(`${VAULT}/keys`).map(key),
];
