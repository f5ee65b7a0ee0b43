import type { LoadBalancer } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import { isGateway, isOff } from "./compute-elb-util.js";

export default defineCheck<LoadBalancer>({
  id: "MAM-AWS-224",
  title: "Load balancer access logs are off",
  severity: "medium",
  description:
    "The load balancer has no `access_logs` block with `enabled = true` (the `access_logs.s3.enabled` attribute). " +
    "Access logs are the record of every request: client address, path, status, TLS version. Without them an " +
    "attack against the application behind it cannot be traced or scoped. In Terraform an `access_logs` block " +
    "without `enabled` is off: it defaults to false even with a bucket. Gateway load balancers have no access logs.",
  appliesTo: "aws.elb.LoadBalancer",
  references: { checkov: "CKV_AWS_91" },
  remediation: {
    text: "Send access logs to an S3 bucket that the load balancer may write to, with retention fit for investigations.",
    fix: 'access_logs {\n  bucket  = aws_s3_bucket.lb_logs.id\n  prefix  = "front"\n  enabled = true\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_lb" "front" {
  name = "front"
}`,
        `resource "aws_lb" "front" {
  name = "front"

  access_logs {
    bucket = aws_s3_bucket.lb_logs.id
  }
}`,
      ],
      good: [
        `resource "aws_lb" "front" {
  name = "front"

  access_logs {
    bucket  = aws_s3_bucket.lb_logs.id
    enabled = true
  }
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
      Type: application`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Front:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Type: application
      LoadBalancerAttributes:
        - Key: access_logs.s3.enabled
          Value: "true"
        - Key: access_logs.s3.bucket
          Value: example-lb-logs`,
      ],
    },
  },
  evaluate(lb) {
    if (isGateway(lb) || !isOff(lb.accessLogs)) return undefined;
    return fail(lb.accessLogs ?? lb.range, `${lb.address} has access logs off`, { key: `${lb.address} access logs` });
  },
});
