import type { StorageBucket } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown, isOneOf } from "./util.js";

export default defineCheck<StorageBucket>({
  id: "MAM-GCP-003",
  title: "Cloud Storage bucket does not enforce public access prevention",
  severity: "low",
  description:
    "`public_access_prevention` is not `enforced`. With the default, `inherited`, the bucket can be made public by " +
    "a later grant to `allUsers` or `allAuthenticatedUsers` unless an organization policy forbids it, which the " +
    "file does not show. Enforcing it on the bucket makes Cloud Storage refuse public grants outright.",
  appliesTo: "gcp.storage.Bucket",
  references: { checkov: "CKV_GCP_114" },
  remediation: {
    text: "Set public_access_prevention = \"enforced\" on every bucket that is not meant to serve the public (or enforce the storage.publicAccessPrevention organization policy).",
    fix: 'resource "google_storage_bucket" "reports" {\n  name                     = "acme-reports"\n  location                 = "EU"\n  public_access_prevention = "enforced"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_storage_bucket" "reports" {
  name     = "acme-reports"
  location = "EU"
}`,
        `resource "google_storage_bucket" "reports" {
  name                     = "acme-reports"
  location                 = "EU"
  public_access_prevention = "inherited"
}`,
      ],
      good: [
        `resource "google_storage_bucket" "reports" {
  name                     = "acme-reports"
  location                 = "EU"
  public_access_prevention = "enforced"
}`,
      ],
    },
  },
  evaluate(b) {
    const pap = b.publicAccessPrevention;
    if (pap && (!isKnown(pap) || isOneOf(pap, ["enforced"]))) return undefined;
    return fail(pap ?? b.range, `${b.address} does not enforce public access prevention`, { key: `${b.address} public access prevention` });
  },
});
