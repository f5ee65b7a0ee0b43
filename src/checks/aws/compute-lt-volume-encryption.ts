import type { LaunchTemplate } from "../../models/aws-compute.js";
import { defineCheck } from "../define.js";
import { unencryptedVolumes } from "./compute-launch.js";

export default defineCheck<LaunchTemplate>({
  id: "MAM-AWS-207",
  title: "Launch template block device is not encrypted",
  severity: "high",
  description:
    "A block device mapping of the launch template has `encrypted` false or not set, so every instance launched " +
    "from it writes that volume, and every snapshot of it, unencrypted. Volumes made from a snapshot inherit its " +
    "encryption and are not reported; neither are templates that write no block devices (the AMI and the account's " +
    "default EBS encryption decide).",
  appliesTo: "aws.ec2.LaunchTemplate",
  remediation: {
    text: "Set `encrypted = true` on every EBS mapping of the template, and turn on EBS encryption by default for the account.",
    fix: 'block_device_mappings {\n  device_name = "/dev/xvda"\n  ebs {\n    volume_size = 20\n    encrypted   = true\n  }\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_launch_template" "web" {
  name_prefix = "web-"
  image_id    = "ami-0abcdef1234567890"

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 20
    }
  }
}`,
      ],
      good: [
        `resource "aws_launch_template" "web" {
  name_prefix = "web-"
  image_id    = "ami-0abcdef1234567890"

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 20
      encrypted   = "true"
    }
  }
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  WebTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: ami-0abcdef1234567890
        BlockDeviceMappings:
          - DeviceName: /dev/xvda
            Ebs:
              VolumeSize: 20
              Encrypted: false`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  WebTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: ami-0abcdef1234567890
        BlockDeviceMappings:
          - DeviceName: /dev/xvda
            Ebs:
              VolumeSize: 20
              Encrypted: true`,
      ],
    },
  },
  evaluate: (m) => unencryptedVolumes(m),
});
