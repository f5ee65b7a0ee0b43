import type { ContainerRegistry } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armRegistry, tfRegistry } from "./acr-examples.js";
import { isKnown } from "./util.js";

export default defineCheck<ContainerRegistry>({
  id: "MAM-AZ-085",
  title: "Container registry has the admin user enabled",
  severity: "medium",
  description:
    "`admin_enabled = true` (ARM: `adminUserEnabled: true`) turns on the registry's single admin account: two " +
    "shared passwords with push and pull rights on every repository, usually copied into pipelines and cluster " +
    "secrets, and no identity in the logs of who used them.",
  appliesTo: "azure.containerregistry.Registry",
  references: { checkov: "CKV_AZURE_137" },
  remediation: {
    text: "Disable the admin user; pull with managed identities (AKS kubelet identity, App Service identity) and push with service principals or tokens scoped to repositories.",
    fix: "admin_enabled = false",
  },
  examples: {
    terraform: {
      bad: [tfRegistry("admin_enabled                 = true\npublic_network_access_enabled = false")],
      good: [tfRegistry("public_network_access_enabled = false")],
    },
    arm: {
      bad: [armRegistry(`"adminUserEnabled": true, "publicNetworkAccess": "Disabled"`)],
      good: [armRegistry(`"adminUserEnabled": false, "publicNetworkAccess": "Disabled"`)],
    },
  },
  evaluate(r) {
    if (!isKnown(r.adminUserEnabled, true)) return undefined;
    return fail(r.adminUserEnabled, `${r.address} has the admin user enabled`, { key: `${r.address} admin-user` });
  },
});
