// Terraform onto CloudTrail trails and CloudWatch Logs log groups.
import type { CloudTrail, LogGroup } from "../../models/aws-data.js";
import type { Val } from "../../models/value.js";
import type { TfBlock } from "../terraform-hcl.js";
import { bool, named, num, str } from "./aws-data-util.js";
import type { TfIndex, TfResource } from "./types.js";
import { base, stringsOf, unknownVal } from "./util.js";

const S3_OBJECT = "AWS::S3::Object";

/** Whether one of the trail's selectors records S3 object-level events (basic or advanced selectors). */
function s3DataEvents(r: TfResource): Val<boolean> {
  let unknownAt: TfBlock["range"] | undefined;
  const blocks = (b: TfBlock, type: string): TfBlock[] => b.blocks.filter((x) => x.type === type);
  for (const sel of blocks(r.block, "event_selector")) {
    for (const dr of blocks(sel, "data_resource")) {
      const type = str(dr, "type");
      if (type?.known && type.value === S3_OBJECT) return { value: true, known: true, range: dr.range };
      if (type && !type.known) unknownAt ??= type.range;
    }
  }
  for (const sel of blocks(r.block, "advanced_event_selector")) {
    for (const fs of blocks(sel, "field_selector")) {
      if (str(fs, "field")?.value !== "resources.type") continue;
      const equals = stringsOf(fs.attrs.get("equals"));
      if (equals.some((v) => v.known && v.value === S3_OBJECT)) return { value: true, known: true, range: fs.range };
      const unk = equals.find((v) => !v.known);
      if (unk) unknownAt ??= unk.range;
    }
  }
  return unknownAt ? unknownVal(unknownAt) : { value: false, known: true, range: r.block.range };
}

export function trails(index: TfIndex): CloudTrail[] {
  return index.ofType("aws_cloudtrail").map((r) => ({
    ...base(r, "aws.cloudtrail.Trail"),
    multiRegion: bool(r, "is_multi_region_trail"),
    logFileValidation: bool(r, "enable_log_file_validation"),
    kmsKey: named(r, "kms_key_id"),
    cloudWatchLogGroup: named(r, "cloud_watch_logs_group_arn"),
    logging: bool(r, "enable_logging"),
    s3DataEvents: s3DataEvents(r),
  }));
}

export function logGroups(index: TfIndex): LogGroup[] {
  return index.ofType("aws_cloudwatch_log_group").map((r) => ({
    ...base(r, "aws.logs.LogGroup"),
    retentionDays: num(r, "retention_in_days"),
    kmsKey: named(r, "kms_key_id"),
  }));
}
