import type { ElastiCacheGroup } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { encryptionOffAt } from "./data-elasticache-util.js";

export default defineCheck<ElastiCacheGroup>({
  id: "MAM-AWS-168",
  title: "ElastiCache replication group is not encrypted at rest",
  severity: "medium",
  description:
    "At-rest encryption is off (`at_rest_encryption_enabled` / `AtRestEncryptionEnabled` false, or not written on " +
    "a Redis group, where the default is off). Caches hold sessions, tokens and copies of database rows; without " +
    "encryption they sit in the clear on disk during syncs, swaps and in backups exported to S3. The setting can " +
    "only be chosen when the group is created.",
  appliesTo: "aws.elasticache.ReplicationGroup",
  references: { checkov: "CKV_AWS_29", trivy: "AVD-AWS-0045" },
  remediation: {
    text: "Create the replication group with at-rest encryption (optionally with a customer-managed `kms_key_id`) and migrate to it.",
    fix: "at_rest_encryption_enabled = true",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "sessions"
  description          = "session store"
  node_type            = "cache.t4g.small"
}`,
      ],
      good: [
        `resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "session store"
  node_type                  = "cache.t4g.small"
  at_rest_encryption_enabled = true
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Sessions:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: session store
      Engine: redis
      CacheNodeType: cache.t4g.small
      AtRestEncryptionEnabled: false`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Sessions:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: session store
      Engine: redis
      CacheNodeType: cache.t4g.small
      AtRestEncryptionEnabled: true`,
      ],
    },
  },
  evaluate(g) {
    const at = encryptionOffAt(g, g.atRestEncryption);
    return at ? fail(at, `${g.address} stores cached data unencrypted`, { key: `${g.address} at rest` }) : undefined;
  },
});
