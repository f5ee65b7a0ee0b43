import type { EfsFileSystem } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { offAt } from "./data-util.js";

export default defineCheck<EfsFileSystem>({
  id: "MAM-AWS-178",
  title: "EFS file system is not encrypted at rest",
  severity: "medium",
  description:
    "`encrypted` / `Encrypted` is false or not written (the API's default is unencrypted). File data, metadata and " +
    "backups of the file system are then stored in the clear, and encryption cannot be added later: the data has " +
    "to be copied to a new, encrypted file system.",
  appliesTo: "aws.efs.FileSystem",
  references: { checkov: "CKV_AWS_42", trivy: "AVD-AWS-0037" },
  compliance: [{ framework: "cis-aws-3.0", control: "2.4.1" }],
  remediation: {
    text: "Create the file system encrypted (optionally with a customer-managed `kms_key_id`) and copy the data over.",
    fix: "encrypted  = true\nkms_key_id = aws_kms_key.efs.arn",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
}`,
      ],
      good: [
        `resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = true
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Shared:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: false`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Shared:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: true`,
      ],
    },
  },
  evaluate(f) {
    const at = offAt(f.encrypted, f);
    return at ? fail(at, `${f.address} stores files unencrypted`, { key: `${f.address} encrypted` }) : undefined;
  },
});
