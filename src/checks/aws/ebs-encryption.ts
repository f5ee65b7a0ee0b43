import type { EbsVolume } from "../../models/aws.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<EbsVolume>({
  id: "MAM-AWS-012",
  title: "EBS volume is not encrypted",
  severity: "medium",
  description:
    "`encrypted` is false or not set on an `aws_ebs_volume` (`Encrypted` on an `AWS::EC2::Volume`). Unless the account turns on EBS encryption by default " +
    "(not visible here), the volume, its snapshots and volumes made from them are stored unencrypted, and a shared " +
    "or leaked snapshot exposes the data. Volumes created from a snapshot inherit its setting and are not reported.",
  appliesTo: "aws.ebs.Volume",
  references: { checkov: "CKV_AWS_3" },
  remediation: {
    text: "Set `encrypted = true` (with a `kms_key_id` where you need control over the key), and turn on EBS encryption by default for the account.",
    fix: "encrypted  = true\nkms_key_id = aws_kms_key.ebs.arn",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
}`,
        `resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = false
}`,
      ],
      good: [
        `resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = true
}`,
      ],
    },
    cloudformation: {
      bad: [
        `Resources:
  Data:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1a
      Size: 100`,
        `Resources:
  Data:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1a
      Size: 100
      Encrypted: false`,
      ],
      good: [
        `Resources:
  Data:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1a
      Size: 100
      Encrypted: true`,
        `Resources:
  Restored:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1a
      SnapshotId: snap-0123456789abcdef0`,
      ],
    },
  },
  evaluate(v) {
    const e = v.encrypted;
    if (!e) {
      if (v.inheritsStorage) return undefined;
      // The edit only applies to an HCL block; elsewhere the fixer refuses it.
      return fail(v.range, `${v.address} is not encrypted`, { key: `${v.address} encrypted`, edits: [{ kind: "hcl-add-attribute", block: v.range, key: "encrypted", value: "true" }] });
    }
    if (e.known && e.value === false) {
      const edits = [{ kind: "set-value", line: e.range.startLine, keys: ["encrypted", "Encrypted"], from: "false", to: "true" }] as const;
      return fail(e, `${v.address} is not encrypted`, { key: `${v.address} encrypted`, edits });
    }
    return undefined;
  },
});
