import type { DefaultSecurityGroup } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<DefaultSecurityGroup>({
  id: "MAM-AWS-215",
  title: "Default security group allows traffic",
  severity: "medium",
  description:
    "The VPC's default security group is given ingress or egress rules: in Terraform an " +
    "`aws_default_security_group` with rules (one without rules removes them all), in CloudFormation a separate " +
    "ingress or egress resource on a VPC's `DefaultSecurityGroup`. Resources launched without a group land in the " +
    "default one, so its rules silently apply to whatever was forgotten; it should allow nothing, so that every " +
    "resource's access is granted by a group made for it. (CloudFormation cannot remove the default rules a new " +
    "VPC's group starts with; only rules the template adds are reported there.)",
  appliesTo: "aws.ec2.DefaultSecurityGroup",
  references: { checkov: "CKV2_AWS_12", trivy: "AVD-AWS-0173" },
  compliance: [{ framework: "cis-aws-3.0", control: "5.4" }],
  remediation: {
    text: "Manage the default security group with no rules at all, and give each resource a group of its own.",
    fix: 'resource "aws_default_security_group" "default" {\n  vpc_id = aws_vpc.main.id\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id

  ingress {
    protocol  = -1
    self      = true
    from_port = 0
    to_port   = 0
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}`,
      ],
      good: [
        `resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
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
      CidrBlock: 10.0.0.0/16
  DefaultHttps:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !GetAtt Vpc.DefaultSecurityGroup
      IpProtocol: tcp
      FromPort: 443
      ToPort: 443
      CidrIp: 0.0.0.0/0`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  WebSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      VpcId: !Ref Vpc
  WebHttps:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !Ref WebSg
      IpProtocol: tcp
      FromPort: 443
      ToPort: 443
      CidrIp: 0.0.0.0/0`,
      ],
    },
  },
  evaluate: (g) =>
    g.rules.map((r, i) => fail(r.range, `the default security group ${g.address} has an ${r.direction} rule`, { key: `${g.address} ${r.direction} rule ${i + 1}` })),
});
