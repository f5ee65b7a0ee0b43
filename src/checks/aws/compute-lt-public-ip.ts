import type { LaunchTemplate } from "../../models/aws-compute.js";
import { defineCheck } from "../define.js";
import { publicIp } from "./compute-launch.js";

export default defineCheck<LaunchTemplate>({
  id: "MAM-AWS-206",
  title: "Launch template gives instances a public IP address",
  severity: "medium",
  description:
    "A network interface of the launch template sets `associate_public_ip_address` / `AssociatePublicIpAddress` to " +
    "true, so every instance launched from it is addressable from the internet whatever subnet it lands in, and " +
    "only its security groups protect it.",
  appliesTo: "aws.ec2.LaunchTemplate",
  references: { checkov: "CKV_AWS_88" },
  remediation: {
    text: "Do not associate public addresses in the template; launch into private subnets and publish services through a load balancer.",
    fix: "network_interfaces {\n  associate_public_ip_address = false\n  security_groups             = [aws_security_group.web.id]\n}",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_launch_template" "web" {
  name_prefix = "web-"
  image_id    = "ami-0abcdef1234567890"

  network_interfaces {
    associate_public_ip_address = true
  }
}`,
      ],
      good: [
        `resource "aws_launch_template" "web" {
  name_prefix = "web-"
  image_id    = "ami-0abcdef1234567890"

  network_interfaces {
    associate_public_ip_address = false
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
        NetworkInterfaces:
          - DeviceIndex: 0
            AssociatePublicIpAddress: true`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  WebTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: ami-0abcdef1234567890
        NetworkInterfaces:
          - DeviceIndex: 0
            AssociatePublicIpAddress: false`,
      ],
    },
  },
  evaluate: (m) => publicIp(m, "launch template gives instances"),
});
