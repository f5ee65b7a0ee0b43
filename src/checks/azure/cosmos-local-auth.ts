import type { CosmosAccount } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { ARM_COSMOS_HARDENED, armCosmos, TF_COSMOS_HARDENED, tfCosmos } from "./cosmos-examples.js";
import { isKnown } from "./util.js";

export default defineCheck<CosmosAccount>({
  id: "MAM-AZ-081",
  title: "Cosmos DB account accepts account keys",
  severity: "medium",
  description:
    "Local (key-based) authentication is on: `local_authentication_disabled` is false or left out " +
    "(`local_authentication_enabled` in provider 4; ARM: `disableLocalAuth`). The primary and secondary keys grant " +
    "full access to all data, cannot be scoped, and leave no identity in the logs; Entra ID with data-plane RBAC " +
    "can replace them.",
  appliesTo: "azure.cosmosdb.Account",
  references: { checkov: "CKV_AZURE_140" },
  remediation: {
    text: "Disable local authentication and grant identities Cosmos DB data-plane roles instead of handing out keys.",
    fix: "local_authentication_disabled = true",
  },
  examples: {
    terraform: {
      bad: [tfCosmos("public_network_access_enabled = false"), tfCosmos("public_network_access_enabled = false\nlocal_authentication_enabled  = true")],
      good: [tfCosmos(TF_COSMOS_HARDENED), tfCosmos("public_network_access_enabled = false\nlocal_authentication_enabled  = false")],
    },
    arm: {
      bad: [armCosmos(`"publicNetworkAccess": "Disabled"`)],
      good: [armCosmos(ARM_COSMOS_HARDENED)],
    },
  },
  evaluate(a) {
    if (!isKnown(a.localAuthDisabled, false)) return undefined;
    return fail(a.localAuthDisabled, `${a.address} accepts account keys (local authentication is on)`, { key: `${a.address} local-auth` });
  },
});
