// Terraform onto SNS topics and SQS queues, with their separate policy resources.
import type { PolicyDocument, SnsTopic, SqsQueue } from "../../models/aws-data.js";
import { policyDocument, unknownPolicy } from "./aws-data-policy.js";
import { bool, named } from "./aws-data-util.js";
import type { TfIndex, TfResource } from "./types.js";
import { base, joins, type Joined } from "./util.js";

function policyOf(r: TfResource, j: Joined): PolicyDocument | undefined {
  const n = r.block.attrs.get("policy") ?? j.byTarget.get(r.address)?.[0]?.block.attrs.get("policy");
  if (n) return policyDocument(n);
  return j.unplaced ? unknownPolicy(j.unplaced) : undefined;
}

export function topics(index: TfIndex): SnsTopic[] {
  const policies = joins(index, "aws_sns_topic_policy", "arn", "aws_sns_topic");
  return index.ofType("aws_sns_topic").map((r) => ({
    ...base(r, "aws.sns.Topic"),
    kmsKey: named(r, "kms_master_key_id"),
    policy: policyOf(r, policies),
  }));
}

export function queues(index: TfIndex): SqsQueue[] {
  const policies = joins(index, "aws_sqs_queue_policy", "queue_url", "aws_sqs_queue");
  return index.ofType("aws_sqs_queue").map((r) => ({
    ...base(r, "aws.sqs.Queue"),
    kmsKey: named(r, "kms_master_key_id"),
    managedSse: bool(r, "sqs_managed_sse_enabled"),
    policy: policyOf(r, policies),
  }));
}
