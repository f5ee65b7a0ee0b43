import type { NetworkAcl } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import { allProtocols, isAllow, openRanges } from "./compute-nacl.js";

export default defineCheck<NetworkAcl>({
  id: "MAM-AWS-218",
  title: "Network ACL allows every port from the internet",
  severity: "medium",
  description:
    "An ingress entry of the ACL allows every protocol (`-1`) from 0.0.0.0/0 or ::/0. The ACL then filters nothing " +
    "at the subnet boundary beyond the entries numbered before it, and every port a security group opens by mistake " +
    "is reachable. Public subnets usually need only the service ports and the ephemeral return range.",
  appliesTo: "aws.ec2.NetworkAcl",
  references: { trivy: "AVD-AWS-0102" },
  remediation: {
    text: "Allow only the ports the subnet serves (443, and 1024-65535 for return traffic) instead of every protocol.",
    fix: 'ingress {\n  rule_no    = 100\n  action     = "allow"\n  protocol   = "tcp"\n  from_port  = 443\n  to_port    = 443\n  cidr_block = "0.0.0.0/0"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_network_acl" "public" {
  vpc_id = aws_vpc.main.id

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }
}`,
      ],
      good: [
        `resource "aws_network_acl" "public" {
  vpc_id = aws_vpc.main.id

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 443
    to_port    = 443
    cidr_block = "0.0.0.0/0"
  }

  egress {
    rule_no    = 100
    action     = "allow"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  PublicAcl:
    Type: AWS::EC2::NetworkAcl
    Properties:
      VpcId: vpc-0abc1234
  AllIn:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: !Ref PublicAcl
      RuleNumber: 100
      Protocol: -1
      RuleAction: allow
      Ipv6CidrBlock: ::/0`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  PublicAcl:
    Type: AWS::EC2::NetworkAcl
    Properties:
      VpcId: vpc-0abc1234
  AllOut:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: !Ref PublicAcl
      RuleNumber: 100
      Protocol: -1
      Egress: true
      RuleAction: allow
      CidrBlock: 0.0.0.0/0`,
      ],
    },
  },
  evaluate: (acl) =>
    acl.entries
      .filter((e) => !e.egress && isAllow(e) && allProtocols(e))
      .flatMap((e) => openRanges(e).map((cidr) => fail(e.range, `${acl.address} allows every protocol and port from ${cidr}`, { key: `${acl.address} all ${cidr}` }))),
});
