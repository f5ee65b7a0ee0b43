import type { RdsInstanceData } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";

const MIN_DAYS = 7;

export default defineCheck<RdsInstanceData>({
  id: "MAM-AWS-151",
  title: "RDS instance keeps automated backups for less than 7 days",
  severity: "medium",
  description:
    `The instance's backup retention (\`backup_retention_period\` / \`BackupRetentionPeriod\`) is below ${MIN_DAYS} days, ` +
    "or not written (AWS then keeps one day). Corruption or a bad migration noticed on Monday cannot be undone " +
    "from Friday's state, and 0 turns automated backups and point-in-time restore off entirely. Read replicas and " +
    "members of a cluster (whose backups the cluster keeps, MAM-AWS-162) are not reported.",
  appliesTo: "aws.rds.InstanceData",
  remediation: {
    text: `Keep automated backups for at least ${MIN_DAYS} days (up to 35), and copy snapshots elsewhere for longer retention.`,
    fix: "backup_retention_period = 7",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_db_instance" "orders" {
  identifier              = "orders"
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  backup_retention_period = 1
}`,
        `resource "aws_db_instance" "orders" {
  identifier     = "orders"
  engine         = "postgres"
  instance_class = "db.t3.micro"
}`,
      ],
      good: [
        `resource "aws_db_instance" "orders" {
  identifier              = "orders"
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  backup_retention_period = 14
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
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Orders:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      BackupRetentionPeriod: "0"`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Orders:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      BackupRetentionPeriod: 7`,
      ],
    },
  },
  evaluate(db) {
    if (db.clusterMember || db.replica) return undefined;
    const d = db.backupRetentionDays;
    const key = `${db.address} backup retention`;
    if (!d) return fail(db.range, `${db.address} does not set backup retention (AWS keeps one day)`, { key });
    if (!d.known || d.value === undefined || d.value >= MIN_DAYS) return undefined;
    return fail(d, d.value === 0 ? `${db.address} has automated backups turned off` : `${db.address} keeps backups for ${d.value} day(s) only`, { key });
  },
});
