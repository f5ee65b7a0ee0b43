import type { AksCluster } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { ARM_HARDENED, armCluster, TF_HARDENED, tfCluster } from "./aks-examples.js";
import { isKnown } from "./util.js";

export default defineCheck<AksCluster>({
  id: "MAM-AZ-050",
  title: "AKS cluster has Kubernetes RBAC off",
  severity: "high",
  description:
    "`role_based_access_control_enabled = false` (provider 2.x: `role_based_access_control { enabled = false }`; " +
    "ARM: `enableRBAC: false`). Without RBAC every authenticated identity is effectively cluster-admin: any pod's " +
    "service account token, any user with credentials, can read every secret and change every workload. RBAC can " +
    "only be chosen when the cluster is created.",
  appliesTo: "azure.aks.Cluster",
  references: { checkov: "CKV_AZURE_5", trivy: "AVD-AZU-0042" },
  remediation: {
    text: "Create the cluster with Kubernetes RBAC enabled (the default), ideally with Entra ID integration and Azure RBAC.",
    fix: "role_based_access_control_enabled = true",
  },
  examples: {
    terraform: {
      bad: [tfCluster("role_based_access_control_enabled = false"), tfCluster("role_based_access_control {\n  enabled = false\n}")],
      good: [tfCluster(TF_HARDENED), tfCluster("role_based_access_control_enabled = var.rbac")],
    },
    arm: {
      bad: [armCluster(`"enableRBAC": false`)],
      good: [armCluster(ARM_HARDENED)],
    },
  },
  evaluate(c) {
    if (!isKnown(c.rbacEnabled, false)) return undefined;
    return fail(c.rbacEnabled, `${c.address} has Kubernetes RBAC off`, { key: `${c.address} rbac` });
  },
});
