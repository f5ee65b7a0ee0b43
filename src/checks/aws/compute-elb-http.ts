import type { Listener } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import { isApplication } from "./compute-elb-util.js";
import { isKnown } from "./util.js";

export default defineCheck<Listener>({
  id: "MAM-AWS-221",
  title: "Load balancer listener serves plain HTTP",
  severity: "high",
  description:
    "A listener uses the HTTP protocol and its default action does not redirect to HTTPS. Requests, cookies and " +
    "tokens then cross the network in clear text, readable and changeable by anyone on the path. An HTTP listener " +
    "that only redirects to HTTPS is fine. For a listener of an application load balancer written in the same file, " +
    "a missing protocol counts as HTTP (the default); listeners of network and gateway load balancers are not reported.",
  appliesTo: "aws.elb.Listener",
  references: { checkov: ["CKV_AWS_2", "CKV2_AWS_20"], trivy: "AVD-AWS-0054" },
  remediation: {
    text: "Serve HTTPS with a certificate and a TLS 1.2 policy, and make the HTTP listener redirect to it.",
    fix: 'default_action {\n  type = "redirect"\n  redirect {\n    port        = "443"\n    protocol    = "HTTPS"\n    status_code = "HTTP_301"\n  }\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_lb_listener" "web" {
  load_balancer_arn = aws_lb.front.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}`,
        `resource "aws_lb" "front" {
  name = "front"
}

resource "aws_lb_listener" "web" {
  load_balancer_arn = aws_lb.front.arn
  port              = 8080

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}`,
      ],
      good: [
        `resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.front.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}`,
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
  HttpListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/front/abc
      Port: 80
      Protocol: HTTP
      DefaultActions:
        - Type: forward
          TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/abc`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  HttpListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/front/abc
      Port: 80
      Protocol: HTTP
      DefaultActions:
        - Type: redirect
          RedirectConfig:
            Protocol: HTTPS
            Port: "443"
            StatusCode: HTTP_301`,
      ],
    },
  },
  evaluate(l) {
    if (!isKnown(l.protocol, "HTTP") || l.redirectsToHttps || !isApplication(l)) return undefined;
    return fail(l.protocol, `${l.address} serves plain HTTP without redirecting to HTTPS`, { key: `${l.address} http` });
  },
});
