import type { Vpc } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<Vpc>({
  id: "MAM-AWS-219",
  title: "VPC has no flow log",
  severity: "medium",
  description:
    "No `aws_flow_log` / `AWS::EC2::FlowLog` in the file refers to the VPC. Without flow logs there is no record of " +
    "which addresses talked to which, on what port, and whether the traffic was accepted: scans, lateral movement " +
    "and exfiltration leave no network trace to investigate. Flow logs created outside the file (an organisation-wide " +
    "setup) are not visible here; files with a flow log whose VPC cannot be read are not reported.",
  appliesTo: "aws.ec2.Vpc",
  references: { checkov: "CKV2_AWS_11", trivy: "AVD-AWS-0178" },
  compliance: [{ framework: "cis-aws-3.0", control: "3.7" }],
  remediation: {
    text: "Add a flow log for the VPC (at least rejected traffic) to CloudWatch Logs or S3, with a retention that fits investigations.",
    fix: 'resource "aws_flow_log" "main" {\n  vpc_id               = aws_vpc.main.id\n  traffic_type         = "ALL"\n  log_destination_type = "s3"\n  log_destination      = aws_s3_bucket.flow_logs.arn\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}`,
        `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_vpc" "other" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_flow_log" "other" {
  vpc_id          = aws_vpc.other.id
  traffic_type    = "ALL"
  log_destination = aws_s3_bucket.flow_logs.arn
}`,
      ],
      good: [
        `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_flow_log" "main" {
  vpc_id               = aws_vpc.main.id
  traffic_type         = "REJECT"
  log_destination_type = "s3"
  log_destination      = aws_s3_bucket.flow_logs.arn
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  VpcFlowLog:
    Type: AWS::EC2::FlowLog
    Properties:
      ResourceId: !Ref Vpc
      ResourceType: VPC
      TrafficType: ALL
      LogDestinationType: s3
      LogDestination: arn:aws:s3:::example-flow-logs`,
      ],
    },
  },
  evaluate(v) {
    if (v.flowLogs) return undefined;
    return fail(v.range, `${v.address} has no flow log`, { key: `${v.address} no flow log` });
  },
});
