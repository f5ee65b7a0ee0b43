import type { RdsInstanceData } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { disabledAt } from "./data-util.js";

export default defineCheck<RdsInstanceData>({
  id: "MAM-AWS-153",
  title: "RDS instance does not take minor engine upgrades automatically",
  severity: "low",
  description:
    "Automatic minor version upgrades are turned off (`auto_minor_version_upgrade` / `AutoMinorVersionUpgrade` " +
    "false). Minor versions carry the engine's security fixes; with upgrades off, the instance keeps running a " +
    "version with known vulnerabilities until someone remembers to upgrade it by hand.",
  appliesTo: "aws.rds.InstanceData",
  references: { checkov: "CKV_AWS_226" },
  compliance: [{ framework: "cis-aws-3.0", control: "2.3.2" }],
  remediation: {
    text: "Turn automatic minor version upgrades back on; they are applied in the maintenance window.",
    fix: "auto_minor_version_upgrade = true",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_db_instance" "orders" {
  identifier                 = "orders"
  engine                     = "postgres"
  instance_class             = "db.t3.micro"
  auto_minor_version_upgrade = false
}`,
        `resource "aws_rds_cluster_instance" "writer" {
  cluster_identifier         = aws_rds_cluster.orders.id
  instance_class             = "db.r6g.large"
  engine                     = "aurora-postgresql"
  auto_minor_version_upgrade = false
}`,
      ],
      good: [
        `resource "aws_db_instance" "orders" {
  identifier     = "orders"
  engine         = "postgres"
  instance_class = "db.t3.micro"
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
      AutoMinorVersionUpgrade: "false"`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Orders:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      AutoMinorVersionUpgrade: true`,
      ],
    },
  },
  evaluate(db) {
    const at = disabledAt(db.autoMinorUpgrade);
    return at ? fail(at, `${db.address} does not install minor engine versions (security fixes) automatically`, { key: `${db.address} minor upgrade` }) : undefined;
  },
});
