import type { CloudFrontDistribution } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<CloudFrontDistribution>({
  id: "MAM-AWS-257",
  title: "CloudFront distribution has no access logging",
  severity: "medium",
  description:
    "The distribution has no standard logging: no `logging_config` / `Logging` bucket, and no log delivery " +
    "source in the file that refers to it. Requests served from the edge never reach the origin's logs, so without " +
    "CloudFront's own logs there is no record of who fetched what.",
  appliesTo: "aws.cloudfront.Distribution",
  references: { checkov: "CKV_AWS_86", trivy: "AVD-AWS-0010" },
  remediation: {
    text: "Turn on standard logging to an S3 bucket (or CloudWatch log delivery) with a retention fit for investigations.",
    fix: 'logging_config {\n  bucket          = aws_s3_bucket.cf_logs.bucket_domain_name\n  include_cookies = false\n  prefix          = "site/"\n}',
  },
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

  logging_config {
    bucket = aws_s3_bucket.cf_logs.bucket_domain_name
    prefix = "site/"
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
}

resource "aws_cloudwatch_log_delivery_source" "site" {
  name         = "site"
  log_type     = "ACCESS_LOGS"
  resource_arn = aws_cloudfront_distribution.site.arn
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
        Logging:
          Bucket: example-cf-logs.s3.amazonaws.com
          Prefix: site/
        DefaultCacheBehavior:
          TargetOriginId: site
          ViewerProtocolPolicy: redirect-to-https`,
      ],
    },
  },
  evaluate(d) {
    if (d.logging) return undefined;
    return fail(d.range, `${d.address} has no access logging`, { key: `${d.address} logging` });
  },
});
