import type { BigQueryDataset } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown, publicMembers } from "./util.js";

export default defineCheck<BigQueryDataset>({
  id: "MAM-GCP-071",
  title: "BigQuery dataset is open to anyone",
  severity: "critical",
  description:
    "An `access` entry of the dataset, a `google_bigquery_dataset_access`, or a dataset IAM member or binding that " +
    "refers to it, grants a role to `allUsers` or `allAuthenticatedUsers`. Every table in the dataset is then " +
    "readable (or worse) by anyone on the internet, or by anyone with any Google account.",
  appliesTo: "gcp.bigquery.Dataset",
  references: { checkov: "CKV_GCP_15", trivy: "AVD-GCP-0046" },
  compliance: [{ framework: "cis-gcp-3.0", control: "7.1" }],
  remediation: {
    text: "Remove the public entry; grant dataset roles to groups, or share data through authorized views.",
    fix: 'access {\n  role           = "READER"\n  group_by_email = "analysts@example.com"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_bigquery_dataset" "sales" {
  dataset_id = "sales"
  location   = "EU"

  access {
    role          = "OWNER"
    user_by_email = "ann@example.com"
  }

  access {
    role          = "READER"
    special_group = "allAuthenticatedUsers"
  }
}`,
        `resource "google_bigquery_dataset" "sales" {
  dataset_id = "sales"
  location   = "EU"
}

resource "google_bigquery_dataset_iam_member" "public" {
  dataset_id = google_bigquery_dataset.sales.dataset_id
  role       = "roles/bigquery.dataViewer"
  member     = "allUsers"
}`,
      ],
      good: [
        `resource "google_bigquery_dataset" "sales" {
  dataset_id = "sales"
  location   = "EU"

  access {
    role          = "OWNER"
    user_by_email = "ann@example.com"
  }

  access {
    role           = "READER"
    group_by_email = "analysts@example.com"
  }
}`,
      ],
    },
  },
  evaluate(d) {
    return publicMembers(d.members).map((m) =>
      fail(m.member, `${d.address} grants ${isKnown(m.role) ? m.role.value : "access"} to ${m.member.value}${m.via === d.address ? "" : ` (${m.via})`}`, { key: `${d.address} ${m.via} ${m.member.value}` }),
    );
  },
});
