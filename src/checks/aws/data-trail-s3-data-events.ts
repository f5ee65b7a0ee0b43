import type { CloudTrail } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { is } from "./data-util.js";

export default defineCheck<CloudTrail>({
  id: "MAM-AWS-119",
  title: "CloudTrail trail does not record S3 object-level events",
  severity: "low",
  description:
    "None of the trail's event selectors (basic `event_selector` / `EventSelectors` with a data resource of type " +
    "`AWS::S3::Object`, or advanced selectors on `resources.type`) records S3 data events. Management events show " +
    "who changed a bucket's settings, but not who read, wrote or deleted which objects; after a leak that is the " +
    "question to answer.",
  appliesTo: "aws.cloudtrail.Trail",
  compliance: [
    { framework: "cis-aws-3.0", control: "3.8" },
    { framework: "cis-aws-3.0", control: "3.9" },
  ],
  remediation: {
    text: "Add an event selector that records S3 object-level events for all buckets (or for the buckets holding sensitive data), read and write.",
    fix: 'event_selector {\n  read_write_type           = "All"\n  include_management_events = true\n\n  data_resource {\n    type   = "AWS::S3::Object"\n    values = ["arn:aws:s3"]\n  }\n}',
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
  name                  = "main"
  s3_bucket_name        = "acme-cloudtrail"
  is_multi_region_trail = true

  event_selector {
    read_write_type           = "All"
    include_management_events = true

    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3"]
    }
  }
}`,
        `resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "acme-cloudtrail"
  is_multi_region_trail = true

  advanced_event_selector {
    name = "S3 data events"
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
  }
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
      S3BucketName: acme-cloudtrail
      EventSelectors:
        - ReadWriteType: All
          IncludeManagementEvents: true`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: acme-cloudtrail
      EventSelectors:
        - ReadWriteType: All
          IncludeManagementEvents: true
          DataResources:
            - Type: AWS::S3::Object
              Values:
                - arn:aws:s3`,
      ],
    },
  },
  evaluate(t) {
    if (!is(t.s3DataEvents, false)) return undefined;
    return fail(t.range, `${t.address} does not record who reads or writes S3 objects`, { key: `${t.address} s3 data events` });
  },
});
