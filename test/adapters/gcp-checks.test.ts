// The Google Cloud checks beyond their own examples: what they say on unknown values (nothing),
// and the catalogue's shape (ids, ordering, references, CIS mappings).
import { describe, expect, it } from "vitest";
import { terraformAdapter } from "../../src/adapters/terraform.js";
import { violationsOf } from "../../src/checks/define.js";
import { gcpChecks } from "../../src/checks/gcp/index.js";
import { periodSeconds } from "../../src/checks/gcp/kms-rotation.js";
import { isDefaultServiceAccount, parseSwitch } from "../../src/checks/gcp/util.js";

/** `id:line` of every Google Cloud finding in a Terraform text. */
function findings(text: string): string[] {
  const models = terraformAdapter.parse(text, "main.tf").models;
  return gcpChecks.flatMap((c) =>
    models.filter((m) => m.modelType === c.appliesTo).flatMap((m) => violationsOf(c.evaluate(m, { path: "main.tf" })).map((v) => `${c.id}:${v.range.startLine}`)),
  );
}

function only(text: string, id: string): string[] {
  return findings(text).filter((f) => f.startsWith(`${id}:`));
}

describe("unknown values keep checks quiet", () => {
  it.each([
    { id: "MAM-GCP-001", text: `resource "google_storage_bucket" "b" {\n  name = "b"\n  public_access_prevention = var.pap\n}\nresource "google_storage_bucket_iam_member" "m" {\n  bucket = google_storage_bucket.b.name\n  role   = "roles/storage.objectViewer"\n  member = var.member\n}` },
    { id: "MAM-GCP-007", text: `resource "google_compute_instance" "vm" {\n  metadata = { serial-port-enable = var.serial }\n}` },
    { id: "MAM-GCP-009", text: `resource "google_compute_instance" "vm" {\n  metadata = var.metadata\n}` },
    { id: "MAM-GCP-012", text: `resource "google_compute_instance" "vm" {\n  service_account {\n    email  = var.sa\n    scopes = ["cloud-platform"]\n  }\n}` },
    { id: "MAM-GCP-014", text: `resource "google_compute_instance" "vm" {\n  shielded_instance_config {\n    enable_secure_boot = var.secure_boot\n  }\n}` },
    { id: "MAM-GCP-019", text: `resource "google_compute_firewall" "f" {\n  direction = var.direction\n  allow {\n    protocol = "tcp"\n    ports    = ["22"]\n  }\n  source_ranges = ["0.0.0.0/0"]\n}` },
    { id: "MAM-GCP-019", text: `resource "google_compute_firewall" "f" {\n  allow {\n    protocol = "tcp"\n    ports    = [var.port]\n  }\n  source_ranges = var.sources\n}` },
    { id: "MAM-GCP-023", text: `resource "google_compute_subnetwork" "s" {\n  purpose = var.purpose\n}` },
    { id: "MAM-GCP-028", text: `resource "google_project_iam_member" "m" {\n  role   = "roles/owner"\n  member = var.member\n}` },
    { id: "MAM-GCP-034", text: `resource "google_project_iam_audit_config" "a" {\n  service = "allServices"\n  dynamic "audit_log_config" {\n    for_each = var.types\n    content {\n      log_type = audit_log_config.value\n    }\n  }\n}` },
    { id: "MAM-GCP-037", text: `resource "google_sql_database_instance" "db" {\n  settings {\n    ip_configuration {\n      ssl_mode = var.mode\n    }\n  }\n}` },
    { id: "MAM-GCP-041", text: `resource "google_sql_database_instance" "db" {\n  database_version = "POSTGRES_15"\n  settings {\n    dynamic "database_flags" {\n      for_each = var.flags\n      content {\n        name  = database_flags.key\n        value = database_flags.value\n      }\n    }\n  }\n}` },
    { id: "MAM-GCP-041", text: `resource "google_sql_database_instance" "db" {\n  database_version = var.version\n  settings {\n    tier = "db-f1-micro"\n  }\n}` },
    { id: "MAM-GCP-053", text: `resource "google_container_cluster" "c" {\n  datapath_provider = var.datapath\n}` },
    { id: "MAM-GCP-066", text: `resource "google_container_node_pool" "p" {\n  node_config {\n    service_account = var.sa\n  }\n}` },
    { id: "MAM-GCP-067", text: `resource "google_kms_crypto_key" "k" {\n  purpose         = var.purpose\n  rotation_period = "31536000s"\n}` },
    { id: "MAM-GCP-069", text: `resource "google_dns_managed_zone" "z" {\n  visibility = var.visibility\n}` },
  ])("$id on an unknown value", ({ id, text }) => {
    expect(only(text, id)).toEqual([]);
  });
});

describe("several forms of one rule", () => {
  it("reports each open source range and each external address once", () => {
    const text = `resource "google_compute_firewall" "f" {
  allow {
    protocol = "tcp"
    ports    = ["22", "3389"]
  }
  source_ranges = ["0.0.0.0/0", "::/0"]
}
resource "google_compute_instance" "vm" {
  network_interface {
    access_config {}
  }
  network_interface {
    access_config {}
  }
}`;
    expect(only(text, "MAM-GCP-019")).toEqual(["MAM-GCP-019:2", "MAM-GCP-019:2"]);
    expect(only(text, "MAM-GCP-020")).toEqual(["MAM-GCP-020:2", "MAM-GCP-020:2"]);
    expect(only(text, "MAM-GCP-021")).toEqual([]);
    expect(only(text, "MAM-GCP-011")).toEqual(["MAM-GCP-011:10", "MAM-GCP-011:13"]);
  });

  it("does not report a firewall rule that opens everything as an SSH rule too", () => {
    const text = `resource "google_compute_firewall" "f" {\n  allow {\n    protocol = "all"\n  }\n  source_ranges = ["0.0.0.0/0"]\n}`;
    expect(findings(text).filter((f) => /MAM-GCP-0(19|20|21):/.test(f))).toEqual(["MAM-GCP-021:2"]);
  });

  it("reads PostgreSQL flags only on PostgreSQL, and SQL Server flags only on SQL Server", () => {
    const text = `resource "google_sql_database_instance" "db" {
  database_version = "MYSQL_8_0"
  settings {
    tier = "db-f1-micro"
    database_flags {
      name  = "cross db ownership chaining"
      value = "on"
    }
  }
}`;
    expect(findings(text).filter((f) => /MAM-GCP-0(4\d):/.test(f))).toEqual([]);
  });
});

describe("helpers", () => {
  it.each([
    ["TRUE", true],
    ["1", true],
    ["on", true],
    ["False", false],
    ["0", false],
    ["maybe", undefined],
  ] as const)("switch %s is %s", (s, want) => {
    expect(parseSwitch(s)).toBe(want);
  });

  it.each([
    ["serviceAccount:123456789012-compute@developer.gserviceaccount.com", true],
    ["acme-app@appspot.gserviceaccount.com", true],
    ["default", true],
    ["serviceAccount:ci@acme-app.iam.gserviceaccount.com", false],
  ] as const)("default service account %s: %s", (email, want) => {
    expect(isDefaultServiceAccount(email)).toBe(want);
  });

  it.each([
    ["7776000s", 7776000],
    ["86400.5s", 86400.5],
    ["90d", undefined],
  ] as const)("rotation period %s is %s seconds", (s, want) => {
    expect(periodSeconds(s)).toBe(want);
  });
});

describe("catalogue", () => {
  it("has at least 45 checks with ids MAM-GCP-001 to 099, in order", () => {
    const ids = gcpChecks.map((c) => c.id);
    expect(ids.length).toBeGreaterThanOrEqual(45);
    for (const id of ids) expect(id).toMatch(/^MAM-GCP-0\d\d$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("maps only to CIS GCP 3.0 and names peer ids in their own form", () => {
    for (const c of gcpChecks) {
      for (const r of c.compliance ?? []) {
        expect(r.framework).toBe("cis-gcp-3.0");
        expect(r.control).toMatch(/^\d+\.\d+(\.\d+)?$/);
      }
      const refs = c.references ?? {};
      for (const id of [refs.checkov ?? []].flat()) expect(id).toMatch(/^CKV2?_GCP_\d+$/);
      for (const id of [refs.trivy ?? []].flat()) expect(id).toMatch(/^AVD-GCP-\d{4}$/);
      expect(c.examples.terraform?.bad.length).toBeGreaterThan(0);
      expect(c.remediation.fix).toBeTruthy();
    }
  });
});
