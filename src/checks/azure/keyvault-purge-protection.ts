import type { KeyVault } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armVault, tfVault } from "./kv-examples.js";
import { isKnown } from "./util.js";

export default defineCheck<KeyVault>({
  id: "MAM-AZ-020",
  title: "Key vault has no purge protection",
  severity: "medium",
  description:
    "`purge_protection_enabled` is false or left out (ARM: `enablePurgeProtection`). A deleted vault, key or secret " +
    "can then be purged before its soft-delete retention ends, by mistake or by an attacker with enough rights, and " +
    "everything encrypted with a purged key is lost for good.",
  appliesTo: "azure.keyvault.Vault",
  references: { checkov: ["CKV_AZURE_110", "CKV_AZURE_42"], trivy: "AVD-AZU-0016" },
  compliance: [{ framework: "cis-azure-2.1", control: "8.5" }],
  remediation: {
    text: "Enable purge protection (it cannot be turned off again, which is the point).",
    fix: "purge_protection_enabled = true",
  },
  examples: {
    terraform: {
      bad: [tfVault(""), tfVault("purge_protection_enabled = false")],
      good: [tfVault("purge_protection_enabled   = true\nsoft_delete_retention_days = 30"), tfVault("purge_protection_enabled = var.protect")],
    },
    arm: {
      bad: [armVault(`"enableSoftDelete": true`)],
      good: [armVault(`"enableSoftDelete": true,\n    "enablePurgeProtection": true`)],
    },
  },
  evaluate(v) {
    if (!isKnown(v.purgeProtection, false)) return undefined;
    return fail(v.purgeProtection, `${v.address} can be purged before its retention ends (purge protection is off)`, { key: `${v.address} purge-protection` });
  },
});
