import type { LaunchTemplate } from "../../models/aws-compute.js";
import { defineCheck } from "../define.js";
import { userDataSecrets } from "./compute-launch.js";

export default defineCheck<LaunchTemplate>({
  id: "MAM-AWS-208",
  title: "Launch template user data holds a credential",
  severity: "critical",
  kind: "secret",
  description:
    "The launch template's user data (decoded from base64) sets a variable whose name says password, secret, token " +
    "or key to a written-out value, or contains an access key or a private key. Every instance launched from the " +
    "template serves it from its metadata service, and anyone allowed to read the template version sees it. Values " +
    "taken from variables or commands are not reported; findings name the variable, never the value.",
  appliesTo: "aws.ec2.LaunchTemplate",
  references: { trivy: "AVD-AWS-0129" },
  remediation: {
    text: "Fetch secrets at boot from Secrets Manager or SSM Parameter Store with the instance role; remove the value from the template and rotate it.",
    fix: 'user_data = base64encode(templatefile("boot.sh", { parameter = "/app/db-password" }))',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_launch_template" "web" {
  name_prefix = "web-"
  image_id    = "ami-0abcdef1234567890"
  user_data   = "IyEvYmluL2Jhc2gKQVBJX1RPS0VOPWV4YW1wbGUtdG9rZW4tbm90LXJlYWwK"
}`,
      ],
      good: [
        `resource "aws_launch_template" "web" {
  name_prefix = "web-"
  image_id    = "ami-0abcdef1234567890"
  user_data   = "IyEvYmluL2Jhc2gKc3lzdGVtY3RsIHN0YXJ0IGFwcAo="
}`,
        `resource "aws_launch_template" "web" {
  name_prefix = "web-"
  image_id    = "ami-0abcdef1234567890"
  user_data   = filebase64("boot.sh")
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  WebTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: ami-0abcdef1234567890
        UserData: IyEvYmluL2Jhc2gKQVBJX1RPS0VOPWV4YW1wbGUtdG9rZW4tbm90LXJlYWwK`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  WebTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: ami-0abcdef1234567890
        UserData: IyEvYmluL2Jhc2gKc3lzdGVtY3RsIHN0YXJ0IGFwcAo=`,
      ],
    },
  },
  evaluate: (m) => userDataSecrets(m),
});
