import { redactValue } from "../../core/redact.js";
import type { RdsInstance } from "../../models/aws.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<RdsInstance>({
  id: "MAM-AWS-009",
  title: "RDS master password written in the configuration",
  severity: "critical",
  kind: "secret",
  description:
    "The instance's `password` (CloudFormation: `MasterUserPassword`) is a literal, or a variable (parameter) whose " +
    "default is a literal. The master password is then " +
    "in the repository, in every clone and CI log that prints the plan, and in the state file. Passwords that come " +
    "from variables without a default, data sources, other resources or dynamic references (`{{resolve:...}}`) " +
    "are not reported. Findings show the value redacted.",
  appliesTo: "aws.rds.Instance",
  remediation: {
    text: "Let RDS manage the password in Secrets Manager (`manage_master_user_password = true`), or pass it in from a secret store; then rotate the exposed password.",
    fix: "manage_master_user_password = true",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  username          = "app"
  password          = "example-not-a-real-password"
  storage_encrypted = true
}`,
        `variable "db_password" {
  default = "example-Passw0rd"
}

resource "aws_db_instance" "orders" {
  identifier        = "orders"
  instance_class    = "db.t3.micro"
  username          = "app"
  password          = var.db_password
  storage_encrypted = true
}`,
      ],
      good: [
        `resource "aws_db_instance" "orders" {
  identifier                  = "orders"
  instance_class              = "db.t3.micro"
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = true
}`,
        `variable "db_password" {
  sensitive = true
}

resource "aws_db_instance" "orders" {
  identifier        = "orders"
  instance_class    = "db.t3.micro"
  username          = "app"
  password          = var.db_password
  storage_encrypted = true
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
      MasterUserPassword: example-not-a-real-password
      StorageEncrypted: true`,
        `Parameters:
  DbPassword:
    Type: String
    NoEcho: true
    Default: example-Passw0rd
Resources:
  Orders:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      AllocatedStorage: "20"
      MasterUsername: app
      MasterUserPassword: !Ref DbPassword
      StorageEncrypted: true`,
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
      MasterUserPassword: "{{resolve:secretsmanager:orders-db:SecretString:password}}"
      StorageEncrypted: true`,
        `Parameters:
  DbPassword:
    Type: String
    NoEcho: true
Resources:
  Orders:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      AllocatedStorage: "20"
      MasterUsername: app
      MasterUserPassword: !Ref DbPassword
      StorageEncrypted: true`,
      ],
    },
  },
  evaluate(db) {
    if (!isKnown(db.password) || db.password.value === "") return undefined;
    return fail(db.password, `${db.address} has its master password written in the configuration`, {
      key: `${db.address} password`,
      snippet: `password = "${redactValue(db.password.value)}"`,
    });
  },
});
