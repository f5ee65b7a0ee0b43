import type { Ec2Instance } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<Ec2Instance>({
  id: "MAM-AWS-204",
  title: "EC2 instance detailed monitoring is off",
  severity: "low",
  description:
    "`monitoring` / `Monitoring` is not true, so CloudWatch receives the instance's metrics every five minutes " +
    "instead of every minute. Short spikes (a crypto-miner's CPU, a burst of network traffic) are averaged away and " +
    "alarms fire late. Detailed monitoring is billed per instance.",
  appliesTo: "aws.ec2.Instance",
  references: { checkov: "CKV_AWS_126" },
  remediation: { text: "Enable detailed monitoring on instances whose metrics feed alarms or scaling.", fix: "monitoring = true" },
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
  monitoring    = false
}`,
      ],
      good: [
        `resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  monitoring    = true
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
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.micro
      Monitoring: "true"`,
      ],
    },
  },
  evaluate(m) {
    if (m.monitoring && (!m.monitoring.known || isKnown(m.monitoring, true))) return undefined;
    return fail(m.monitoring ?? m.range, `${m.address} has detailed monitoring off`, { key: `${m.address} monitoring` });
  },
});
