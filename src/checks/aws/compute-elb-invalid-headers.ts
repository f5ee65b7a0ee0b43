import type { LoadBalancer } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import { isApplication, isOff } from "./compute-elb-util.js";

export default defineCheck<LoadBalancer>({
  id: "MAM-AWS-223",
  title: "Application load balancer forwards invalid HTTP headers",
  severity: "medium",
  description:
    "`drop_invalid_header_fields` (the `routing.http.drop_invalid_header_fields.enabled` attribute) is not true, so " +
    "the load balancer passes on headers whose names are not valid HTTP tokens. Back ends that parse headers " +
    "differently from the load balancer can then be fooled by request smuggling and header injection. Network and " +
    "gateway load balancers do not parse HTTP and are not reported.",
  appliesTo: "aws.elb.LoadBalancer",
  references: { checkov: "CKV_AWS_131", trivy: "AVD-AWS-0052" },
  remediation: { text: "Turn on dropping of invalid header fields.", fix: "drop_invalid_header_fields = true" },
  examples: {
    terraform: {
      bad: [
        `resource "aws_lb" "front" {
  name               = "front"
  load_balancer_type = "application"
}`,
      ],
      good: [
        `resource "aws_lb" "front" {
  name                       = "front"
  drop_invalid_header_fields = true
}`,
        `resource "aws_lb" "edge" {
  name               = "edge"
  load_balancer_type = "network"
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
      Type: application
      LoadBalancerAttributes:
        - Key: routing.http.drop_invalid_header_fields.enabled
          Value: "false"`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Front:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Type: application
      LoadBalancerAttributes:
        - Key: routing.http.drop_invalid_header_fields.enabled
          Value: "true"`,
      ],
    },
  },
  evaluate(lb) {
    if (!isApplication(lb) || !isOff(lb.dropInvalidHeaders)) return undefined;
    return fail(lb.dropInvalidHeaders ?? lb.range, `${lb.address} does not drop invalid HTTP header fields`, { key: `${lb.address} invalid headers` });
  },
});
