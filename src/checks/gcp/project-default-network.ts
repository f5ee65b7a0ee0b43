import type { Project } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<Project>({
  id: "MAM-GCP-018",
  title: "Project is created with the default network",
  severity: "medium",
  description:
    "`auto_create_network` is true unless set to false, so the project gets the `default` VPC network with a " +
    "subnet in every region and pre-populated firewall rules that allow SSH, RDP and ICMP from anywhere. It is " +
    "rarely what a workload should run in, and it is easy to forget. An organization policy " +
    "(compute.skipDefaultNetworkCreation) can also prevent it; that is not visible here.",
  appliesTo: "gcp.resourcemanager.Project",
  references: { checkov: "CKV_GCP_27", trivy: "AVD-GCP-0010" },
  compliance: [{ framework: "cis-gcp-3.0", control: "3.1" }],
  remediation: {
    text: "Set auto_create_network = false and create the networks the project needs explicitly.",
    fix: 'resource "google_project" "app" {\n  name                = "app"\n  project_id          = "acme-app"\n  auto_create_network = false\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_project" "app" {
  name       = "app"
  project_id = "acme-app"
  org_id     = "123456789012"
}`,
        `resource "google_project" "app" {
  name                = "app"
  project_id          = "acme-app"
  auto_create_network = true
}`,
      ],
      good: [
        `resource "google_project" "app" {
  name                = "app"
  project_id          = "acme-app"
  auto_create_network = false
}`,
      ],
    },
  },
  evaluate(p) {
    if (p.autoCreateNetwork && !isKnown(p.autoCreateNetwork, true)) return undefined;
    return fail(p.autoCreateNetwork ?? p.range, `${p.address} gets the default network`, { key: `${p.address} default network` });
  },
});
