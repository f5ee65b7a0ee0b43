import type { RedshiftCluster } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { offAt } from "./data-util.js";

export default defineCheck<RedshiftCluster>({
  id: "MAM-AWS-175",
  title: "Redshift cluster has no audit logging",
  severity: "medium",
  description:
    "Audit logging is not configured: no `logging` block with `enable = true`, no `aws_redshift_logging` that refers " +
    "to the cluster, no `LoggingProperties`. The connection, user and user-activity logs are the only record of " +
    "who connected to the warehouse and which queries they ran; without them, a data theft through SQL leaves " +
    "nothing to find. Files where a logging resource cannot be tied to its cluster are not reported.",
  appliesTo: "aws.redshift.Cluster",
  references: { checkov: "CKV_AWS_71" },
  remediation: {
    text: "Enable audit logging to S3 or CloudWatch Logs (and set `enable_user_activity_logging` in the parameter group for query text).",
    fix: 'resource "aws_redshift_logging" "warehouse" {\n  cluster_identifier   = aws_redshift_cluster.warehouse.id\n  log_destination_type = "cloudwatch"\n  log_exports          = ["connectionlog", "userlog", "useractivitylog"]\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier = "warehouse"
  node_type          = "ra3.xlplus"
}`,
      ],
      good: [
        `resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier = "warehouse"
  node_type          = "ra3.xlplus"
}

resource "aws_redshift_logging" "warehouse" {
  cluster_identifier   = aws_redshift_cluster.warehouse.id
  log_destination_type = "cloudwatch"
  log_exports          = ["connectionlog", "userlog", "useractivitylog"]
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Warehouse:
    Type: AWS::Redshift::Cluster
    Properties:
      ClusterType: single-node
      NodeType: ra3.xlplus
      DBName: analytics
      MasterUsername: admin
      ManageMasterPassword: true`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Warehouse:
    Type: AWS::Redshift::Cluster
    Properties:
      ClusterType: single-node
      NodeType: ra3.xlplus
      DBName: analytics
      MasterUsername: admin
      ManageMasterPassword: true
      LoggingProperties:
        LogDestinationType: cloudwatch
        LogExports:
          - connectionlog
          - userlog
          - useractivitylog`,
      ],
    },
  },
  evaluate(c) {
    const at = offAt(c.logging, c);
    return at ? fail(at, `${c.address} does not record connections and queries`, { key: `${c.address} audit logging` }) : undefined;
  },
});
