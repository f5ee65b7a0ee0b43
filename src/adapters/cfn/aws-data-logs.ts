// CloudFormation onto CloudTrail trails and CloudWatch Logs log groups.
import type { SourceRange } from "../../checks/types.js";
import type { CloudTrail, LogGroup } from "../../models/aws-data.js";
import type { Val } from "../../models/value.js";
import { bool, named, num } from "./aws-data-util.js";
import type { CfnIndex, CfnResource } from "./types.js";
import { at, base, itemsOf, prop, stringOf, stringsOf, unknownVal } from "./util.js";

const S3_OBJECT = "AWS::S3::Object";

/** Whether one of the trail's selectors records S3 object-level events (basic or advanced selectors). */
function s3DataEvents(r: CfnResource): Val<boolean> {
  let unknownAt: SourceRange | undefined;
  for (const sel of itemsOf(prop(r, "EventSelectors"))) {
    for (const dr of itemsOf(at(sel, "DataResources"))) {
      const type = stringOf(at(dr, "Type"));
      if (type?.known && type.value === S3_OBJECT) return { value: true, known: true, range: type.range };
      if (type && !type.known) unknownAt ??= type.range;
    }
  }
  for (const sel of itemsOf(prop(r, "AdvancedEventSelectors"))) {
    for (const fs of itemsOf(at(sel, "FieldSelectors"))) {
      if (stringOf(at(fs, "Field"))?.value !== "resources.type") continue;
      const equals = stringsOf(at(fs, "Equals"));
      const hit = equals.find((v) => v.known && v.value === S3_OBJECT);
      if (hit) return { value: true, known: true, range: hit.range };
      const unk = equals.find((v) => !v.known);
      if (unk) unknownAt ??= unk.range;
    }
  }
  return unknownAt ? unknownVal(unknownAt) : { value: false, known: true, range: r.range };
}

export function trails(index: CfnIndex): CloudTrail[] {
  return index.ofType("AWS::CloudTrail::Trail").map((r) => ({
    ...base(r, "aws.cloudtrail.Trail"),
    multiRegion: bool(r, "IsMultiRegionTrail"),
    logFileValidation: bool(r, "EnableLogFileValidation"),
    kmsKey: named(r, "KMSKeyId"),
    cloudWatchLogGroup: named(r, "CloudWatchLogsLogGroupArn"),
    logging: bool(r, "IsLogging"),
    s3DataEvents: s3DataEvents(r),
  }));
}

export function logGroups(index: CfnIndex): LogGroup[] {
  return index.ofType("AWS::Logs::LogGroup").map((r) => ({
    ...base(r, "aws.logs.LogGroup"),
    retentionDays: num(r, "RetentionInDays"),
    kmsKey: named(r, "KmsKeyId"),
  }));
}
