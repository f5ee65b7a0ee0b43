import type { LoadBalancer } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import { isGateway } from "./compute-elb-util.js";

export default defineCheck<LoadBalancer>({
  id: "MAM-AWS-226",
  title: "Load balancer is internet-facing",
  severity: "low",
  description:
    "The load balancer is internet-facing: `internal` is false or not set, or `Scheme` is `internet-facing` or not " +
    "set (both default to internet-facing). Many load balancers are meant to be public; this finding is for the " +
    "ones that are not, where an internal service becomes reachable from anywhere because a default was left. " +
    "Review it and suppress it where exposure is intended.",
  appliesTo: "aws.elb.LoadBalancer",
  references: { trivy: "AVD-AWS-0053" },
  remediation: { text: "Make load balancers for internal services internal; keep public only those that serve the internet, behind WAF.", fix: "internal = true" },
  examples: {
    terraform: {
      bad: [
        `resource "aws_lb" "admin" {
  name = "admin"
}`,
        `resource "aws_lb" "admin" {
  name     = "admin"
  internal = false
}`,
      ],
      good: [
        `resource "aws_lb" "admin" {
  name     = "admin"
  internal = true
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Admin:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Scheme: internet-facing`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Admin:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Scheme: internal`,
      ],
    },
  },
  evaluate(lb) {
    if (isGateway(lb)) return undefined;
    if (lb.internal && (!lb.internal.known || lb.internal.value === true)) return undefined;
    return fail(lb.internal ?? lb.range, `${lb.address} is internet-facing`, { key: `${lb.address} internet-facing` });
  },
});
