import type { CosmosAccount } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { ARM_COSMOS_HARDENED, armCosmos, TF_COSMOS_HARDENED, tfCosmos } from "./cosmos-examples.js";
import { isKnown } from "./util.js";

export default defineCheck<CosmosAccount>({
  id: "MAM-AZ-082",
  title: "Cosmos DB account keys can change its databases and containers",
  severity: "low",
  description:
    "`access_key_metadata_writes_enabled` is true or left out (ARM: `disableKeyBasedMetadataWriteAccess` false or " +
    "left out). Anyone holding an account key, an SDK client in an application included, can then create, change " +
    "and delete databases, containers and their throughput and indexing settings, outside Azure RBAC and the " +
    "activity log.",
  appliesTo: "azure.cosmosdb.Account",
  references: { checkov: "CKV_AZURE_132" },
  remediation: {
    text: "Turn key-based metadata writes off and manage databases and containers through Azure Resource Manager (Terraform, templates).",
    fix: "access_key_metadata_writes_enabled = false",
  },
  examples: {
    terraform: {
      bad: [tfCosmos("public_network_access_enabled = false\nlocal_authentication_disabled = true")],
      good: [tfCosmos(TF_COSMOS_HARDENED)],
    },
    arm: {
      bad: [armCosmos(`"publicNetworkAccess": "Disabled", "disableLocalAuth": true`)],
      good: [armCosmos(ARM_COSMOS_HARDENED)],
    },
  },
  evaluate(a) {
    if (!isKnown(a.keyMetadataWriteDisabled, false)) return undefined;
    return fail(a.keyMetadataWriteDisabled, `${a.address} lets account keys change databases and containers`, { key: `${a.address} metadata-write` });
  },
});
