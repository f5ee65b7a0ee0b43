import type { KmsKey } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { is, offAt } from "./data-util.js";

export default defineCheck<KmsKey>({
  id: "MAM-AWS-110",
  title: "KMS key does not rotate its key material",
  severity: "medium",
  description:
    "Automatic rotation is off for a symmetric customer-managed key (`enable_key_rotation` / `EnableKeyRotation` " +
    "false or not written; the default is off). Rotation creates new key material every year (or on the period you " +
    "set) while old material stays available for decryption, limiting how much data one exposed key version " +
    "protects. Asymmetric and HMAC keys cannot rotate automatically and are not reported.",
  appliesTo: "aws.kms.Key",
  references: { checkov: "CKV_AWS_7", trivy: "AVD-AWS-0065" },
  compliance: [{ framework: "cis-aws-3.0", control: "3.6" }],
  remediation: {
    text: "Turn on automatic rotation for the key.",
    fix: "enable_key_rotation = true",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_kms_key" "data" {
  description = "storefront data"
}`,
        `resource "aws_kms_key" "data" {
  description         = "storefront data"
  enable_key_rotation = false
}`,
      ],
      good: [
        `resource "aws_kms_key" "data" {
  description         = "storefront data"
  enable_key_rotation = true
}`,
        `resource "aws_kms_key" "signing" {
  description              = "release signing"
  key_usage                = "SIGN_VERIFY"
  customer_master_key_spec = "ECC_NIST_P256"
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
      Description: storefront data
      EnableKeyRotation: "false"`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  DataKey:
    Type: AWS::KMS::Key
    Properties:
      Description: storefront data
      EnableKeyRotation: true`,
      ],
    },
  },
  evaluate(k) {
    if (k.keySpec && !is(k.keySpec, "SYMMETRIC_DEFAULT")) return undefined;
    const at = offAt(k.rotation, k);
    return at ? fail(at, `${k.address} never rotates its key material`, { key: `${k.address} rotation` }) : undefined;
  },
});
