import type { Ec2Instance } from "../../models/aws-compute.js";
import { defineCheck } from "../define.js";
import { unencryptedVolumes } from "./compute-launch.js";

export default defineCheck<Ec2Instance>({
  id: "MAM-AWS-202",
  title: "EC2 instance block device is not encrypted",
  severity: "high",
  description:
    "A root or EBS block device written on the instance has `encrypted` false or not set. The volume and every " +
    "snapshot taken from it then hold the instance's data unencrypted, readable by anyone who can copy or share the " +
    "snapshot. Volumes made from a snapshot inherit its encryption and are not reported; neither are instances that " +
    "write no block devices (the AMI and the account's default EBS encryption decide, which the source does not show).",
  appliesTo: "aws.ec2.Instance",
  references: { checkov: "CKV_AWS_8", trivy: "AVD-AWS-0131" },
  remediation: {
    text: "Set `encrypted = true` on every block device (with a customer managed KMS key where required), and turn on EBS encryption by default for the account.",
    fix: "root_block_device {\n  encrypted   = true\n  volume_size = 20\n}",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"

  root_block_device {
    volume_size = 20
  }
}`,
        `resource "aws_instance" "db" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"

  root_block_device {
    encrypted = true
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 100
    encrypted   = false
  }
}`,
      ],
      good: [
        `resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"

  root_block_device {
    encrypted = true
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    snapshot_id = "snap-0abc1234"
  }
}`,
        `resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Db:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.micro
      BlockDeviceMappings:
        - DeviceName: /dev/sdf
          Ebs:
            VolumeSize: 100
            Encrypted: "false"`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Db:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.micro
      BlockDeviceMappings:
        - DeviceName: /dev/sdf
          Ebs:
            VolumeSize: 100
            Encrypted: true`,
      ],
    },
  },
  evaluate: (m) => unencryptedVolumes(m),
});
