import type { SecurityGroupRule } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<SecurityGroupRule>({
  id: "MAM-AWS-216",
  title: "Security group rule has no description",
  severity: "low",
  description:
    "An ingress or egress rule, inline in a security group or a separate rule resource, has no `description` (or an " +
    "empty one). The description is what the console and the API show next to the rule; without it, a reviewer " +
    "cannot tell which rules are still needed, and rules outlive the reason they were added.",
  appliesTo: "aws.ec2.SecurityGroupRule",
  references: { checkov: "CKV_AWS_23", trivy: "AVD-AWS-0124" },
  remediation: {
    text: "Say on every rule what it is for and who asked for it.",
    fix: 'ingress {\n  description = "https from the internet to the storefront"\n  from_port   = 443\n  to_port     = 443\n  protocol    = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_security_group" "web" {
  name        = "web"
  description = "storefront web tier"

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}`,
        `resource "aws_vpc_security_group_egress_rule" "all" {
  security_group_id = aws_security_group.web.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
  description       = ""
}`,
      ],
      good: [
        `resource "aws_security_group" "web" {
  name        = "web"
  description = "storefront web tier"

  ingress {
    description = "https from the internet"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}`,
        `resource "aws_security_group_rule" "https" {
  type              = "ingress"
  description       = var.rule_description
  security_group_id = aws_security_group.web.id
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  WebSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: storefront web tier
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 0.0.0.0/0`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  WebSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: storefront web tier
      SecurityGroupIngress:
        - Description: https from the internet
          IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 0.0.0.0/0`,
      ],
    },
  },
  evaluate(r) {
    if (r.description && (!r.description.known || (r.description.value ?? "").trim() !== "")) return undefined;
    return fail(r.description ?? r.range, `${r.direction} rule ${r.summary} of ${r.group ?? r.address} has no description`, {
      key: `${r.address} ${r.direction} ${r.summary} no description`,
    });
  },
});
