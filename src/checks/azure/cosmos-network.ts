import type { CosmosAccount } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { ARM_COSMOS_HARDENED, armCosmos, TF_COSMOS_HARDENED, tfCosmos } from "./cosmos-examples.js";
import { isKnown } from "./util.js";

export default defineCheck<CosmosAccount>({
  id: "MAM-AZ-080",
  title: "Cosmos DB account accepts connections from any network",
  severity: "medium",
  description:
    "Public network access is on and the account sets neither IP rules (`ip_range_filter`; ARM: `ipRules`) nor a " +
    "virtual network filter (`is_virtual_network_filter_enabled`; ARM: `isVirtualNetworkFilterEnabled`). The account " +
    "then accepts connections from every address, and a leaked key or token works from anywhere.",
  appliesTo: "azure.cosmosdb.Account",
  remediation: {
    text: "Restrict the account to selected networks (IP rules or virtual network rules), or turn public network access off and use private endpoints.",
    fix: 'ip_range_filter = ["203.0.113.0/24"]',
  },
  examples: {
    terraform: {
      bad: [tfCosmos("local_authentication_disabled = true")],
      good: [
        tfCosmos(TF_COSMOS_HARDENED),
        tfCosmos('local_authentication_disabled = true\nip_range_filter               = "203.0.113.0/24,198.51.100.7"'),
        tfCosmos("local_authentication_disabled     = true\nis_virtual_network_filter_enabled = true"),
      ],
    },
    arm: {
      bad: [armCosmos(`"disableLocalAuth": true, "ipRules": []`)],
      good: [armCosmos(ARM_COSMOS_HARDENED), armCosmos(`"disableLocalAuth": true, "ipRules": [{ "ipAddressOrRange": "203.0.113.0/24" }]`)],
    },
  },
  evaluate(a) {
    if (!isKnown(a.publicNetworkAccess, true) || a.ipRules.length > 0 || !isKnown(a.virtualNetworkFilter, false)) return undefined;
    return fail(a.publicNetworkAccess, `${a.address} accepts connections from any network (no IP or virtual network rules)`, { key: `${a.address} network` });
  },
});
