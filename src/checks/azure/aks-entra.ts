import type { AksCluster } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { ARM_HARDENED, armCluster, TF_HARDENED, tfCluster } from "./aks-examples.js";
import { isKnown } from "./util.js";

export default defineCheck<AksCluster>({
  id: "MAM-AZ-054",
  title: "AKS cluster is not integrated with Microsoft Entra ID",
  severity: "medium",
  description:
    "The cluster has no Entra ID integration (`azure_active_directory_role_based_access_control`; provider 2.x: " +
    "`role_based_access_control.azure_active_directory`; ARM: `aadProfile`). Users then authenticate with cluster " +
    "certificates instead of their central identity, outside MFA, conditional access and offboarding.",
  appliesTo: "azure.aks.Cluster",
  remediation: {
    text: "Enable managed Entra ID integration, and Azure RBAC for Kubernetes authorization.",
    fix: "azure_active_directory_role_based_access_control {\n  azure_rbac_enabled = true\n}",
  },
  examples: {
    terraform: {
      bad: [tfCluster("private_cluster_enabled = true")],
      good: [tfCluster(TF_HARDENED)],
    },
    arm: {
      bad: [armCluster(`"enableRBAC": true`)],
      good: [armCluster(ARM_HARDENED)],
    },
  },
  evaluate(c) {
    if (!isKnown(c.entraIntegration, false)) return undefined;
    return fail(c.entraIntegration, `${c.address} is not integrated with Microsoft Entra ID`, { key: `${c.address} entra` });
  },
});
