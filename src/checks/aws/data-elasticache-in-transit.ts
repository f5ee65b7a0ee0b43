import type { ElastiCacheGroup } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { encryptionOffAt } from "./data-elasticache-util.js";

export default defineCheck<ElastiCacheGroup>({
  id: "MAM-AWS-169",
  title: "ElastiCache replication group does not encrypt traffic",
  severity: "medium",
  description:
    "In-transit encryption is off (`transit_encryption_enabled` / `TransitEncryptionEnabled` false, or not written " +
    "on a Redis group). Clients then send commands, keys and values, including any AUTH password, in clear text " +
    "across the VPC, readable by anything that can capture traffic on the path; AUTH tokens also require TLS.",
  appliesTo: "aws.elasticache.ReplicationGroup",
  references: { checkov: "CKV_AWS_30", trivy: "AVD-AWS-0051" },
  remediation: {
    text: "Enable in-transit encryption and connect clients with TLS.",
    fix: "transit_encryption_enabled = true",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "session store"
  node_type                  = "cache.t4g.small"
  transit_encryption_enabled = false
}`,
      ],
      good: [
        `resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "session store"
  node_type                  = "cache.t4g.small"
  transit_encryption_enabled = true
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
      CacheNodeType: cache.t4g.small`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Sessions:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: session store
      CacheNodeType: cache.t4g.small
      TransitEncryptionEnabled: true`,
      ],
    },
  },
  evaluate(g) {
    const at = encryptionOffAt(g, g.transitEncryption);
    return at ? fail(at, `${g.address} accepts unencrypted connections`, { key: `${g.address} in transit` }) : undefined;
  },
});
