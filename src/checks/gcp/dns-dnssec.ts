import type { DnsManagedZone } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown, isOneOf } from "./util.js";

export default defineCheck<DnsManagedZone>({
  id: "MAM-GCP-069",
  title: "Public DNS zone without DNSSEC",
  severity: "medium",
  description:
    "A public Cloud DNS zone has no `dnssec_config`, or its `state` is `off`. Resolvers then cannot verify that " +
    "answers for the zone are authentic, so cache poisoning and on-path attackers can redirect its names. Private " +
    "zones are not reported.",
  appliesTo: "gcp.dns.ManagedZone",
  references: { checkov: "CKV_GCP_16", trivy: "AVD-GCP-0013" },
  compliance: [{ framework: "cis-gcp-3.0", control: "3.3" }],
  remediation: {
    text: "Turn DNSSEC on for the zone and publish the DS record at the registrar.",
    fix: 'dnssec_config {\n  state = "on"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_dns_managed_zone" "public" {
  name     = "example-com"
  dns_name = "example.com."
}`,
        `resource "google_dns_managed_zone" "public" {
  name       = "example-com"
  dns_name   = "example.com."
  visibility = "public"

  dnssec_config {
    state = "off"
  }
}`,
      ],
      good: [
        `resource "google_dns_managed_zone" "public" {
  name     = "example-com"
  dns_name = "example.com."

  dnssec_config {
    state = "on"
  }
}`,
        `resource "google_dns_managed_zone" "internal" {
  name       = "internal"
  dns_name   = "internal.example.com."
  visibility = "private"
}`,
      ],
    },
  },
  evaluate(z) {
    if (z.visibility && !(isKnown(z.visibility) && isOneOf(z.visibility, ["public"]))) return undefined;
    const state = z.dnssecState;
    if (state && !isOneOf(state, ["off"])) return undefined;
    return fail(state ?? z.dnssecConfig ?? z.range, `${z.address} does not sign its records with DNSSEC`, { key: `${z.address} dnssec` });
  },
});
