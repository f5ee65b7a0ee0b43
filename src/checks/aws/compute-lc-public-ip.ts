import type { LaunchConfiguration } from "../../models/aws-compute.js";
import { defineCheck } from "../define.js";
import { publicIp } from "./compute-launch.js";

export default defineCheck<LaunchConfiguration>({
  id: "MAM-AWS-210",
  title: "Launch configuration gives instances a public IP address",
  severity: "medium",
  description:
    "`associate_public_ip_address` / `AssociatePublicIpAddress` is true, so every instance the Auto Scaling group " +
    "launches is addressable from the internet and protected only by its security groups.",
  appliesTo: "aws.autoscaling.LaunchConfiguration",
  references: { trivy: "AVD-AWS-0009" },
  remediation: {
    text: "Launch the group's instances in private subnets without public addresses, behind a load balancer.",
    fix: "associate_public_ip_address = false",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_launch_configuration" "web" {
  name_prefix                 = "web-"
  image_id                    = "ami-0abcdef1234567890"
  instance_type               = "t3.micro"
  associate_public_ip_address = true
}`,
      ],
      good: [
        `resource "aws_launch_configuration" "web" {
  name_prefix   = "web-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
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
      AssociatePublicIpAddress: true`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  WebConfig:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.micro
      AssociatePublicIpAddress: false`,
      ],
    },
  },
  evaluate: (m) => publicIp(m, "launch configuration gives instances"),
});
