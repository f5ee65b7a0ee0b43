import type { RdsInstanceData } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { offAt } from "./data-util.js";

export default defineCheck<RdsInstanceData>({
  id: "MAM-AWS-156",
  title: "RDS instance does not copy tags to snapshots",
  severity: "low",
  description:
    "Snapshots of the instance do not inherit its tags (`copy_tags_to_snapshot` / `CopyTagsToSnapshot` false or not " +
    "written). Tag-based access control, data classification and ownership then stop at the instance: a snapshot " +
    "of a database tagged as holding personal data looks like any other snapshot, to IAM conditions and to people. " +
    "Members of a cluster take snapshots through the cluster (MAM-AWS-164).",
  appliesTo: "aws.rds.InstanceData",
  references: { checkov: "CKV2_AWS_60" },
  remediation: {
    text: "Copy tags to snapshots, so classification and ABAC conditions follow the data.",
    fix: "copy_tags_to_snapshot = true",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_db_instance" "orders" {
  identifier     = "orders"
  engine         = "postgres"
  instance_class = "db.t3.micro"
}`,
      ],
      good: [
        `resource "aws_db_instance" "orders" {
  identifier            = "orders"
  engine                = "postgres"
  instance_class        = "db.t3.micro"
  copy_tags_to_snapshot = true
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Orders:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Orders:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      CopyTagsToSnapshot: true`,
      ],
    },
  },
  evaluate(db) {
    if (db.clusterMember) return undefined;
    const at = offAt(db.copyTagsToSnapshot, db);
    return at ? fail(at, `${db.address} snapshots lose the instance's tags`, { key: `${db.address} copy tags` }) : undefined;
  },
});
