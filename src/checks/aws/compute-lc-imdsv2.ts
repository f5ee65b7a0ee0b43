import type { LaunchConfiguration } from "../../models/aws-compute.js";
import { defineCheck } from "../define.js";
import { imdsV1 } from "./compute-launch.js";

export default defineCheck<LaunchConfiguration>({
  id: "MAM-AWS-209",
  title: "Launch configuration does not require IMDSv2",
  severity: "high",
  description:
    "The Auto Scaling launch configuration does not set `http_tokens` / `HttpTokens` to `required` in its metadata " +
    "options, so every instance the group launches answers IMDSv1 requests and hands its role credentials to any " +
    "server-side request forgery. Launch configurations cannot be changed in place and no longer get new features: " +
    "moving to a launch template is the lasting fix.",
  appliesTo: "aws.autoscaling.LaunchConfiguration",
  references: { checkov: "CKV_AWS_79", trivy: "AVD-AWS-0130" },
  compliance: [{ framework: "cis-aws-3.0", control: "5.6" }],
  remediation: {
    text: "Require session tokens in the metadata options (a new launch configuration), or better, replace the launch configuration with a launch template that does.",
    fix: 'metadata_options {\n  http_endpoint = "enabled"\n  http_tokens   = "required"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_launch_configuration" "web" {
  name_prefix   = "web-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
}`,
      ],
      good: [
        `resource "aws_launch_configuration" "web" {
  name_prefix   = "web-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
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
      MetadataOptions:
        HttpTokens: optional`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  WebConfig:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.micro
      MetadataOptions:
        HttpTokens: required`,
      ],
    },
  },
  evaluate: (m) => imdsV1(m, "launch configuration"),
});
