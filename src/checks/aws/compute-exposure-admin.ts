import type { NetworkAttachment } from "../../models/aws-compute.js";
import { defineCheck } from "../define.js";
import { exposures } from "./compute-exposure.js";
import { tcpPortsOpened } from "./sg.js";

const ADMIN_PORTS = [22, 3389];

export default defineCheck<NetworkAttachment>({
  id: "MAM-AWS-213",
  title: "Instance or load balancer reachable from the internet on SSH or RDP",
  severity: "high",
  description:
    "An instance, launch template, launch configuration or load balancer attaches, by reference, a security group " +
    "whose ingress rules (inline or separate) allow 0.0.0.0/0 or ::/0 to TCP port 22 or 3389. Where the group check " +
    "(MAM-AWS-005) reports the rule, this check reports what it exposes: the finding points at the attachment. " +
    "Resources known to have no public address (internal load balancers, instances without a public IP in a subnet " +
    "that does not map one) are not reported; groups given by variables or ids cannot be read and are skipped.",
  appliesTo: "aws.ec2.NetworkAttachment",
  remediation: {
    text: "Attach a group that allows administration only from known ranges (a VPN or bastion), or none at all and use SSM Session Manager.",
    fix: 'ingress {\n  description = "ssh from the VPN"\n  from_port   = 22\n  to_port     = 22\n  protocol    = "tcp"\n  cidr_blocks = ["10.20.0.0/16"]\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_security_group" "web" {
  name = "web"

  ingress {
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "web" {
  ami                         = "ami-0abcdef1234567890"
  instance_type               = "t3.micro"
  associate_public_ip_address = true
  vpc_security_group_ids      = [aws_security_group.web.id]
}`,
        `resource "aws_security_group" "win" {
  name = "win"
}

resource "aws_vpc_security_group_ingress_rule" "rdp" {
  security_group_id = aws_security_group.win.id
  description       = "rdp"
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 3389
  to_port           = 3389
  ip_protocol       = "tcp"
}

resource "aws_launch_template" "win" {
  name_prefix            = "win-"
  image_id               = "ami-0abcdef1234567890"
  vpc_security_group_ids = [aws_security_group.win.id]
}`,
      ],
      good: [
        `resource "aws_security_group" "web" {
  name = "web"

  ingress {
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_instance" "web" {
  ami                    = "ami-0abcdef1234567890"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.private.id
  vpc_security_group_ids = [aws_security_group.web.id]
}`,
        `resource "aws_security_group" "web" {
  name = "web"

  ingress {
    description = "https"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "web" {
  ami                         = "ami-0abcdef1234567890"
  instance_type               = "t3.micro"
  associate_public_ip_address = true
  vpc_security_group_ids      = [aws_security_group.web.id, var.extra_sg]
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
      GroupDescription: web
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.micro
      SecurityGroupIds:
        - !Ref WebSg`,
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AdminSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: admin
  AdminRdp:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !GetAtt AdminSg.GroupId
      IpProtocol: "6"
      FromPort: "3389"
      ToPort: "3389"
      CidrIpv6: ::/0
  AdminTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: ami-0abcdef1234567890
        SecurityGroupIds:
          - !GetAtt AdminSg.GroupId`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  WebSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 10.20.0.0/16
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.micro
      SecurityGroupIds:
        - !Ref WebSg`,
      ],
    },
  },
  evaluate: (m) =>
    exposures(m, (rule) => {
      const ports = tcpPortsOpened(rule, ADMIN_PORTS);
      return ports.length > 0 ? `port ${ports.join(" and ")}` : undefined;
    }),
});
