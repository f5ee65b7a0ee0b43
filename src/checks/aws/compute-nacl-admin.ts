import type { NetworkAcl } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { allowingEntry } from "./compute-nacl.js";

const ADMIN_PORTS = [22, 3389];

export default defineCheck<NetworkAcl>({
  id: "MAM-AWS-217",
  title: "Network ACL allows SSH or RDP from the internet",
  severity: "high",
  description:
    "Walking the ACL's ingress entries in rule-number order, the first one that decides TCP port 22 or 3389 for " +
    "0.0.0.0/0 or ::/0 allows it. The subnet boundary then lets remote administration through from anywhere, and " +
    "only the security groups stand in the way. Entries written as separate rule resources are joined to their ACL; " +
    "when an entry's number, protocol, ports or ranges cannot be read, or entries may exist outside the file, the " +
    "order cannot be judged and nothing is reported.",
  appliesTo: "aws.ec2.NetworkAcl",
  references: { trivy: "AVD-AWS-0105" },
  compliance: [{ framework: "cis-aws-3.0", control: "5.1" }],
  remediation: {
    text: "Deny 22 and 3389 from 0.0.0.0/0 and ::/0 with a lower rule number than any allow, or allow them only from the ranges that administer the subnet.",
    fix: 'ingress {\n  rule_no    = 90\n  action     = "deny"\n  protocol   = "tcp"\n  from_port  = 22\n  to_port    = 22\n  cidr_block = "0.0.0.0/0"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_network_acl" "public" {
  vpc_id = aws_vpc.main.id

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 22
    to_port    = 22
    cidr_block = "0.0.0.0/0"
  }
}`,
        `resource "aws_network_acl" "public" {
  vpc_id = aws_vpc.main.id
}

resource "aws_network_acl_rule" "all" {
  network_acl_id = aws_network_acl.public.id
  rule_number    = 200
  egress         = false
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
}`,
      ],
      good: [
        `resource "aws_network_acl" "public" {
  vpc_id = aws_vpc.main.id

  ingress {
    rule_no    = 90
    action     = "deny"
    protocol   = "tcp"
    from_port  = 22
    to_port    = 22
    cidr_block = "0.0.0.0/0"
  }

  ingress {
    rule_no    = 95
    action     = "deny"
    protocol   = "tcp"
    from_port  = 3389
    to_port    = 3389
    cidr_block = "0.0.0.0/0"
  }

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }
}`,
        `resource "aws_network_acl" "public" {
  vpc_id = aws_vpc.main.id

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 22
    to_port    = 22
    cidr_block = "10.20.0.0/16"
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
  SshIn:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: !Ref PublicAcl
      RuleNumber: 100
      Protocol: 6
      RuleAction: allow
      CidrBlock: 0.0.0.0/0
      PortRange:
        From: 22
        To: 22`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  PublicAcl:
    Type: AWS::EC2::NetworkAcl
    Properties:
      VpcId: vpc-0abc1234
  HttpsIn:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: !Ref PublicAcl
      RuleNumber: 100
      Protocol: 6
      RuleAction: allow
      CidrBlock: 0.0.0.0/0
      PortRange:
        From: 443
        To: 443`,
      ],
    },
  },
  evaluate(acl) {
    const out: Violation[] = [];
    for (const port of ADMIN_PORTS) {
      for (const cidr of ["0.0.0.0/0", "::/0"]) {
        const e = allowingEntry(acl, port, cidr);
        if (e) out.push(fail(e.range, `${acl.address} allows ${cidr} to port ${port}`, { key: `${acl.address} ${cidr} ${port}` }));
      }
    }
    return out;
  },
});
