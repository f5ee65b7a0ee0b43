import type { CloudFrontDistribution } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<CloudFrontDistribution>({
  id: "MAM-AWS-256",
  title: "CloudFront distribution has no WAF web ACL",
  severity: "medium",
  description:
    "No `web_acl_id` / `WebACLId` is set, so requests reach the origin without passing a web application " +
    "firewall: no managed rules against common exploits and bad bots, and no rate limiting at the edge.",
  appliesTo: "aws.cloudfront.Distribution",
  references: { checkov: "CKV_AWS_68", trivy: "AVD-AWS-0011" },
  remediation: { text: "Attach a WAFv2 web ACL (scope CLOUDFRONT) with the AWS managed rule groups and a rate-based rule.", fix: "web_acl_id = aws_wafv2_web_acl.edge.arn" },
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
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
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

  web_acl_id = aws_wafv2_web_acl.edge.arn

  default_cache_behavior {
    target_origin_id       = "site"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
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
          ViewerProtocolPolicy: redirect-to-https`,
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
        WebACLId: arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge/abc
        DefaultCacheBehavior:
          TargetOriginId: site
          ViewerProtocolPolicy: redirect-to-https`,
      ],
    },
  },
  evaluate(d) {
    if (d.webAclId) return undefined;
    return fail(d.range, `${d.address} has no WAF web ACL`, { key: `${d.address} waf` });
  },
});
