import type { Ec2Instance } from "../../models/aws-compute.js";
import { defineCheck } from "../define.js";
import { publicIp } from "./compute-launch.js";

export default defineCheck<Ec2Instance>({
  id: "MAM-AWS-201",
  title: "EC2 instance is given a public IP address",
  severity: "medium",
  description:
    "`associate_public_ip_address` / `AssociatePublicIpAddress` is true, so the instance is addressable from the " +
    "internet and only its security groups stand between it and every scanner. Instances that serve the internet " +
    "are better placed behind a load balancer, with administration through Session Manager or a bastion. " +
    "Instances that get a public address only from their subnet's default are reported by MAM-AWS-220 instead.",
  appliesTo: "aws.ec2.Instance",
  references: { checkov: "CKV_AWS_88" },
  remediation: {
    text: "Launch the instance in a private subnet without a public address; publish services through a load balancer and reach the instance through SSM Session Manager.",
    fix: "associate_public_ip_address = false",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_instance" "web" {
  ami                         = "ami-0abcdef1234567890"
  instance_type               = "t3.micro"
  associate_public_ip_address = true
}`,
      ],
      good: [
        `resource "aws_instance" "web" {
  ami                         = "ami-0abcdef1234567890"
  instance_type               = "t3.micro"
  subnet_id                   = aws_subnet.private.id
  associate_public_ip_address = false
}`,
        `resource "aws_instance" "web" {
  ami                         = "ami-0abcdef1234567890"
  instance_type               = "t3.micro"
  associate_public_ip_address = var.public
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
      InstanceType: t3.micro
      NetworkInterfaces:
        - DeviceIndex: "0"
          SubnetId: subnet-0abc1234
          AssociatePublicIpAddress: "true"`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.micro
      NetworkInterfaces:
        - DeviceIndex: "0"
          SubnetId: subnet-0abc1234
          AssociatePublicIpAddress: false`,
      ],
    },
  },
  evaluate: (m) => publicIp(m, "instance is given"),
});
