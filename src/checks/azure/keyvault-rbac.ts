import type { KeyVault } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armVault, tfVault } from "./kv-examples.js";
import { isKnown } from "./util.js";

export default defineCheck<KeyVault>({
  id: "MAM-AZ-022",
  title: "Key vault uses access policies instead of Azure RBAC",
  severity: "low",
  description:
    "Azure RBAC authorization is off (`rbac_authorization_enabled` / `enable_rbac_authorization`; ARM: " +
    "`enableRbacAuthorization`), so data access is granted by vault access policies. Those cannot be scoped to a " +
    "single secret or key, are not covered by Privileged Identity Management or deny assignments, and anyone who " +
    "may change the vault may grant themselves access.",
  appliesTo: "azure.keyvault.Vault",
  compliance: [{ framework: "cis-azure-2.1", control: "8.6" }],
  remediation: {
    text: "Turn on RBAC authorization and grant the Key Vault data roles (Secrets User, Crypto User, ...) at the narrowest scope instead of access policies.",
    fix: "rbac_authorization_enabled = true",
  },
  examples: {
    terraform: {
      bad: [tfVault("purge_protection_enabled = true")],
      good: [tfVault("purge_protection_enabled  = true\nenable_rbac_authorization = true"), tfVault("purge_protection_enabled   = true\nrbac_authorization_enabled = true")],
    },
    arm: {
      bad: [armVault(`"enablePurgeProtection": true,\n    "enableRbacAuthorization": false`)],
      good: [armVault(`"enablePurgeProtection": true,\n    "enableRbacAuthorization": true`)],
    },
  },
  evaluate(v) {
    if (!isKnown(v.rbacAuthorization, false)) return undefined;
    return fail(v.rbacAuthorization, `${v.address} grants data access through access policies, not Azure RBAC`, { key: `${v.address} rbac` });
  },
});
