import type { ContainerRegistry } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armRegistry, tfRegistry } from "./acr-examples.js";
import { isKnown } from "./util.js";

export default defineCheck<ContainerRegistry>({
  id: "MAM-AZ-086",
  title: "Container registry allows anonymous pull",
  severity: "medium",
  description:
    "`anonymous_pull_enabled = true` (ARM: `anonymousPullEnabled: true`) lets anyone who can reach the registry " +
    "pull every image without signing in. Images carry code, configuration and often secrets baked into layers.",
  appliesTo: "azure.containerregistry.Registry",
  references: { checkov: "CKV_AZURE_138" },
  remediation: {
    text: "Disable anonymous pull; publish images meant for the public in a separate registry.",
    fix: "anonymous_pull_enabled = false",
  },
  examples: {
    terraform: {
      bad: [tfRegistry("anonymous_pull_enabled        = true\npublic_network_access_enabled = false")],
      good: [tfRegistry("public_network_access_enabled = false")],
    },
    arm: {
      bad: [armRegistry(`"anonymousPullEnabled": true, "publicNetworkAccess": "Disabled"`)],
      good: [armRegistry(`"anonymousPullEnabled": false, "publicNetworkAccess": "Disabled"`)],
    },
  },
  evaluate(r) {
    if (!isKnown(r.anonymousPull, true)) return undefined;
    return fail(r.anonymousPull, `${r.address} lets anyone pull images without signing in`, { key: `${r.address} anonymous-pull` });
  },
});
