import type { RdsInstanceData } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { offAt } from "./data-util.js";

export default defineCheck<RdsInstanceData>({
  id: "MAM-AWS-155",
  title: "RDS instance has no deletion protection",
  severity: "medium",
  description:
    "Deletion protection is off (`deletion_protection` / `DeletionProtection` false or not written; the default is " +
    "off). A single DeleteDBInstance call, from a mistaken `terraform destroy`, a replaced resource or a stolen " +
    "credential, then removes the database, and its automated backups go with it unless a final snapshot is kept. " +
    "Members of an Aurora cluster are protected through the cluster (MAM-AWS-163).",
  appliesTo: "aws.rds.InstanceData",
  references: { checkov: "CKV_AWS_293", trivy: "AVD-AWS-0177" },
  remediation: {
    text: "Enable deletion protection on databases that hold data you cannot recreate.",
    fix: "deletion_protection = true",
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
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  deletion_protection = true
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
      DBInstanceClass: db.t3.micro
      DeletionProtection: false`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Orders:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      DeletionProtection: true`,
      ],
    },
  },
  evaluate(db) {
    if (db.clusterMember) return undefined;
    const at = offAt(db.deletionProtection, db);
    return at ? fail(at, `${db.address} can be deleted without first turning off protection`, { key: `${db.address} deletion protection` }) : undefined;
  },
});
