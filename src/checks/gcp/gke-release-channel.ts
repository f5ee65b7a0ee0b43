import type { GkeCluster } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isOneOf } from "./util.js";

export default defineCheck<GkeCluster>({
  id: "MAM-GCP-059",
  title: "GKE cluster is taken out of release channels",
  severity: "low",
  description:
    "`release_channel.channel = \"UNSPECIFIED\"` opts the cluster out of release channels. Its control plane and " +
    "nodes then follow no managed upgrade cadence, and clusters left on old versions miss security patches. " +
    "Clusters that leave the channel out get GKE's default (Regular) and are not reported.",
  appliesTo: "gcp.gke.Cluster",
  references: { checkov: "CKV_GCP_70" },
  remediation: {
    text: "Enroll the cluster in the REGULAR or STABLE channel.",
    fix: 'release_channel {\n  channel = "REGULAR"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"

  release_channel {
    channel = "UNSPECIFIED"
  }
}`,
      ],
      good: [
        `resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"

  release_channel {
    channel = "STABLE"
  }
}`,
      ],
    },
  },
  evaluate(c) {
    if (!isOneOf(c.releaseChannel, ["UNSPECIFIED"])) return undefined;
    return fail(c.releaseChannel, `${c.address} is not in a release channel`, { key: `${c.address} release channel` });
  },
});
