import type { DnsManagedZone } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown, isOneOf } from "./util.js";

export default defineCheck<DnsManagedZone>({
  id: "MAM-GCP-070",
  title: "DNSSEC key uses RSASHA1",
  severity: "medium",
  description:
    "A `default_key_specs` entry of the zone's DNSSEC configuration uses the `rsasha1` algorithm, for its " +
    "key-signing or zone-signing key. SHA-1 signatures can be forged with chosen-prefix collisions, and resolvers " +
    "are dropping support for them.",
  appliesTo: "gcp.dns.ManagedZone",
  references: { checkov: "CKV_GCP_17", trivy: "AVD-GCP-0012" },
  compliance: [
    { framework: "cis-gcp-3.0", control: "3.4" },
    { framework: "cis-gcp-3.0", control: "3.5" },
  ],
  remediation: {
    text: "Use rsasha256 or ecdsap256sha256 for both key-signing and zone-signing keys.",
    fix: 'default_key_specs {\n  algorithm  = "rsasha256"\n  key_length = 2048\n  key_type   = "keySigning"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_dns_managed_zone" "public" {
  name     = "example-com"
  dns_name = "example.com."

  dnssec_config {
    state = "on"

    default_key_specs {
      algorithm  = "rsasha1"
      key_length = 2048
      key_type   = "keySigning"
    }
    default_key_specs {
      algorithm  = "rsasha1"
      key_length = 1024
      key_type   = "zoneSigning"
    }
  }
}`,
      ],
      good: [
        `resource "google_dns_managed_zone" "public" {
  name     = "example-com"
  dns_name = "example.com."

  dnssec_config {
    state = "on"

    default_key_specs {
      algorithm  = "rsasha256"
      key_length = 2048
      key_type   = "keySigning"
    }
    default_key_specs {
      algorithm  = "rsasha256"
      key_length = 1024
      key_type   = "zoneSigning"
    }
  }
}`,
      ],
    },
  },
  evaluate(z) {
    return z.keySpecs
      .filter((s) => isOneOf(s.algorithm, ["rsasha1"]))
      .map((s, i) => {
        const kind = isKnown(s.keyType) ? s.keyType.value : `key #${i + 1}`;
        return fail(s.algorithm ?? s.range, `${z.address} signs with RSASHA1 (${kind})`, { key: `${z.address} rsasha1 ${kind}` });
      });
  },
});
