import type { ProjectMetadata } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown, metaSwitch } from "./util.js";

export default defineCheck<ProjectMetadata>({
  id: "MAM-GCP-017",
  title: "Project metadata allows serial console access on every VM",
  severity: "medium",
  description:
    "The project metadata sets `serial-port-enable` to true, which turns the interactive serial console on for " +
    "every VM in the project that does not turn it off itself. Serial console connections bypass VPC firewall " +
    "rules entirely.",
  appliesTo: "gcp.compute.ProjectMetadata",
  compliance: [{ framework: "cis-gcp-3.0", control: "4.5" }],
  remediation: {
    text: "Remove serial-port-enable from the project metadata and enforce the compute.disableSerialPortAccess organization policy; enable the console per VM only while debugging.",
    fix: 'resource "google_compute_project_metadata_item" "serial" {\n  key   = "serial-port-enable"\n  value = "FALSE"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_compute_project_metadata_item" "serial" {
  key   = "serial-port-enable"
  value = "TRUE"
}`,
        `resource "google_compute_project_metadata" "default" {
  metadata = {
    enable-oslogin     = "TRUE"
    serial-port-enable = "1"
  }
}`,
      ],
      good: [
        `resource "google_compute_project_metadata" "default" {
  metadata = {
    enable-oslogin = "TRUE"
  }
}`,
        `resource "google_compute_project_metadata_item" "serial" {
  key   = "serial-port-enable"
  value = "FALSE"
}`,
      ],
    },
  },
  evaluate(p) {
    const on = metaSwitch(p.metadata, "serial-port-enable");
    if (!isKnown(on, true)) return undefined;
    return fail(on, `${p.address} enables the serial console project-wide`, { key: `${p.address} project serial port` });
  },
});
