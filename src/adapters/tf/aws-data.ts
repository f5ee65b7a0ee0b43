// Terraform mappers for the AWS data and security services (src/models/aws-data.ts). Each mapper
// is one pure function over the module's resources; companions are joined within the same index.
import { s3BucketData } from "./aws-data-s3.js";
import { backupVaults, kmsKeys, secrets } from "./aws-data-keys.js";
import { logGroups, trails } from "./aws-data-logs.js";
import { queues, topics } from "./aws-data-messaging.js";
import { rdsClusters, rdsInstances } from "./aws-data-rds.js";
import { daxClusters, dynamoTables, efsFileSystems, elastiCacheGroups, redshiftClusters, searchDomains } from "./aws-data-stores.js";
import { passwordPolicies, policyGrants, roles } from "./aws-data-iam.js";
import type { TfMapper } from "./types.js";

export const awsDataMappers: readonly TfMapper[] = [
  s3BucketData,
  kmsKeys,
  trails,
  logGroups,
  topics,
  queues,
  dynamoTables,
  daxClusters,
  secrets,
  rdsInstances,
  rdsClusters,
  elastiCacheGroups,
  redshiftClusters,
  efsFileSystems,
  searchDomains,
  passwordPolicies,
  roles,
  policyGrants,
  backupVaults,
];
