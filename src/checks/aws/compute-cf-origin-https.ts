import type { CloudFrontDistribution } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<CloudFrontDistribution>({
  id: "MAM-AWS-258",
  title: "CloudFront talks to a custom origin over plain HTTP",
  severity: "medium",
  description:
    "A custom origin's `origin_protocol_policy` / `OriginProtocolPolicy` is `http-only`, or `match-viewer` while a " +
    "cache behavior lets viewers use HTTP. Content and the requests CloudFront forwards (cookies, authorisation " +
    "headers) then cross the internet between the edge and the origin unencrypted, even when the viewer used HTTPS. " +
    "S3 origins are always reached over HTTPS and are not reported.",
  appliesTo: "aws.cloudfront.Distribution",
  remediation: {
    text: "Reach custom origins with `https-only` (the origin needs a certificate for its name) and TLSv1.2 as the origin protocol.",
    fix: 'custom_origin_config {\n  http_port              = 80\n  https_port             = 443\n  origin_protocol_policy = "https-only"\n  origin_ssl_protocols   = ["TLSv1.2"]\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_cloudfront_distribution" "app" {
  enabled = true

  origin {
    domain_name = "origin.example.com"
    origin_id   = "app"

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "http-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id       = "app"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}`,
      ],
      good: [
        `resource "aws_cloudfront_distribution" "app" {
  enabled = true

  origin {
    domain_name = "origin.example.com"
    origin_id   = "app"

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id       = "app"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  App:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: app
            DomainName: origin.example.com
            CustomOriginConfig:
              OriginProtocolPolicy: match-viewer
        DefaultCacheBehavior:
          TargetOriginId: app
          ViewerProtocolPolicy: allow-all`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  App:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: app
            DomainName: origin.example.com
            CustomOriginConfig:
              OriginProtocolPolicy: match-viewer
        DefaultCacheBehavior:
          TargetOriginId: app
          ViewerProtocolPolicy: https-only`,
      ],
    },
  },
  evaluate(d) {
    const viewersOnHttp = d.behaviors.some((b) => isKnown(b.viewerProtocolPolicy, "allow-all"));
    return d.origins
      .filter((o) => isKnown(o.protocolPolicy, "http-only") || (viewersOnHttp && isKnown(o.protocolPolicy, "match-viewer")))
      .map((o) => fail(o.protocolPolicy ?? o.range, `${d.address} reaches origin ${o.id} over plain HTTP (${o.protocolPolicy?.value ?? ""})`, { key: `${d.address} origin ${o.id}` }));
  },
});
