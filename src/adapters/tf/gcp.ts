// Terraform mappers for Google Cloud (the google provider). Each mapper is one pure function over
// the module's resources; companion resources (bucket IAM, crypto key IAM, dataset access) are
// joined to the resource they configure by reference, or by a literal name.
import { gcpComputeMappers } from "./gcp-compute.js";
import { gcpDataMappers } from "./gcp-data.js";
import { gcpGkeMappers } from "./gcp-gke.js";
import { gcpIamMappers } from "./gcp-iam.js";
import { gcpLoggingMappers } from "./gcp-logging.js";
import { gcpSqlMappers } from "./gcp-sql.js";
import { gcpStorageMappers } from "./gcp-storage.js";
import type { TfMapper } from "./types.js";

export const gcpMappers: readonly TfMapper[] = [
  ...gcpStorageMappers,
  ...gcpComputeMappers,
  ...gcpIamMappers,
  ...gcpSqlMappers,
  ...gcpGkeMappers,
  ...gcpDataMappers,
  ...gcpLoggingMappers,
];
