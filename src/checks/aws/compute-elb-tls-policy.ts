import type { Listener } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import { isOutdatedPolicy } from "./compute-elb-util.js";
import { isKnown } from "./util.js";

export default defineCheck<Listener>({
  id: "MAM-AWS-222",
  title: "Load balancer listener accepts TLS older than 1.2",
  severity: "high",
  description:
    "An HTTPS or TLS listener uses a predefined security policy that still accepts TLS 1.0 or 1.1 " +
    "(`ELBSecurityPolicy-2016-08`, `ELBSecurityPolicy-TLS-1-1-2017-01`, `ELBSecurityPolicy-TLS13-1-0-2021-06`, ...). " +
    "Those protocol versions rely on weak primitives, are deprecated by RFC 8996 and fail PCI DSS. Policies whose " +
    "names say TLS 1.2 or 1.3 as the minimum pass; custom or unreadable policy names, and listeners without a policy " +
    "written, are not reported.",
  appliesTo: "aws.elb.Listener",
  references: { checkov: "CKV_AWS_103", trivy: "AVD-AWS-0047" },
  remediation: {
    text: "Use a policy with TLS 1.2 as the minimum, such as ELBSecurityPolicy-TLS13-1-2-2021-06.",
    fix: 'ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.front.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-2016-08"
  certificate_arn   = aws_acm_certificate.web.arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}`,
      ],
      good: [
        `resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.front.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = aws_acm_certificate.web.arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  TlsListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/edge/abc
      Port: 443
      Protocol: TLS
      SslPolicy: ELBSecurityPolicy-TLS-1-1-2017-01
      Certificates:
        - CertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/abc
      DefaultActions:
        - Type: forward
          TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/edge/abc`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  TlsListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/edge/abc
      Port: 443
      Protocol: TLS
      SslPolicy: ELBSecurityPolicy-TLS13-1-2-Res-2021-06
      Certificates:
        - CertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/abc
      DefaultActions:
        - Type: forward
          TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/edge/abc`,
      ],
    },
  },
  evaluate(l) {
    if (!isKnown(l.sslPolicy) || !isOutdatedPolicy(l.sslPolicy.value)) return undefined;
    return fail(l.sslPolicy, `${l.address} uses ${l.sslPolicy.value}, which accepts TLS 1.0 or 1.1`, { key: `${l.address} ssl policy` });
  },
});
