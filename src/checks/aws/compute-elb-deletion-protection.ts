import type { LoadBalancer } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import { isOff } from "./compute-elb-util.js";

export default defineCheck<LoadBalancer>({
  id: "MAM-AWS-225",
  title: "Load balancer deletion protection is off",
  severity: "low",
  description:
    "`enable_deletion_protection` (the `deletion_protection.enabled` attribute) is not true, so one mistaken apply, " +
    "stack deletion or API call removes the load balancer, and with it the DNS name clients and records point at. " +
    "A new load balancer gets a new name, so the outage lasts until every reference is updated.",
  appliesTo: "aws.elb.LoadBalancer",
  references: { checkov: "CKV_AWS_150" },
  remediation: { text: "Turn on deletion protection for load balancers that serve production traffic.", fix: "enable_deletion_protection = true" },
  examples: {
    terraform: {
      bad: [
        `resource "aws_lb" "front" {
  name = "front"
}`,
      ],
      good: [
        `resource "aws_lb" "front" {
  name                       = "front"
  enable_deletion_protection = true
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Front:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      LoadBalancerAttributes:
        - Key: deletion_protection.enabled
          Value: false`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Front:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      LoadBalancerAttributes:
        - Key: deletion_protection.enabled
          Value: true`,
      ],
    },
  },
  evaluate(lb) {
    if (!isOff(lb.deletionProtection)) return undefined;
    return fail(lb.deletionProtection ?? lb.range, `${lb.address} has deletion protection off`, { key: `${lb.address} deletion protection` });
  },
});
