import type { ProjectMetadata } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown, metaSwitch } from "./util.js";

export default defineCheck<ProjectMetadata>({
  id: "MAM-GCP-016",
  title: "Project metadata does not turn OS Login on",
  severity: "medium",
  description:
    "`google_compute_project_metadata` holds the whole project metadata; without `enable-oslogin = TRUE` in it, VMs " +
    "fall back to SSH keys kept in metadata, which outlive the people they were given to and are not tied to IAM. " +
    "A `google_compute_project_metadata_item` that sets `enable-oslogin` to false is reported too.",
  appliesTo: "gcp.compute.ProjectMetadata",
  references: { checkov: "CKV_GCP_33", trivy: "AVD-GCP-0042" },
  compliance: [{ framework: "cis-gcp-3.0", control: "4.4" }],
  remediation: {
    text: "Set enable-oslogin to TRUE in the project metadata and grant SSH access through the OS Login IAM roles.",
    fix: 'resource "google_compute_project_metadata" "default" {\n  metadata = {\n    enable-oslogin = "TRUE"\n  }\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_compute_project_metadata" "default" {
  metadata = {
    ssh-keys = "ann:ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKeyOnly ann"
  }
}`,
        `resource "google_compute_project_metadata" "default" {
  metadata = {
    enable-oslogin = "FALSE"
  }
}`,
        `resource "google_compute_project_metadata_item" "oslogin" {
  key   = "enable-oslogin"
  value = "FALSE"
}`,
      ],
      good: [
        `resource "google_compute_project_metadata" "default" {
  metadata = {
    enable-oslogin = "TRUE"
  }
}`,
        `resource "google_compute_project_metadata_item" "oslogin" {
  key   = "enable-oslogin"
  value = "TRUE"
}`,
      ],
    },
  },
  evaluate(p) {
    const on = metaSwitch(p.metadata, "enable-oslogin");
    if (on ? !isKnown(on, false) : !p.whole) return undefined;
    return fail(on ?? p.range, `${p.address} does not turn OS Login on for the project`, { key: `${p.address} project oslogin` });
  },
});
