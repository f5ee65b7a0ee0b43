import type { AksCluster } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { ARM_HARDENED, armCluster, TF_HARDENED, tfCluster } from "./aks-examples.js";
import { isKnown } from "./util.js";

export default defineCheck<AksCluster>({
  id: "MAM-AZ-052",
  title: "AKS API server is open to the whole internet",
  severity: "medium",
  description:
    "The cluster is not private and sets no API server authorized IP ranges (`api_server_authorized_ip_ranges` or " +
    "`api_server_access_profile.authorized_ip_ranges`; ARM: `apiServerAccessProfile`). The Kubernetes API then " +
    "accepts connections from any address, so a leaked kubeconfig or token works from anywhere and the API server's " +
    "own flaws are exposed.",
  appliesTo: "azure.aks.Cluster",
  references: { checkov: ["CKV_AZURE_6", "CKV_AZURE_115"], trivy: "AVD-AZU-0041" },
  remediation: {
    text: "Make the cluster private, or restrict the API server to the address ranges of your administrators and CI.",
    fix: 'api_server_access_profile {\n  authorized_ip_ranges = ["203.0.113.0/24"]\n}',
  },
  examples: {
    terraform: {
      bad: [tfCluster("local_account_disabled = true")],
      good: [tfCluster(TF_HARDENED), tfCluster("api_server_access_profile {\n  authorized_ip_ranges = [\"203.0.113.0/24\"]\n}"), tfCluster("api_server_authorized_ip_ranges = var.admin_ranges")],
    },
    arm: {
      bad: [armCluster(`"enableRBAC": true`)],
      good: [armCluster(ARM_HARDENED), armCluster(`"apiServerAccessProfile": { "authorizedIPRanges": ["203.0.113.0/24"] }`)],
    },
  },
  evaluate(c) {
    if (!isKnown(c.privateCluster, false)) return undefined;
    // An unknown list may hold ranges: only a cluster known to have none is reported.
    if (c.authorizedIpRanges.length > 0) return undefined;
    return fail(c.privateCluster, `${c.address} API server accepts connections from any address (not private, no authorized IP ranges)`, { key: `${c.address} api-public` });
  },
});
