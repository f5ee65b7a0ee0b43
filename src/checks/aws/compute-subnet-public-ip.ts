import type { Subnet } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<Subnet>({
  id: "MAM-AWS-220",
  title: "Subnet gives instances a public IP address by default",
  severity: "medium",
  description:
    "`map_public_ip_on_launch` / `MapPublicIpOnLaunch` is true, so every instance, container task or node launched " +
    "into the subnet without saying otherwise gets an internet-reachable address. Exposure then depends on each " +
    "launch remembering to opt out, instead of on a deliberate choice.",
  appliesTo: "aws.ec2.Subnet",
  references: { checkov: "CKV_AWS_130", trivy: "AVD-AWS-0164" },
  remediation: {
    text: "Turn the default off and give a public address only to what must have one (or put it behind a load balancer or NAT).",
    fix: "map_public_ip_on_launch = false",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_subnet" "public" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.0.0.0/24"
  map_public_ip_on_launch = true
}`,
      ],
      good: [
        `resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  PublicSubnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-0abc1234
      CidrBlock: 10.0.0.0/24
      MapPublicIpOnLaunch: true`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  PrivateSubnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-0abc1234
      CidrBlock: 10.0.1.0/24
      MapPublicIpOnLaunch: false`,
      ],
    },
  },
  evaluate(s) {
    if (!isKnown(s.mapPublicIpOnLaunch, true)) return undefined;
    return fail(s.mapPublicIpOnLaunch, `${s.address} maps a public IP address on launch`, { key: `${s.address} map public ip` });
  },
});
