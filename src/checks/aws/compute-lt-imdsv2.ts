import type { LaunchTemplate } from "../../models/aws-compute.js";
import { defineCheck } from "../define.js";
import { imdsV1 } from "./compute-launch.js";

export default defineCheck<LaunchTemplate>({
  id: "MAM-AWS-205",
  title: "Launch template does not require IMDSv2",
  severity: "high",
  description:
    "The launch template's metadata options do not set `http_tokens` / `HttpTokens` to `required`, so every " +
    "instance launched from it (by an Auto Scaling group, a node group, a fleet) answers IMDSv1 requests and hands " +
    "its role credentials to any server-side request forgery. Templates that disable the metadata endpoint are not reported.",
  appliesTo: "aws.ec2.LaunchTemplate",
  references: { checkov: "CKV_AWS_79", trivy: "AVD-AWS-0130" },
  compliance: [{ framework: "cis-aws-3.0", control: "5.6" }],
  remediation: {
    text: "Require session tokens in the template's metadata options and roll the instances launched from it.",
    fix: 'metadata_options {\n  http_endpoint               = "enabled"\n  http_tokens                 = "required"\n  http_put_response_hop_limit = 1\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_launch_template" "web" {
  name_prefix   = "web-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
}`,
        `resource "aws_launch_template" "web" {
  name_prefix = "web-"
  image_id    = "ami-0abcdef1234567890"

  metadata_options {
    http_tokens = "optional"
  }
}`,
      ],
      good: [
        `resource "aws_launch_template" "web" {
  name_prefix = "web-"
  image_id    = "ami-0abcdef1234567890"

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
  WebTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: ami-0abcdef1234567890
        InstanceType: t3.micro`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  WebTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: ami-0abcdef1234567890
        InstanceType: t3.micro
        MetadataOptions:
          HttpEndpoint: enabled
          HttpTokens: required`,
      ],
    },
  },
  evaluate: (m) => imdsV1(m, "launch template"),
});
