import type { SearchDomain } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { offAt } from "./data-util.js";

export default defineCheck<SearchDomain>({
  id: "MAM-AWS-185",
  title: "OpenSearch domain publishes no logs",
  severity: "low",
  description:
    "No log publishing option is enabled (`log_publishing_options` / `LogPublishingOptions` absent, or all disabled). " +
    "Audit logs (who accessed which index), error logs and slow logs then stay inside the managed service, out of " +
    "reach of monitoring and incident response.",
  appliesTo: "aws.opensearch.Domain",
  references: { checkov: "CKV_AWS_84" },
  remediation: {
    text: "Publish at least audit and error logs to CloudWatch Logs.",
    fix: 'log_publishing_options {\n  log_type                 = "AUDIT_LOGS"\n  cloudwatch_log_group_arn = aws_cloudwatch_log_group.search_audit.arn\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_opensearch_domain" "search" {
  domain_name = "search"
}`,
        `resource "aws_opensearch_domain" "search" {
  domain_name = "search"

  log_publishing_options {
    log_type                 = "AUDIT_LOGS"
    cloudwatch_log_group_arn = aws_cloudwatch_log_group.search_audit.arn
    enabled                  = false
  }
}`,
      ],
      good: [
        `resource "aws_opensearch_domain" "search" {
  domain_name = "search"

  log_publishing_options {
    log_type                 = "AUDIT_LOGS"
    cloudwatch_log_group_arn = aws_cloudwatch_log_group.search_audit.arn
  }
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Search:
    Type: AWS::OpenSearchService::Domain
    Properties:
      EngineVersion: OpenSearch_2.13`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Search:
    Type: AWS::OpenSearchService::Domain
    Properties:
      EngineVersion: OpenSearch_2.13
      LogPublishingOptions:
        AUDIT_LOGS:
          CloudWatchLogsLogGroupArn: arn:aws:logs:eu-west-1:111122223333:log-group:search-audit
          Enabled: true`,
      ],
    },
  },
  evaluate(d) {
    const at = offAt(d.logPublishing, d);
    return at ? fail(at, `${d.address} publishes no audit, error or slow logs`, { key: `${d.address} logging` }) : undefined;
  },
});
