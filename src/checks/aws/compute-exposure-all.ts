import type { NetworkAttachment } from "../../models/aws-compute.js";
import { defineCheck } from "../define.js";
import { exposures } from "./compute-exposure.js";
import { opensAllPorts } from "./sg.js";

export default defineCheck<NetworkAttachment>({
  id: "MAM-AWS-214",
  title: "Instance or load balancer reachable from the internet on every port",
  severity: "critical",
  description:
    "An instance, launch template, launch configuration or load balancer attaches, by reference, a security group " +
    "with an ingress rule that allows 0.0.0.0/0 or ::/0 on every protocol or every port. Every service the instance " +
    "runs, including ones never meant to leave localhost or the VPC (databases, caches, debug and metrics ports), is " +
    "then one scan away. The finding points at the attachment; the group itself is reported by MAM-AWS-006. " +
    "Resources known to have no public address are not reported.",
  appliesTo: "aws.ec2.NetworkAttachment",
  remediation: {
    text: "Attach a group that opens only the ports the resource serves (443 on a load balancer), to the ranges that need them.",
    fix: 'ingress {\n  description = "https"\n  from_port   = 443\n  to_port     = 443\n  protocol    = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_security_group" "lb" {
  name = "lb"
}

resource "aws_security_group_rule" "all" {
  type              = "ingress"
  description       = "everything"
  security_group_id = aws_security_group.lb.id
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_lb" "front" {
  name            = "front"
  internal        = false
  security_groups = [aws_security_group.lb.id]
}`,
      ],
      good: [
        `resource "aws_security_group" "lb" {
  name = "lb"

  ingress {
    description = "everything"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_lb" "internal" {
  name            = "internal"
  internal        = true
  security_groups = [aws_security_group.lb.id]
}`,
        `resource "aws_security_group" "lb" {
  name = "lb"

  ingress {
    description = "https"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_lb" "front" {
  name            = "front"
  security_groups = [aws_security_group.lb.id]
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  LbSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: lb
      SecurityGroupIngress:
        - IpProtocol: "-1"
          CidrIp: 0.0.0.0/0
  Front:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Scheme: internet-facing
      SecurityGroups:
        - !Ref LbSg`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  LbSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: lb
      SecurityGroupIngress:
        - IpProtocol: "-1"
          CidrIp: 0.0.0.0/0
  Internal:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Scheme: internal
      SecurityGroups:
        - !Ref LbSg`,
      ],
    },
  },
  evaluate: (m) => exposures(m, (rule) => (opensAllPorts(rule) ? "all ports" : undefined)),
});
