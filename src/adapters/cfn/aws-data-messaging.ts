// CloudFormation onto SNS topics and SQS queues, with the policy resources that list them
// (AWS::SNS::TopicPolicy `Topics`, AWS::SQS::QueuePolicy `Queues`) or name them (the inline policies).
import type { PolicyDocument, SnsTopic, SqsQueue } from "../../models/aws-data.js";
import { policyDocument, unknownPolicy } from "../tf/aws-data-policy.js";
import { bool, joinsList, named, type CfnJoined } from "./aws-data-util.js";
import type { CfnIndex, CfnResource } from "./types.js";
import { base, prop } from "./util.js";

function policyOf(r: CfnResource, joined: readonly CfnJoined[]): PolicyDocument | undefined {
  for (const j of joined) {
    const mine = j.byTarget.get(r.logicalId)?.[0];
    if (mine) {
      const doc = prop(mine, "PolicyDocument");
      return doc ? policyDocument(doc) : unknownPolicy(mine.range);
    }
  }
  const unplaced = joined.find((j) => j.unplaced)?.unplaced;
  return unplaced ? unknownPolicy(unplaced.range) : undefined;
}

export function topics(index: CfnIndex): SnsTopic[] {
  const t = "AWS::SNS::Topic";
  const joined = [joinsList(index, "AWS::SNS::TopicPolicy", "Topics", t), joinsList(index, "AWS::SNS::TopicInlinePolicy", "TopicArn", t)];
  return index.ofType(t).map((r) => ({ ...base(r, "aws.sns.Topic"), kmsKey: named(r, "KmsMasterKeyId"), policy: policyOf(r, joined) }));
}

export function queues(index: CfnIndex): SqsQueue[] {
  const q = "AWS::SQS::Queue";
  const joined = [joinsList(index, "AWS::SQS::QueuePolicy", "Queues", q), joinsList(index, "AWS::SQS::QueueInlinePolicy", "Queue", q)];
  return index.ofType(q).map((r) => ({
    ...base(r, "aws.sqs.Queue"),
    kmsKey: named(r, "KmsMasterKeyId"),
    managedSse: bool(r, "SqsManagedSseEnabled"),
    policy: policyOf(r, joined),
  }));
}
