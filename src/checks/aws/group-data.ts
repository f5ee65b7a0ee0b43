// AWS checks on data and security services (S3, KMS, CloudTrail, CloudWatch, SNS, SQS, DynamoDB,
// Secrets Manager, ...): ids MAM-AWS-100 to 199.
import type { Check } from "../types.js";

export const awsDataChecks: readonly Check[] = [];
