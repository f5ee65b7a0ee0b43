import type { SecurityGroup } from "../../models/aws.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { ingressRules, openCidrs, tcpPortsOpened } from "./sg.js";

const ADMIN_PORTS = [22, 3389];

export default defineCheck<SecurityGroup>({
  id: "MAM-AWS-005",
  title: "Security group opens SSH or RDP to the internet",
  severity: "high",
  description:
    "An ingress rule allows 0.0.0.0/0 or ::/0 to TCP port 22 (SSH) or 3389 (RDP), inline or in an " +
    "`aws_security_group_rule` / `aws_vpc_security_group_ingress_rule` that refers to the group (in CloudFormation, " +
    "`SecurityGroupIngress` or an `AWS::EC2::SecurityGroupIngress` for the group). Remote " +
    "administration ports reachable from anywhere are scanned within minutes of going up and are a standard " +
    "way in through weak or leaked credentials and unpatched daemons.",
  appliesTo: "aws.ec2.SecurityGroup",
  references: { checkov: ["CKV_AWS_24", "CKV_AWS_25"], trivy: "AVD-AWS-0107" },
  compliance: [
    { framework: "cis-aws-3.0", control: "5.2" },
    { framework: "cis-aws-3.0", control: "5.3" },
  ],
  remediation: {
    text: "Allow administration only from known ranges (a VPN or bastion), or drop the rule and use SSM Session Manager.",
    fix: 'ingress {\n  from_port   = 22\n  to_port     = 22\n  protocol    = "tcp"\n  cidr_blocks = ["10.20.0.0/16"]\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_security_group" "web" {
  name = "web"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}`,
        `resource "aws_security_group" "win" {
  name = "win"
}

resource "aws_vpc_security_group_ingress_rule" "rdp" {
  security_group_id = aws_security_group.win.id
  cidr_ipv6         = "::/0"
  from_port         = 3389
  to_port           = 3389
  ip_protocol       = "tcp"
}`,
        `resource "aws_security_group" "web" {
  name = "web"
}

resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = aws_security_group.web.id
  from_port         = 20
  to_port           = 25
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/8", "0.0.0.0/0"]
}`,
      ],
      good: [
        `resource "aws_security_group" "web" {
  name = "web"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.20.0.0/16"]
  }

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}`,
        `resource "aws_security_group" "web" {
  name = "web"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.admin_cidrs
  }
}`,
      ],
    },
    cloudformation: {
      bad: [
        `Resources:
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0`,
        `Resources:
  Win:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: windows hosts
  Rdp:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !GetAtt Win.GroupId
      IpProtocol: tcp
      FromPort: 3389
      ToPort: 3389
      CidrIpv6: ::/0`,
      ],
      good: [
        `Resources:
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 10.20.0.0/16
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 0.0.0.0/0`,
        `Parameters:
  AdminCidr:
    Type: String
Resources:
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: !Ref AdminCidr`,
      ],
    },
  },
  evaluate(g) {
    const out: Violation[] = [];
    for (const rule of ingressRules(g)) {
      const ports = tcpPortsOpened(rule, ADMIN_PORTS);
      if (ports.length === 0) continue;
      for (const cidr of openCidrs(rule)) {
        out.push(
          fail(cidr, `${g.address} allows ${cidr.value} to port ${ports.join(" and ")}`, {
            key: `${g.address} ingress ${cidr.value} ${ports.join(",")}`,
          }),
        );
      }
    }
    return out;
  },
});
