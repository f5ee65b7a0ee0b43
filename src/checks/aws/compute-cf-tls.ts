import type { CloudFrontDistribution } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

/** Viewer security policies that still accept SSLv3, TLS 1.0 or TLS 1.1. */
const OUTDATED = new Set(["SSLv3", "TLSv1", "TLSv1_2016", "TLSv1.1_2016"]);

export default defineCheck<CloudFrontDistribution>({
  id: "MAM-AWS-255",
  title: "CloudFront distribution accepts TLS older than 1.2",
  severity: "medium",
  description:
    "The distribution serves its own certificate with a `minimum_protocol_version` / `MinimumProtocolVersion` " +
    "below TLSv1.2 (`TLSv1`, the Terraform default, `TLSv1_2016`, `TLSv1.1_2016`, `SSLv3`). Viewers can then " +
    "negotiate deprecated protocol versions. Distributions on the default *.cloudfront.net certificate, whose policy " +
    "cannot be chosen, are not reported.",
  appliesTo: "aws.cloudfront.Distribution",
  references: { checkov: "CKV_AWS_174", trivy: "AVD-AWS-0013" },
  remediation: { text: "Use TLSv1.2_2021 (or newer) as the minimum protocol version.", fix: 'minimum_protocol_version = "TLSv1.2_2021"' },
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
    acm_certificate_arn = aws_acm_certificate.site.arn
    ssl_support_method  = "sni-only"
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
  }

  viewer_certificate {
    acm_certificate_arn      = aws_acm_certificate.site.arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
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
        ViewerCertificate:
          AcmCertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/abc
          SslSupportMethod: sni-only
          MinimumProtocolVersion: TLSv1.1_2016`,
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
        ViewerCertificate:
          AcmCertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/abc
          SslSupportMethod: sni-only
          MinimumProtocolVersion: TLSv1.2_2021`,
      ],
    },
  },
  evaluate(d) {
    const c = d.certificate;
    if (!c || isKnown(c.cloudfrontDefault, true) || (c.cloudfrontDefault && !c.cloudfrontDefault.known)) return undefined;
    const min = c.minimumProtocolVersion;
    if (min && (!isKnown(min) || !OUTDATED.has(min.value))) return undefined;
    const what = min?.value ?? "TLSv1 (the default)";
    return fail(min ?? c.range, `${d.address} accepts viewers on ${what}`, { key: `${d.address} minimum tls` });
  },
});
