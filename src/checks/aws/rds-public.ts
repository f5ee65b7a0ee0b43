import type { RdsInstance } from "../../models/aws.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<RdsInstance>({
  id: "MAM-AWS-007",
  title: "RDS instance is publicly accessible",
  severity: "high",
  description:
    "`publicly_accessible = true` (CloudFormation: `PubliclyAccessible: true`) gives the database a public DNS name that resolves to a public address. Its only " +
    "protection left is the security group and the database password; a permissive rule, now or later, puts the " +
    "database on the internet, where database ports are scanned and brute-forced constantly.",
  appliesTo: "aws.rds.Instance",
  references: { checkov: "CKV_AWS_17" },
  compliance: [{ framework: "cis-aws-3.0", control: "2.3.3" }],
  remediation: {
    text: "Set `publicly_accessible = false` and reach the database from inside the VPC (application subnets, a bastion or SSM port forwarding).",
    fix: "publicly_accessible = false",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_db_instance" "orders" {
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  publicly_accessible = true
  storage_encrypted   = true
}`,
      ],
      good: [
        `resource "aws_db_instance" "orders" {
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  publicly_accessible = false
  storage_encrypted   = true
}`,
        `resource "aws_db_instance" "orders" {
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  publicly_accessible = var.public
  storage_encrypted   = true
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
      StorageEncrypted: true
      PubliclyAccessible: true`,
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
      StorageEncrypted: true
      PubliclyAccessible: false`,
        `Parameters:
  Public:
    Type: String
    AllowedValues: ["true", "false"]
Resources:
  Orders:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      AllocatedStorage: "20"
      MasterUsername: app
      ManageMasterUserPassword: true
      StorageEncrypted: true
      PubliclyAccessible: !Ref Public`,
      ],
    },
  },
  evaluate(db) {
    if (!isKnown(db.publiclyAccessible, true)) return undefined;
    const at = db.publiclyAccessible.range.startLine;
    return fail(db.publiclyAccessible, `${db.address} is publicly accessible`, {
      key: `${db.address} publicly_accessible`,
      edits: [{ kind: "set-value", line: at, keys: ["publicly_accessible", "PubliclyAccessible"], from: "true", to: "false" }],
    });
  },
});
