# Storefront on Google Cloud. Deliberately flawed: scan it with `mamori scan iac demo/gcp`.
terraform {
  required_providers {
    google = { source = "hashicorp/google", version = "~> 6.0" }
  }
}

variable "project" {
  type    = string
  default = "storefront-demo"
}

# Nightly exports, made readable by anyone "for a partner", and never versioned.
resource "google_storage_bucket" "exports" {
  name                        = "${var.project}-exports"
  location                    = "EU"
  uniform_bucket_level_access = true
}

resource "google_storage_bucket_iam_member" "partner" {
  bucket = google_storage_bucket.exports.name
  role   = "roles/storage.objectViewer"
  member = "allUsers"
}

resource "google_compute_firewall" "ssh" {
  name    = "allow-ssh"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }

  source_ranges = ["0.0.0.0/0"]
}

resource "google_compute_instance" "api" {
  name         = "storefront-api"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }

  network_interface {
    network = "default"
    access_config {}
  }

  metadata = {
    enable-oslogin     = "TRUE"
    serial-port-enable = "TRUE"
  }

  service_account {
    scopes = ["cloud-platform"]
  }

  shielded_instance_config {
    enable_secure_boot = true
  }
}

resource "google_sql_database_instance" "orders" {
  name             = "storefront-orders"
  database_version = "POSTGRES_15"
  region           = "europe-west1"

  settings {
    tier = "db-custom-2-7680"

    ip_configuration {
      ipv4_enabled = true
      ssl_mode     = "ENCRYPTED_ONLY"

      authorized_networks {
        name  = "temporary"
        value = "0.0.0.0/0"
      }
    }

    backup_configuration {
      enabled = true
    }

    database_flags {
      name  = "log_connections"
      value = "on"
    }
  }
}

resource "google_project_iam_member" "ci" {
  project = var.project
  role    = "roles/editor"
  member  = "serviceAccount:ci@storefront-demo.iam.gserviceaccount.com"
}

resource "google_kms_crypto_key" "orders" {
  name     = "orders"
  key_ring = "projects/storefront-demo/locations/europe/keyRings/main"
}
