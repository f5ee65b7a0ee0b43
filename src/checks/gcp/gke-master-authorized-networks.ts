import type { GkeCluster } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { isKnown, OPEN_CIDRS } from "./util.js";

export default defineCheck<GkeCluster>({
  id: "MAM-GCP-051",
  title: "GKE control plane is reachable from any address",
  severity: "high",
  description:
    "The cluster has no `master_authorized_networks_config`, or authorizes 0.0.0.0/0 in it, so the Kubernetes API " +
    "server's endpoint accepts connections from the whole internet. Authentication still applies, but every " +
    "API server vulnerability and every leaked kubeconfig is then exploitable from anywhere.",
  appliesTo: "gcp.gke.Cluster",
  references: { checkov: "CKV_GCP_20", trivy: "AVD-GCP-0061" },
  remediation: {
    text: "Add master_authorized_networks_config with the ranges that administer the cluster (a VPN, CI runners), or make the endpoint private.",
    fix: 'master_authorized_networks_config {\n  cidr_blocks {\n    cidr_block   = "10.0.0.0/8"\n    display_name = "internal"\n  }\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"
}`,
        `resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"

  master_authorized_networks_config {
    cidr_blocks {
      cidr_block   = "0.0.0.0/0"
      display_name = "everyone"
    }
  }
}`,
      ],
      good: [
        `resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"

  master_authorized_networks_config {
    cidr_blocks {
      cidr_block   = "10.0.0.0/8"
      display_name = "internal"
    }
  }
}`,
      ],
    },
  },
  evaluate(c) {
    if (!c.masterAuthorizedNetworks) return fail(c.range, `${c.address} does not restrict access to the control plane`, { key: `${c.address} master authorized networks` });
    const out: Violation[] = [];
    for (const cidr of c.masterCidrs) {
      if (isKnown(cidr) && OPEN_CIDRS.includes(cidr.value.trim())) out.push(fail(cidr, `${c.address} authorizes ${cidr.value} to reach the control plane`, { key: `${c.address} master cidr ${cidr.value}` }));
    }
    return out;
  },
});
