import type { LaunchConfiguration } from "../../models/aws-compute.js";
import { defineCheck } from "../define.js";
import { unencryptedVolumes } from "./compute-launch.js";

export default defineCheck<LaunchConfiguration>({
  id: "MAM-AWS-211",
  title: "Launch configuration block device is not encrypted",
  severity: "high",
  description:
    "A root or EBS block device of the launch configuration has `encrypted` false or not set, so every instance the " +
    "Auto Scaling group launches writes that volume, and its snapshots, unencrypted. Volumes made from a snapshot " +
    "inherit its encryption and are not reported.",
  appliesTo: "aws.autoscaling.LaunchConfiguration",
  references: { checkov: "CKV_AWS_8", trivy: "AVD-AWS-0008" },
  remediation: {
    text: "Set `encrypted = true` on every block device (a new launch configuration, or a launch template), and turn on EBS encryption by default.",
    fix: "root_block_device {\n  encrypted = true\n}",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_launch_configuration" "web" {
  name_prefix   = "web-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"

  root_block_device {
    encrypted = false
  }
}`,
      ],
      good: [
        `resource "aws_launch_configuration" "web" {
  name_prefix   = "web-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"

  root_block_device {
    encrypted = true
  }
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  WebConfig:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.micro
      BlockDeviceMappings:
        - DeviceName: /dev/xvda
          Ebs:
            VolumeSize: 20`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  WebConfig:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.micro
      BlockDeviceMappings:
        - DeviceName: /dev/xvda
          Ebs:
            VolumeSize: 20
            Encrypted: "true"`,
      ],
    },
  },
  evaluate: (m) => unencryptedVolumes(m),
});
