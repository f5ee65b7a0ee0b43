import type { ContainerRegistry } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armRegistry, tfRegistry } from "./acr-examples.js";
import { isKnown } from "./util.js";

export default defineCheck<ContainerRegistry>({
  id: "MAM-AZ-087",
  title: "Container registry allows public network access",
  severity: "low",
  description:
    "`public_network_access_enabled` is true or left out (ARM: `publicNetworkAccess`). The registry's endpoint then " +
    "answers on the internet, where stolen credentials or tokens can pull, and push, images from anywhere. Turning it " +
    "off needs the Premium tier and private endpoints.",
  appliesTo: "azure.containerregistry.Registry",
  references: { checkov: "CKV_AZURE_139" },
  remediation: {
    text: "Turn public network access off and reach the registry through private endpoints (Premium tier).",
    fix: "public_network_access_enabled = false",
  },
  examples: {
    terraform: { bad: [tfRegistry("")], good: [tfRegistry("public_network_access_enabled = false")] },
    arm: { bad: [armRegistry(`"publicNetworkAccess": "Enabled"`)], good: [armRegistry(`"publicNetworkAccess": "Disabled"`)] },
  },
  evaluate(r) {
    if (!isKnown(r.publicNetworkAccess, true)) return undefined;
    return fail(r.publicNetworkAccess, `${r.address} is reachable from public networks`, { key: `${r.address} public-network` });
  },
});
