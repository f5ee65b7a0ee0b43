import type { KeyVault } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armVault, tfVault } from "./kv-examples.js";
import { isKnown, isWord } from "./util.js";

export default defineCheck<KeyVault>({
  id: "MAM-AZ-021",
  title: "Key vault accepts connections from any network",
  severity: "medium",
  description:
    "Public network access is on and the vault's network ACLs allow by default (or it has none). The vault's API is " +
    "then reachable from the whole internet, and only its access policies or role assignments stand between a " +
    "stolen token and the secrets.",
  appliesTo: "azure.keyvault.Vault",
  references: { checkov: "CKV_AZURE_109", trivy: "AVD-AZU-0013" },
  remediation: {
    text: "Set the network ACLs' default action to Deny and allow the virtual networks and ranges that need the vault (trusted Azure services may bypass), or turn public network access off and use a private endpoint.",
    fix: 'network_acls {\n  default_action = "Deny"\n  bypass         = "AzureServices"\n  ip_rules       = ["203.0.113.0/24"]\n}',
  },
  examples: {
    terraform: {
      bad: [tfVault("purge_protection_enabled = true"), tfVault('purge_protection_enabled = true\n\nnetwork_acls {\n  default_action = "Allow"\n  bypass         = "AzureServices"\n}')],
      good: [
        tfVault('purge_protection_enabled = true\n\nnetwork_acls {\n  default_action = "Deny"\n  bypass         = "AzureServices"\n}'),
        tfVault("purge_protection_enabled      = true\npublic_network_access_enabled = false"),
      ],
    },
    arm: {
      bad: [armVault(`"enablePurgeProtection": true`)],
      good: [armVault(`"enablePurgeProtection": true,\n    "networkAcls": { "defaultAction": "Deny", "bypass": "AzureServices" }`)],
    },
  },
  evaluate(v) {
    if (!isKnown(v.publicNetworkAccess, true) || !isWord(v.networkDefaultAction, "Allow")) return undefined;
    return fail(v.networkDefaultAction, `${v.address} accepts connections from any network (network ACLs allow by default)`, { key: `${v.address} network-acl` });
  },
});
