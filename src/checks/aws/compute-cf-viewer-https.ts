import type { CloudFrontDistribution } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<CloudFrontDistribution>({
  id: "MAM-AWS-254",
  title: "CloudFront distribution serves plain HTTP to viewers",
  severity: "medium",
  description:
    "A cache behavior's `viewer_protocol_policy` / `ViewerProtocolPolicy` is `allow-all`, so viewers may fetch " +
    "content over plain HTTP: it can be read and altered on the way (injected scripts, stolen cookies). " +
    "`redirect-to-https` and `https-only` pass.",
  appliesTo: "aws.cloudfront.Distribution",
  references: { checkov: "CKV_AWS_34", trivy: "AVD-AWS-0012" },
  remediation: { text: "Redirect viewers to HTTPS (or serve HTTPS only) on every cache behavior.", fix: 'viewer_protocol_policy = "redirect-to-https"' },
  examples: {
    terraform: {
      bad: [
        `resource "aws_cloudfront_distribution" "site" {
  enabled = true

  origin {
    domain_name              = aws_s3_bucket.site.bucket_regional_domain_name
    origin_id                = "site"
    origin_access_control_id = aws_cloudfront_origin_access_control.site.id
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  default_cache_behavior {
    target_origin_id       = "site"
    viewer_protocol_policy = "allow-all"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}`,
      ],
      good: [
        `resource "aws_cloudfront_distribution" "site" {
  enabled = true

  origin {
    domain_name              = aws_s3_bucket.site.bucket_regional_domain_name
    origin_id                = "site"
    origin_access_control_id = aws_cloudfront_origin_access_control.site.id
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  default_cache_behavior {
    target_origin_id       = "site"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
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
  Site:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: site
            DomainName: example-site.s3.eu-west-1.amazonaws.com
            S3OriginConfig: {}
        DefaultCacheBehavior:
          TargetOriginId: site
          ViewerProtocolPolicy: allow-all
          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Site:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: site
            DomainName: example-site.s3.eu-west-1.amazonaws.com
            S3OriginConfig: {}
        DefaultCacheBehavior:
          TargetOriginId: site
          ViewerProtocolPolicy: https-only
          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6`,
      ],
    },
  },
  evaluate: (d) =>
    d.behaviors
      .filter((b) => isKnown(b.viewerProtocolPolicy, "allow-all"))
      .map((b) => fail(b.viewerProtocolPolicy ?? b.range, `${d.address} serves plain HTTP to viewers (${b.name} cache behavior)`, { key: `${d.address} ${b.name} allow-all` })),
});
