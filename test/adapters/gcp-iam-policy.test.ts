// `data "google_iam_policy"` rendered into `policy_data`, and the `google_*_iam_policy` resources
// read by the GCP mappers, so the public-member and basic-role checks see whole policies too.
import { describe, expect, it } from "vitest";
import { terraformAdapter } from "../../src/adapters/terraform.js";
import { violationsOf } from "../../src/checks/define.js";
import { gcpChecks } from "../../src/checks/gcp/index.js";
import type { ResourceModel } from "../../src/checks/types.js";
import type { BigQueryDataset, IamGrant, KmsCryptoKey, StorageBucket } from "../../src/models/gcp.js";
import { evalLocal, plain, project } from "./terraform-helpers.js";

function models<T extends ResourceModel>(text: string, type: string): T[] {
  return terraformAdapter.parse(text, "main.tf").models.filter((m) => m.modelType === type) as T[];
}

/** `[check id, line, message]` of every GCP check that fires on the file. */
function findings(text: string): [string, number, string][] {
  const ms = terraformAdapter.parse(text, "main.tf").models;
  return gcpChecks.flatMap((c) => ms.filter((m) => m.modelType === c.appliesTo).flatMap((m) => violationsOf(c.evaluate(m, { path: "main.tf" })).map((v): [string, number, string] => [c.id, v.range.startLine, v.message])));
}

const POLICY = `data "google_iam_policy" "p" {
  binding {
    role = "roles/storage.objectViewer"
    members = [
      "group:analysts@example.com",
      "allUsers",
    ]
  }
  binding {
    role    = "roles/storage.admin"
    members = ["user:ann@example.com"]
    condition {
      title      = "until 2030"
      expression = "request.time < timestamp(\\"2030-01-01T00:00:00Z\\")"
    }
  }
  audit_config {
    service = "storage.googleapis.com"
    audit_log_configs {
      log_type         = "DATA_READ"
      exempted_members = ["user:ann@example.com"]
    }
  }
}
`;

describe('data "google_iam_policy"', () => {
  it("renders policy_data in Google's JSON shape, as jsonencode() would", () => {
    expect(plain(evalLocal("data.google_iam_policy.p.policy_data", POLICY))).toEqual({
      jsonencode: {
        bindings: [
          { role: "roles/storage.objectViewer", members: ["group:analysts@example.com", "allUsers"] },
          {
            role: "roles/storage.admin",
            members: ["user:ann@example.com"],
            condition: { title: "until 2030", expression: 'request.time < timestamp("2030-01-01T00:00:00Z")' },
          },
        ],
        auditConfigs: [{ service: "storage.googleapis.com", auditLogConfigs: [{ logType: "DATA_READ", exemptedMembers: ["user:ann@example.com"] }] }],
      },
    });
  });

  it("keeps each value's own line", () => {
    const v = evalLocal("data.google_iam_policy.p.policy_data", POLICY);
    const bindings = v?.t === "unknown" && v.encoded?.t === "object" ? v.encoded.entries.get("bindings") : undefined;
    const first = bindings?.t === "list" ? bindings.items[0] : undefined;
    const members = first?.t === "object" ? first.entries.get("members") : undefined;
    expect(members?.t === "list" ? members.items.map((m) => m.range.startLine) : []).toEqual([5, 6]);
  });

  it("is known to the last value: unknown members and dynamic bindings over unknown collections stay unknown", () => {
    const v = evalLocal(
      "data.google_iam_policy.p.policy_data",
      `variable "who" {}
variable "roles" {}
data "google_iam_policy" "p" {
  binding {
    role    = "roles/viewer"
    members = [var.who]
  }
  dynamic "binding" {
    for_each = var.roles
    content {
      role    = binding.value
      members = ["allUsers"]
    }
  }
}`,
    );
    expect(plain(v)).toEqual({ jsonencode: { bindings: [{ role: "roles/viewer", members: ["?var.who"] }, "?"] } });
  });

  it("expands dynamic bindings over a known collection", () => {
    const v = evalLocal(
      "data.google_iam_policy.p.policy_data",
      `data "google_iam_policy" "p" {
  dynamic "binding" {
    for_each = { "roles/viewer" = ["group:a@example.com"], "roles/editor" = ["group:b@example.com"] }
    content {
      role    = binding.key
      members = binding.value
    }
  }
}`,
    );
    expect(plain(v)).toEqual({
      jsonencode: {
        bindings: [
          { role: "roles/editor", members: ["group:b@example.com"] },
          { role: "roles/viewer", members: ["group:a@example.com"] },
        ],
      },
    });
  });
});

describe("google_*_iam_policy resources", () => {
  it("project, folder and organization policies become one grant per binding", () => {
    const grants = models<IamGrant>(
      `${POLICY}
resource "google_project_iam_policy" "app" {
  project     = "acme-app"
  policy_data = data.google_iam_policy.p.policy_data
}
resource "google_folder_iam_policy" "f" {
  folder      = "folders/1"
  policy_data = jsonencode({ bindings = [{ role = "roles/owner", members = ["user:bob@example.com"] }] })
}
resource "google_organization_iam_policy" "o" {
  org_id      = "123"
  policy_data = var.policy
}`,
      "gcp.iam.Grant",
    );
    expect(grants.map((g) => [g.address, g.scope, g.role?.value, g.members.map((m) => (m.known ? m.value : "?"))])).toEqual([
      ["google_project_iam_policy.app", "project", "roles/storage.objectViewer", ["group:analysts@example.com", "allUsers"]],
      ["google_project_iam_policy.app", "project", "roles/storage.admin", ["user:ann@example.com"]],
      ["google_folder_iam_policy.f", "folder", "roles/owner", ["user:bob@example.com"]],
      ["google_organization_iam_policy.o", "organization", undefined, ["?"]],
    ]);
    expect(grants[0]?.members.map((m) => m.range.startLine)).toEqual([5, 6]);
  });

  it("a literal JSON policy is read, every value at the string's lines", () => {
    const [g] = models<IamGrant>(
      `resource "google_project_iam_policy" "app" {
  project     = "acme-app"
  policy_data = <<-EOT
    {"bindings": [{"role": "roles/editor", "members": ["group:devs@example.com"]}]}
  EOT
}`,
      "gcp.iam.Grant",
    );
    expect(g).toMatchObject({ role: { value: "roles/editor", known: true }, members: [{ value: "group:devs@example.com", known: true }] });
    expect(g?.members[0]?.range.startLine).toBe(3);
  });

  it("bucket, crypto key and dataset policies join their resource by reference or by literal", () => {
    const text = `${POLICY}
resource "google_storage_bucket" "reports" {
  name     = "acme-reports"
  location = "EU"
}
resource "google_storage_bucket_iam_policy" "reports" {
  bucket      = google_storage_bucket.reports.name
  policy_data = data.google_iam_policy.p.policy_data
}
resource "google_kms_crypto_key" "k" {
  name     = "data"
  key_ring = "projects/p/locations/eu/keyRings/r"
}
resource "google_kms_crypto_key_iam_policy" "k" {
  crypto_key_id = "projects/p/locations/eu/keyRings/r/cryptoKeys/data"
  policy_data   = data.google_iam_policy.p.policy_data
}
resource "google_bigquery_dataset" "d" {
  dataset_id = "sales"
}
resource "google_bigquery_dataset_iam_policy" "d" {
  dataset_id  = google_bigquery_dataset.d.dataset_id
  policy_data = data.google_iam_policy.p.policy_data
}`;
    const members = (m: { members: StorageBucket["members"] }) => m.members.map((x) => [x.role?.value, x.member.value, x.via, x.member.range.startLine]);
    const expected = (via: string) => [
      ["roles/storage.objectViewer", "group:analysts@example.com", via, 5],
      ["roles/storage.objectViewer", "allUsers", via, 6],
      ["roles/storage.admin", "user:ann@example.com", via, 11],
    ];
    const [bucket] = models<StorageBucket>(text, "gcp.storage.Bucket");
    expect(members(bucket as StorageBucket)).toEqual(expected("google_storage_bucket_iam_policy.reports"));
    expect(bucket?.membersUnplaced).toBeUndefined();
    const [key] = models<KmsCryptoKey>(text, "gcp.kms.CryptoKey");
    expect(members(key as KmsCryptoKey)).toEqual(expected("google_kms_crypto_key_iam_policy.k"));
    const [dataset] = models<BigQueryDataset>(text, "gcp.bigquery.Dataset");
    expect(members(dataset as BigQueryDataset)).toEqual(expected("google_bigquery_dataset_iam_policy.d"));
  });

  it("a policy whose bucket cannot be told marks the buckets' members as unplaced", () => {
    const [bucket] = models<StorageBucket>(
      `resource "google_storage_bucket" "a" {
  name = "acme-a"
}
resource "google_storage_bucket_iam_policy" "x" {
  bucket      = var.bucket
  policy_data = "{}"
}`,
      "gcp.storage.Bucket",
    );
    expect(bucket?.members).toEqual([]);
    expect(bucket?.membersUnplaced?.startLine).toBe(4);
  });

  it("the public-member and basic-role checks fire at the member's line in the data source", () => {
    const text = `${POLICY}
resource "google_storage_bucket" "reports" {
  name     = "acme-reports"
  location = "EU"
}
resource "google_storage_bucket_iam_policy" "reports" {
  bucket      = google_storage_bucket.reports.name
  policy_data = data.google_iam_policy.p.policy_data
}
resource "google_project_iam_policy" "app" {
  project     = "acme-app"
  policy_data = data.google_iam_policy.owners.policy_data
}
data "google_iam_policy" "owners" {
  binding {
    role    = "roles/owner"
    members = ["user:ann@example.com", "serviceAccount:ci@acme-app.iam.gserviceaccount.com"]
  }
  binding {
    role    = "roles/viewer"
    members = ["allAuthenticatedUsers"]
  }
}`;
    const f = findings(text).filter(([id]) => ["MAM-GCP-001", "MAM-GCP-028", "MAM-GCP-032"].includes(id));
    expect(f).toEqual([
      ["MAM-GCP-001", 6, "google_storage_bucket.reports grants roles/storage.objectViewer to allUsers (google_storage_bucket_iam_policy.reports)"],
      ["MAM-GCP-028", 41, "google_project_iam_policy.app grants roles/owner to user:ann@example.com"],
      ["MAM-GCP-032", 45, "google_project_iam_policy.app grants roles/viewer on the whole project to allAuthenticatedUsers"],
    ]);
  });

  it("a data source in another file of the module gives the use's line", () => {
    const parsed = project({
      "policy.tf": POLICY,
      "main.tf": `resource "google_project_iam_policy" "app" {
  project     = "acme-app"
  policy_data = data.google_iam_policy.p.policy_data
}
`,
    });
    const grants = parsed.get("main.tf")?.models.filter((m): m is IamGrant => m.modelType === "gcp.iam.Grant") ?? [];
    expect(grants.flatMap((g) => g.members.map((m) => [m.value, m.range.startLine]))).toEqual([
      ["group:analysts@example.com", 3],
      ["allUsers", 3],
      ["user:ann@example.com", 3],
    ]);
  });
});
