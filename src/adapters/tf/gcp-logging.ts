// Terraform onto Cloud Logging models: log buckets of a project, folder, organization or billing account.
import type { LogBucket } from "../../models/gcp.js";
import { boolAt, stringAt } from "./gcp-util.js";
import type { TfMapper, TfResource } from "./types.js";
import { base, numberOf } from "./util.js";

const BUCKET_TYPES = [
  "google_logging_project_bucket_config",
  "google_logging_folder_bucket_config",
  "google_logging_organization_bucket_config",
  "google_logging_billing_account_bucket_config",
];

function logBucket(r: TfResource): LogBucket {
  const b = r.block;
  const m: LogBucket = base(r, "gcp.logging.Bucket");
  const id = stringAt(b, "bucket_id");
  if (id) m.bucketId = id;
  const days = numberOf(b.attrs.get("retention_days"));
  if (days) m.retentionDays = days;
  const locked = boolAt(b, "locked");
  if (locked) m.locked = locked;
  return m;
}

export const gcpLoggingMappers: readonly TfMapper[] = [(index) => BUCKET_TYPES.flatMap((t) => index.ofType(t)).map(logBucket)];
