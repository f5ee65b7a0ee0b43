import type { RdsInstanceData } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { offAt } from "./data-util.js";

export default defineCheck<RdsInstanceData>({
  id: "MAM-AWS-152",
  title: "RDS instance is not Multi-AZ",
  severity: "low",
  description:
    "The instance runs in one Availability Zone (`multi_az` / `MultiAZ` false or not written). An AZ outage, a host " +
    "failure or even routine maintenance then takes the database down until it is recovered, and recovery from " +
    "backups loses the writes since the last one. Members of an Aurora cluster (whose replicas give availability) " +
    "and read replicas are not reported.",
  appliesTo: "aws.rds.InstanceData",
  references: { checkov: "CKV_AWS_157" },
  remediation: {
    text: "Enable Multi-AZ for production databases; a standby in a second AZ takes over automatically.",
    fix: "multi_az = true",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_db_instance" "orders" {
  identifier     = "orders"
  engine         = "postgres"
  instance_class = "db.m5.large"
}`,
      ],
      good: [
        `resource "aws_db_instance" "orders" {
  identifier     = "orders"
  engine         = "postgres"
  instance_class = "db.m5.large"
  multi_az       = true
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
      DBInstanceClass: db.m5.large
      MultiAZ: false`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Orders:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.m5.large
      MultiAZ: true`,
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      StorageEncrypted: true
  Writer:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: aurora-postgresql
      DBInstanceClass: db.r6g.large
      DBClusterIdentifier: !Ref Cluster`,
      ],
    },
  },
  evaluate(db) {
    if (db.clusterMember || db.replica) return undefined;
    const at = offAt(db.multiAz, db);
    return at ? fail(at, `${db.address} runs in a single Availability Zone`, { key: `${db.address} multi-az` }) : undefined;
  },
});
