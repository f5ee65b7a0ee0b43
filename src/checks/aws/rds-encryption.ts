import type { RdsInstance } from "../../models/aws.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<RdsInstance>({
  id: "MAM-AWS-008",
  title: "RDS instance storage is not encrypted",
  severity: "high",
  description:
    "`storage_encrypted` (CloudFormation: `StorageEncrypted`) is false or not set (the default is false). The database files, automated " +
    "backups, read replicas and snapshots are then stored unencrypted, and an unencrypted instance cannot be " +
    "encrypted in place later: it takes a snapshot copy and a restore. Instances restored from a snapshot, " +
    "created as replicas or belonging to an Aurora cluster inherit their source's setting and are not reported.",
  appliesTo: "aws.rds.Instance",
  references: { checkov: "CKV_AWS_16" },
  compliance: [{ framework: "cis-aws-3.0", control: "2.3.1" }],
  remediation: {
    text: "Set `storage_encrypted = true`, ideally with a customer-managed `kms_key_id`. For an existing instance, restore an encrypted copy of a snapshot.",
    fix: "storage_encrypted = true\nkms_key_id        = aws_kms_key.rds.arn",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  storage_encrypted = false
}`,
        `resource "aws_db_instance" "orders" {
  identifier     = "orders"
  engine         = "postgres"
  instance_class = "db.t3.micro"
}`,
      ],
      good: [
        `resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  storage_encrypted = true
}`,
        `resource "aws_db_instance" "replica" {
  identifier          = "orders-replica"
  instance_class      = "db.t3.micro"
  replicate_source_db = aws_db_instance.orders.identifier
}`,
      ],
    },
    cloudformation: {
      bad: [
        `Resources:
  Orders:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      AllocatedStorage: "20"
      MasterUsername: app
      ManageMasterUserPassword: true
      StorageEncrypted: false`,
        `Resources:
  Orders:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      AllocatedStorage: "20"
      MasterUsername: app
      ManageMasterUserPassword: true`,
      ],
      good: [
        `Resources:
  Orders:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      AllocatedStorage: "20"
      MasterUsername: app
      ManageMasterUserPassword: true
      StorageEncrypted: true`,
        `Resources:
  Orders:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      AllocatedStorage: "20"
      MasterUsername: app
      ManageMasterUserPassword: true
      StorageEncrypted: true
  Replica:
    Type: AWS::RDS::DBInstance
    Properties:
      DBInstanceClass: db.t3.micro
      SourceDBInstanceIdentifier: !Ref Orders`,
      ],
    },
  },
  evaluate(db) {
    const v = db.storageEncrypted;
    if (!v) return db.inheritsStorage ? undefined : fail(db.range, `${db.address} does not encrypt its storage`, { key: `${db.address} storage_encrypted` });
    if (v.known && v.value === false) return fail(v, `${db.address} does not encrypt its storage`, { key: `${db.address} storage_encrypted` });
    return undefined;
  },
});
