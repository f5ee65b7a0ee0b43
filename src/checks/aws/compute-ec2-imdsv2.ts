import type { Ec2Instance } from "../../models/aws-compute.js";
import { defineCheck } from "../define.js";
import { imdsV1 } from "./compute-launch.js";

export default defineCheck<Ec2Instance>({
  id: "MAM-AWS-200",
  title: "EC2 instance does not require IMDSv2",
  severity: "high",
  description:
    "The instance's metadata options do not set `http_tokens` / `HttpTokens` to `required`, so the instance metadata " +
    "service also answers IMDSv1: plain GET requests without a session token. A server-side request forgery in any " +
    "application on the instance, or a misconfigured proxy, can then read the instance role's temporary credentials " +
    "from 169.254.169.254. Instances whose metadata endpoint is disabled, and instances that take their metadata " +
    "options from a launch template, are not reported.",
  appliesTo: "aws.ec2.Instance",
  references: { checkov: "CKV_AWS_79", trivy: "AVD-AWS-0028" },
  compliance: [{ framework: "cis-aws-3.0", control: "5.6" }],
  remediation: {
    text: "Require session tokens (IMDSv2) in the instance's metadata options, after checking that the software on the instance uses an SDK or agent recent enough to send them.",
    fix: 'metadata_options {\n  http_endpoint = "enabled"\n  http_tokens   = "required"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
}`,
        `resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "optional"
  }
}`,
      ],
      good: [
        `resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
}`,
        `resource "aws_instance" "batch" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"

  metadata_options {
    http_endpoint = "disabled"
  }
}`,
        `resource "aws_instance" "web" {
  instance_type = "t3.micro"

  launch_template {
    id      = aws_launch_template.web.id
    version = "$Latest"
  }
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.micro`,
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.micro
      MetadataOptions:
        HttpTokens: optional`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.micro
      MetadataOptions:
        HttpEndpoint: enabled
        HttpTokens: required`,
      ],
    },
  },
  evaluate: (m) => imdsV1(m, "instance"),
});
