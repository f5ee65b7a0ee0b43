import type { ElastiCacheGroup } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<ElastiCacheGroup>({
  id: "MAM-AWS-170",
  title: "ElastiCache replication group does not authenticate clients",
  severity: "medium",
  description:
    "The group has neither an AUTH token (`auth_token` / `AuthToken`) nor RBAC user groups (`user_group_ids` / " +
    "`UserGroupIds`). Anything that can reach the port, a compromised pod, a misrouted peering, an SSRF, can read " +
    "and overwrite every key, flush the cache or change its configuration; security groups are then the only " +
    "control.",
  appliesTo: "aws.elasticache.ReplicationGroup",
  references: { checkov: "CKV_AWS_31" },
  remediation: {
    text: "Enable in-transit encryption and set an AUTH token from Secrets Manager, or attach RBAC user groups.",
    fix: "transit_encryption_enabled = true\nauth_token                 = data.aws_secretsmanager_secret_version.redis.secret_string",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "session store"
  node_type                  = "cache.t4g.small"
  transit_encryption_enabled = true
}`,
      ],
      good: [
        `resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "session store"
  node_type                  = "cache.t4g.small"
  transit_encryption_enabled = true
  auth_token                 = var.redis_auth_token
}`,
        `resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "session store"
  node_type                  = "cache.t4g.small"
  transit_encryption_enabled = true
  user_group_ids             = [aws_elasticache_user_group.app.id]
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
      CacheNodeType: cache.t4g.small
      TransitEncryptionEnabled: true`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Sessions:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: session store
      CacheNodeType: cache.t4g.small
      TransitEncryptionEnabled: true
      AuthToken: "{{resolve:secretsmanager:storefront/redis:SecretString:token}}"`,
      ],
    },
  },
  evaluate(g) {
    if (g.authToken || g.userGroups) return undefined;
    return fail(g.range, `${g.address} lets any client that reaches it in without credentials`, { key: `${g.address} auth` });
  },
});
