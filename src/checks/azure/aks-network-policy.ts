import type { AksCluster } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { ARM_HARDENED, armCluster, TF_HARDENED, tfCluster } from "./aks-examples.js";
import { isKnown } from "./util.js";

export default defineCheck<AksCluster>({
  id: "MAM-AZ-051",
  title: "AKS cluster has no network policy",
  severity: "medium",
  description:
    "No network policy engine is set (`network_profile.network_policy`; ARM: `networkProfile.networkPolicy`). " +
    "Kubernetes NetworkPolicy objects are then accepted but not enforced, so every pod can reach every other pod: " +
    "one compromised workload can talk to databases and internal APIs across namespaces.",
  appliesTo: "azure.aks.Cluster",
  references: { checkov: "CKV_AZURE_7", trivy: "AVD-AZU-0043" },
  remediation: {
    text: "Choose a network policy engine (`azure`, `calico` or `cilium`) when creating the cluster, then restrict traffic with NetworkPolicy objects.",
    fix: 'network_profile {\n  network_plugin = "azure"\n  network_policy = "calico"\n}',
  },
  examples: {
    terraform: {
      bad: [tfCluster("private_cluster_enabled = true"), tfCluster("network_profile {\n  network_plugin = \"kubenet\"\n}")],
      good: [tfCluster(TF_HARDENED)],
    },
    arm: {
      bad: [armCluster(`"networkProfile": { "networkPlugin": "kubenet" }`)],
      good: [armCluster(ARM_HARDENED)],
    },
  },
  evaluate(c) {
    if (!isKnown(c.networkPolicy, "none")) return undefined;
    return fail(c.networkPolicy, `${c.address} enforces no network policy`, { key: `${c.address} network-policy` });
  },
});
