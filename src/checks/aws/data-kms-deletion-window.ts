import type { KmsKey } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";

/** Two weeks: enough for a weekly review or an alarm on ScheduleKeyDeletion to catch a deletion. */
const MIN_DAYS = 14;

export default defineCheck<KmsKey>({
  id: "MAM-AWS-112",
  title: "KMS key has a short deletion waiting period",
  severity: "low",
  description:
    `The key's deletion waiting period (\`deletion_window_in_days\` / \`PendingWindowInDays\`) is set below ${MIN_DAYS} ` +
    "days (the default is 30). Deleting a KMS key destroys every piece of data encrypted under it, for good; the " +
    "waiting period is the only time in which a mistaken or malicious ScheduleKeyDeletion can be cancelled. A " +
    "seven-day window is easily missed over a holiday or between weekly reviews.",
  appliesTo: "aws.kms.Key",
  remediation: {
    text: "Keep the default 30-day waiting period (or at least two weeks), and alarm on ScheduleKeyDeletion events.",
    fix: "deletion_window_in_days = 30",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_kms_key" "data" {
  description             = "storefront data"
  enable_key_rotation     = true
  deletion_window_in_days = 7
}`,
      ],
      good: [
        `resource "aws_kms_key" "data" {
  description             = "storefront data"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}`,
        `resource "aws_kms_key" "data" {
  description         = "storefront data"
  enable_key_rotation = true
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  DataKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
      PendingWindowInDays: 7`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  DataKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
      PendingWindowInDays: 30`,
      ],
    },
  },
  evaluate(k) {
    const d = k.deletionWindowDays;
    if (!d?.known || d.value === undefined || d.value >= MIN_DAYS) return undefined;
    return fail(d, `${k.address} can be deleted ${d.value} days after deletion is scheduled`, { key: `${k.address} deletion window` });
  },
});
