import type { SecurityGroup } from "../../models/aws.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { ingressRules, openCidrs, opensAllPorts } from "./sg.js";

export default defineCheck<SecurityGroup>({
  id: "MAM-AWS-006",
  title: "Security group opens all ports to the internet",
  severity: "high",
  description:
    "An ingress rule allows 0.0.0.0/0 or ::/0 on every protocol (`-1`) or on the whole port range 0-65535. Every " +
    "service listening on the instances behind the group (databases, admin consoles, debug endpoints) is then " +
    "reachable from anywhere, including ones started later. Egress rules are not reported.",
  appliesTo: "aws.ec2.SecurityGroup",
  references: { trivy: "AVD-AWS-0107" },
  compliance: [
    { framework: "cis-aws-3.0", control: "5.2" },
    { framework: "cis-aws-3.0", control: "5.3" },
  ],
  remediation: {
    text: "Open only the ports the service needs, and only to the ranges that need them.",
    fix: 'ingress {\n  from_port   = 443\n  to_port     = 443\n  protocol    = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_security_group" "numeric" {
  name = "numeric"

  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = -1
    cidr_blocks = ["0.0.0.0/0"]
  }
}`,
        `resource "aws_security_group" "open" {
  name = "open"

  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}`,
        `resource "aws_security_group" "open" {
  name = "open"
}

resource "aws_security_group_rule" "all" {
  type              = "ingress"
  security_group_id = aws_security_group.open.id
  from_port         = 0
  to_port           = 65535
  protocol          = "tcp"
  ipv6_cidr_blocks  = ["::/0"]
}`,
      ],
      good: [
        `resource "aws_security_group" "web" {
  name = "web"

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}`,
      ],
    },
    cloudformation: {
      bad: [
        `Resources:
  Open:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: open
      SecurityGroupIngress:
        - IpProtocol: "-1"
          CidrIp: 0.0.0.0/0`,
        `{
  "Resources": {
    "Open": {
      "Type": "AWS::EC2::SecurityGroup",
      "Properties": { "GroupDescription": "open" }
    },
    "All": {
      "Type": "AWS::EC2::SecurityGroupIngress",
      "Properties": {
        "GroupId": { "Ref": "Open" },
        "IpProtocol": "tcp",
        "FromPort": 0,
        "ToPort": 65535,
        "CidrIpv6": "::/0"
      }
    }
  }
}`,
      ],
      good: [
        `Resources:
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 0.0.0.0/0
      SecurityGroupEgress:
        - IpProtocol: "-1"
          CidrIp: 0.0.0.0/0`,
      ],
    },
  },
  evaluate(g) {
    const out: Violation[] = [];
    for (const rule of ingressRules(g)) {
      if (!opensAllPorts(rule)) continue;
      for (const cidr of openCidrs(rule)) {
        out.push(fail(cidr, `${g.address} allows ${cidr.value} to every port`, { key: `${g.address} ingress ${cidr.value} all` }));
      }
    }
    return out;
  },
});
