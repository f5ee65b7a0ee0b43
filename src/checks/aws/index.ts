// The AWS checks (Terraform today), one module each, in id order.
import type { Check } from "../types.js";
import { awsComputeChecks } from "./group-compute.js";
import { awsDataChecks } from "./group-data.js";
import ebsEncryption from "./ebs-encryption.js";
import iamAdmin from "./iam-admin.js";
import iamServiceWildcard from "./iam-service-wildcard.js";
import rdsEncryption from "./rds-encryption.js";
import rdsPassword from "./rds-password.js";
import rdsPublic from "./rds-public.js";
import s3Encryption from "./s3-encryption.js";
import s3PublicAccessBlock from "./s3-public-access-block.js";
import s3PublicAcl from "./s3-public-acl.js";
import s3Versioning from "./s3-versioning.js";
import sgAdminPorts from "./sg-admin-ports.js";
import sgAllPorts from "./sg-all-ports.js";

export const awsChecks: readonly Check[] = [
  s3PublicAcl,
  s3PublicAccessBlock,
  s3Encryption,
  s3Versioning,
  sgAdminPorts,
  sgAllPorts,
  rdsPublic,
  rdsEncryption,
  rdsPassword,
  iamAdmin,
  iamServiceWildcard,
  ebsEncryption,
  ...awsDataChecks,
  ...awsComputeChecks,
];
