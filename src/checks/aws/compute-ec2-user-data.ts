import type { Ec2Instance } from "../../models/aws-compute.js";
import { defineCheck } from "../define.js";
import { userDataSecrets } from "./compute-launch.js";

export default defineCheck<Ec2Instance>({
  id: "MAM-AWS-203",
  title: "EC2 instance user data holds a credential",
  severity: "critical",
  kind: "secret",
  description:
    "The instance's user data sets a variable whose name says password, secret, token or key to a written-out " +
    "value, or contains an access key or a private key. User data is not secret: anyone allowed to describe the " +
    "instance attribute reads it, and every process on the instance can fetch it from the metadata service. " +
    "Base64-encoded user data is decoded first; values taken from variables or commands (`$(aws ssm ...)`) are not " +
    "reported. Findings name the variable, never the value.",
  appliesTo: "aws.ec2.Instance",
  references: { checkov: "CKV_AWS_46", trivy: "AVD-AWS-0029" },
  remediation: {
    text: "Give the instance a role and fetch secrets at boot from Secrets Manager or SSM Parameter Store; remove the value from user data and rotate it.",
    fix: 'user_data = <<-EOT\n  #!/bin/bash\n  DB_PASSWORD="$(aws ssm get-parameter --name /app/db-password --with-decryption --query Parameter.Value --output text)"\nEOT',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    export DB_PASSWORD="example-not-a-real-password"
    systemctl start app
  EOT
}`,
        `resource "aws_instance" "web" {
  ami              = "ami-0abcdef1234567890"
  instance_type    = "t3.micro"
  user_data_base64 = "IyEvYmluL2Jhc2gKQVBJX1RPS0VOPWV4YW1wbGUtdG9rZW4tbm90LXJlYWwK"
}`,
      ],
      good: [
        `resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    DB_PASSWORD="$(aws ssm get-parameter --name /app/db --with-decryption --query Parameter.Value --output text)"
    export DB_PASSWORD
    systemctl start app
  EOT
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.micro
      UserData: IyEvYmluL2Jhc2gKQVBJX1RPS0VOPWV4YW1wbGUtdG9rZW4tbm90LXJlYWwK`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.micro
      UserData: IyEvYmluL2Jhc2gKc3lzdGVtY3RsIHN0YXJ0IGFwcAo=`,
      ],
    },
  },
  evaluate: (m) => userDataSecrets(m),
});
