import type { CloudTrail } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<CloudTrail>({
  id: "MAM-AWS-118",
  title: "CloudTrail trail does not send events to CloudWatch Logs",
  severity: "low",
  description:
    "The trail names no CloudWatch Logs log group (`cloud_watch_logs_group_arn` / `CloudWatchLogsLogGroupArn`). " +
    "Log files in S3 arrive in batches and are read after the fact; the metric filters and alarms that catch root " +
    "logins, policy changes or disabled trails as they happen work on CloudWatch Logs.",
  appliesTo: "aws.cloudtrail.Trail",
  references: { checkov: "CKV2_AWS_10", trivy: "AVD-AWS-0162" },
  remediation: {
    text: "Deliver the trail to a log group (with a role CloudTrail can assume to write to it) and add metric filters and alarms for the events that matter.",
    fix: 'cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"\ncloud_watch_logs_role_arn  = aws_iam_role.trail_to_logs.arn',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "acme-cloudtrail"
  is_multi_region_trail = true
}`,
      ],
      good: [
        `resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "acme-cloudtrail"
  is_multi_region_trail      = true
  cloud_watch_logs_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:cloudtrail:*"
  cloud_watch_logs_role_arn  = aws_iam_role.trail_to_logs.arn
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: acme-cloudtrail`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  TrailLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 365
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: acme-cloudtrail
      CloudWatchLogsLogGroupArn: !GetAtt TrailLogs.Arn
      CloudWatchLogsRoleArn: arn:aws:iam::111122223333:role/trail-to-logs`,
      ],
    },
  },
  evaluate(t) {
    if (t.cloudWatchLogGroup) return undefined;
    return fail(t.range, `${t.address} is not delivered to CloudWatch Logs, so nothing can alarm on it`, { key: `${t.address} cloudwatch` });
  },
});
