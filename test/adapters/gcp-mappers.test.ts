// The google Terraform mappers: values with their lines, unknowns kept unknown, companion
// resources joined by reference or by literal name, node pools wherever they are written.
import { describe, expect, it } from "vitest";
import { terraformAdapter } from "../../src/adapters/terraform.js";
import type { ResourceModel } from "../../src/checks/types.js";
import type {
  BigQueryDataset,
  ComputeInstance,
  Firewall,
  GkeCluster,
  GkeNodePool,
  IamGrant,
  KmsCryptoKey,
  ProjectMetadata,
  SqlInstance,
  StorageBucket,
} from "../../src/models/gcp.js";

function models<T extends ResourceModel>(text: string, type: string): T[] {
  return terraformAdapter.parse(text, "main.tf").models.filter((m) => m.modelType === type) as T[];
}

function one<T extends ResourceModel>(text: string, type: string): T {
  const all = models<T>(text, type);
  expect(all).toHaveLength(1);
  return all[0] as T;
}

const at = (line: number) => ({ startLine: line, endLine: line });

describe("storage buckets", () => {
  it("reads settings with their lines and joins IAM members by reference and by literal name", () => {
    const text = `resource "google_storage_bucket" "a" {
  name                        = "acme-a"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  versioning {
    enabled = true
  }
  logging {
    log_bucket = google_storage_bucket.logs.name
  }
}
resource "google_storage_bucket" "logs" {
  name = "acme-logs"
}
resource "google_storage_bucket_iam_member" "ref" {
  bucket = google_storage_bucket.a.name
  role   = "roles/storage.objectViewer"
  member = "allUsers"
}
resource "google_storage_bucket_iam_binding" "lit" {
  bucket  = "acme-logs"
  role    = "roles/storage.admin"
  members = ["group:ops@example.com", var.extra]
}`;
    const [a, logs] = models<StorageBucket>(text, "gcp.storage.Bucket");
    expect(a).toMatchObject({
      address: "google_storage_bucket.a",
      name: { value: "acme-a", known: true, range: at(2) },
      uniformAccess: { value: true, known: true, range: at(3) },
      publicAccessPrevention: { value: "enforced", known: true },
      versioning: { value: true, known: true, range: at(6) },
      logBucket: { range: at(9) },
    });
    // The reference is kept, or resolved to the other bucket's literal name.
    expect(a?.logBucketRef === "google_storage_bucket.logs" || a?.logBucket?.value === "acme-logs").toBe(true);
    expect(a?.members).toEqual([{ role: { value: "roles/storage.objectViewer", known: true, range: at(17) }, member: { value: "allUsers", known: true, range: at(18) }, via: "google_storage_bucket_iam_member.ref" }]);
    expect(a?.membersUnplaced).toBeUndefined();
    expect(logs?.versioning).toBeUndefined();
    expect(logs?.members.map((m) => [m.member.value, m.member.known])).toEqual([
      ["group:ops@example.com", true],
      [undefined, false],
    ]);
  });

  it("keeps a grant it cannot tie to a bucket as unplaced, and a value from a dynamic block as unknown", () => {
    const text = `resource "google_storage_bucket" "a" {
  name = "acme-a"
  dynamic "versioning" {
    for_each = var.versioning
    content {
      enabled = versioning.value
    }
  }
}
resource "google_storage_bucket_iam_member" "elsewhere" {
  bucket = var.bucket
  role   = "roles/storage.objectViewer"
  member = "allUsers"
}`;
    const a = one<StorageBucket>(text, "gcp.storage.Bucket");
    expect(a.members).toEqual([]);
    expect(a.membersUnplaced).toEqual({ startLine: 10, endLine: 14 });
    expect(a.versioning).toMatchObject({ known: false });
  });
});

describe("compute instances", () => {
  it("reads metadata, access configs, the service account, shielded settings and raw keys", () => {
    const text = `resource "google_compute_instance" "vm" {
  name           = "vm"
  can_ip_forward = true
  metadata = {
    enable-oslogin       = "FALSE"
    "serial-port-enable" = true
  }
  boot_disk {
    disk_encryption_key_raw = "c2VjcmV0LWtleS1ieXRlcw=="
  }
  network_interface {
    network = "default"
    access_config {}
  }
  network_interface {
    network = "other"
  }
  service_account {
    email  = data.google_compute_default_service_account.default.email
    scopes = ["cloud-platform"]
  }
  shielded_instance_config {
    enable_vtpm = false
  }
}`;
    const vm = one<ComputeInstance>(text, "gcp.compute.Instance");
    expect(vm.template).toBe(false);
    expect(vm.canIpForward).toEqual({ value: true, known: true, range: at(3) });
    expect(vm.metadata.items.get("enable-oslogin")).toEqual({ value: "FALSE", known: true, range: at(5) });
    expect(vm.metadata.items.get("serial-port-enable")).toEqual({ value: "true", known: true, range: at(6) });
    expect(vm.accessConfigs).toEqual([{ value: true, known: true, range: at(13) }]);
    expect(vm.serviceAccount).toMatchObject({ email: { known: false }, emailRef: "data.google_compute_default_service_account.default.email" });
    expect(vm.serviceAccount?.scopes.map((s) => s.value)).toEqual(["cloud-platform"]);
    expect(vm.shieldedConfig).toEqual({ startLine: 22, endLine: 24 });
    expect(vm.secureBoot).toBeUndefined();
    expect(vm.vtpm).toEqual({ value: false, known: true, range: at(23) });
    expect(vm.rawDiskKeys.map((k) => k.range)).toEqual([at(9)]);
  });

  it("maps templates, and metadata it cannot read as unreadable", () => {
    const text = `resource "google_compute_instance_template" "t" {
  name_prefix = "t-"
  metadata    = merge(var.a, var.b)
}`;
    const t = one<ComputeInstance>(text, "gcp.compute.Instance");
    expect(t.template).toBe(true);
    expect(t.metadata).toEqual({ items: new Map(), unreadable: at(3) });
    expect(t.serviceAccount).toBeUndefined();
  });

  it("maps project metadata and single metadata items", () => {
    const text = `resource "google_compute_project_metadata" "all" {
  metadata = { enable-oslogin = "TRUE" }
}
resource "google_compute_project_metadata_item" "one" {
  key   = "serial-port-enable"
  value = "1"
}
resource "google_compute_project_metadata_item" "unknown" {
  key   = var.key
  value = "1"
}`;
    const [all, item, unknown] = models<ProjectMetadata>(text, "gcp.compute.ProjectMetadata");
    expect(all?.whole).toBe(true);
    expect(all?.metadata.items.get("enable-oslogin")?.value).toBe("TRUE");
    expect(item?.whole).toBe(false);
    expect(item?.metadata.items.get("serial-port-enable")).toEqual({ value: "1", known: true, range: at(6) });
    expect(unknown?.metadata.unreadable).toEqual({ startLine: 8, endLine: 11 });
  });

  it("reads firewall rules", () => {
    const text = `resource "google_compute_firewall" "fw" {
  name          = "fw"
  network       = "default"
  direction     = "INGRESS"
  source_ranges = ["0.0.0.0/0", var.office]
  allow {
    protocol = "tcp"
    ports    = ["22", 8080]
  }
  dynamic "allow" {
    for_each = var.rules
    content {
      protocol = allow.value
    }
  }
  log_config {
    metadata = "INCLUDE_ALL_METADATA"
  }
}`;
    const fw = one<Firewall>(text, "gcp.compute.Firewall");
    expect(fw.direction?.value).toBe("INGRESS");
    expect(fw.sourceRanges.map((s) => s.value)).toEqual(["0.0.0.0/0", undefined]);
    const known = fw.allow.filter((a) => a.protocol.known);
    expect(known.map((a) => [a.protocol.value, a.ports.map((p) => p.value)])).toEqual([["tcp", ["22", "8080"]]]);
    // The dynamic rule is unknown: a rule of its own or a rule whose protocol is unknown.
    expect(fw.allowUnknown !== undefined || fw.allow.some((a) => !a.protocol.known)).toBe(true);
    expect(fw.logging).toMatchObject({ value: true, known: true });
  });
});

describe("IAM grants", () => {
  it.each([
    { type: "google_project_iam_member", scope: "project", body: 'member = "user:ann@example.com"', members: ["user:ann@example.com"] },
    { type: "google_folder_iam_binding", scope: "folder", body: 'members = ["group:a@example.com", "allUsers"]', members: ["group:a@example.com", "allUsers"] },
    { type: "google_organization_iam_member", scope: "organization", body: "member = var.who", members: [undefined] },
  ])("$type is a $scope grant", ({ type, scope, body, members }) => {
    const g = one<IamGrant>(`resource "${type}" "g" {\n  role = "roles/viewer"\n  ${body}\n}`, "gcp.iam.Grant");
    expect(g.scope).toBe(scope);
    expect(g.role).toEqual({ value: "roles/viewer", known: true, range: at(2) });
    expect(g.members.map((m) => m.value)).toEqual(members);
  });
});

describe("Cloud SQL", () => {
  it("reads network, TLS, backups and flags", () => {
    const text = `resource "google_sql_database_instance" "db" {
  database_version = "POSTGRES_15"
  settings {
    tier = "db-f1-micro"
    ip_configuration {
      ipv4_enabled = false
      ssl_mode     = "ENCRYPTED_ONLY"
      authorized_networks {
        value = "10.0.0.0/8"
      }
    }
    backup_configuration {
      enabled = true
    }
    database_flags {
      name  = "Log_Connections"
      value = "on"
    }
    database_flags {
      name  = "log_temp_files"
      value = 0
    }
  }
}`;
    const db = one<SqlInstance>(text, "gcp.sql.Instance");
    expect(db).toMatchObject({
      replica: false,
      settingsRange: { startLine: 3, endLine: 23 },
      databaseVersion: { value: "POSTGRES_15" },
      ipv4Enabled: { value: false, known: true, range: at(6) },
      sslMode: { value: "ENCRYPTED_ONLY" },
      backupEnabled: { value: true, range: at(13) },
    });
    expect(db.authorizedNetworks.map((n) => n.value)).toEqual(["10.0.0.0/8"]);
    expect([...db.flags.entries()].map(([k, v]) => [k, v.value])).toEqual([
      ["log_connections", "on"],
      ["log_temp_files", "0"],
    ]);
    expect(db.flagsUnreadable).toBeUndefined();
  });

  it("keeps values generated by a dynamic settings block unknown, and notes replicas", () => {
    const text = `resource "google_sql_database_instance" "replica" {
  master_instance_name = google_sql_database_instance.db.name
  dynamic "settings" {
    for_each = var.settings
    content {
      tier = settings.value.tier
      ip_configuration {
        ipv4_enabled = settings.value.public
      }
    }
  }
}`;
    const db = one<SqlInstance>(text, "gcp.sql.Instance");
    expect(db.replica).toBe(true);
    expect(db.ipv4Enabled).toMatchObject({ known: false });
  });
});

describe("GKE", () => {
  it("reads cluster settings", () => {
    const text = `resource "google_container_cluster" "c" {
  enable_legacy_abac    = true
  enable_shielded_nodes = false
  datapath_provider     = "ADVANCED_DATAPATH"
  master_authorized_networks_config {
    cidr_blocks {
      cidr_block = "0.0.0.0/0"
    }
  }
  private_cluster_config {
    enable_private_nodes = true
  }
  master_auth {
    client_certificate_config {
      issue_client_certificate = true
    }
  }
  release_channel {
    channel = "UNSPECIFIED"
  }
}`;
    const c = one<GkeCluster>(text, "gcp.gke.Cluster");
    expect(c).toMatchObject({
      legacyAbac: { value: true, range: at(2) },
      shieldedNodes: { value: false },
      datapathProvider: { value: "ADVANCED_DATAPATH" },
      masterAuthorizedNetworks: { value: true, known: true, range: { startLine: 5, endLine: 9 } },
      privateNodes: { value: true, range: at(11) },
      issueClientCertificate: { value: true, range: at(15) },
      releaseChannel: { value: "UNSPECIFIED" },
    });
    expect(c.masterCidrs.map((x) => x.value)).toEqual(["0.0.0.0/0"]);
    expect(c.workloadIdentity).toBeUndefined();
  });

  it.each([
    {
      name: "a node pool resource",
      text: `resource "google_container_node_pool" "p" {\n  management {\n    auto_repair = false\n  }\n}`,
      labels: ["google_container_node_pool.p"],
    },
    {
      name: "node_pool blocks (no default pool then)",
      text: `resource "google_container_cluster" "c" {\n  node_config {\n    image_type = "UBUNTU_CONTAINERD"\n  }\n  node_pool {\n    name = "a"\n  }\n  node_pool {\n    name = var.n\n  }\n}`,
      labels: ['google_container_cluster.c node_pool "a"', "google_container_cluster.c node_pool #2"],
    },
    {
      name: "the default pool",
      text: `resource "google_container_cluster" "c" {\n  node_config {\n    image_type = "UBUNTU_CONTAINERD"\n  }\n}`,
      labels: ["google_container_cluster.c default node pool"],
    },
    {
      name: "no default pool when it is removed",
      text: `resource "google_container_cluster" "c" {\n  remove_default_node_pool = true\n}`,
      labels: [],
    },
    {
      name: "no default pool when removal is unknown",
      text: `resource "google_container_cluster" "c" {\n  remove_default_node_pool = var.remove\n}`,
      labels: [],
    },
    {
      name: "no default pool on Autopilot",
      text: `resource "google_container_cluster" "c" {\n  enable_autopilot = true\n}`,
      labels: [],
    },
  ])("finds node pools in $name", ({ text, labels }) => {
    expect(models<GkeNodePool>(text, "gcp.gke.NodePool").map((p) => p.label)).toEqual(labels);
  });

  it("reads node pool settings", () => {
    const text = `resource "google_container_node_pool" "p" {
  management {
    auto_repair  = true
    auto_upgrade = false
  }
  node_config {
    image_type      = "COS_CONTAINERD"
    service_account = google_service_account.nodes.email
    metadata = {
      disable-legacy-endpoints = "true"
    }
    workload_metadata_config {
      mode = "GKE_METADATA"
    }
    shielded_instance_config {
      enable_secure_boot = true
    }
  }
}`;
    const p = one<GkeNodePool>(text, "gcp.gke.NodePool");
    expect(p).toMatchObject({
      autoRepair: { value: true, range: at(3) },
      autoUpgrade: { value: false, range: at(4) },
      imageType: { value: "COS_CONTAINERD" },
      serviceAccount: { known: false, range: at(8) },
      workloadMetadata: { value: "GKE_METADATA", range: at(13) },
      secureBoot: { value: true, range: at(16) },
      configRange: { startLine: 6, endLine: 18 },
    });
    expect(p.metadata.items.get("disable-legacy-endpoints")?.value).toBe("true");
  });
});

describe("KMS and BigQuery", () => {
  it("joins crypto key IAM to the key", () => {
    const text = `resource "google_kms_crypto_key" "k" {
  name            = "k"
  key_ring        = google_kms_key_ring.r.id
  rotation_period = "7776000s"
}
resource "google_kms_crypto_key_iam_member" "m" {
  crypto_key_id = google_kms_crypto_key.k.id
  role          = "roles/cloudkms.cryptoKeyDecrypter"
  member        = "allUsers"
}`;
    const k = one<KmsCryptoKey>(text, "gcp.kms.CryptoKey");
    expect(k.rotationPeriod).toEqual({ value: "7776000s", known: true, range: at(4) });
    expect(k.members.map((m) => [m.member.value, m.via])).toEqual([["allUsers", "google_kms_crypto_key_iam_member.m"]]);
  });

  it("collects dataset access blocks, access resources and IAM members", () => {
    const text = `resource "google_bigquery_dataset" "d" {
  dataset_id = "d"
  access {
    role          = "READER"
    special_group = "allAuthenticatedUsers"
  }
  access {
    role          = "OWNER"
    user_by_email = "ann@example.com"
  }
}
resource "google_bigquery_dataset_access" "a" {
  dataset_id     = google_bigquery_dataset.d.dataset_id
  role           = "READER"
  group_by_email = "analysts@example.com"
}
resource "google_bigquery_dataset_iam_member" "m" {
  dataset_id = google_bigquery_dataset.d.dataset_id
  role       = "roles/bigquery.dataViewer"
  member     = "allUsers"
}`;
    const d = one<BigQueryDataset>(text, "gcp.bigquery.Dataset");
    expect(d.members.map((m) => [m.member.value, m.via])).toEqual([
      ["allAuthenticatedUsers", "google_bigquery_dataset.d"],
      ["user:ann@example.com", "google_bigquery_dataset.d"],
      ["group:analysts@example.com", "google_bigquery_dataset_access.a"],
      ["allUsers", "google_bigquery_dataset_iam_member.m"],
    ]);
  });
});
