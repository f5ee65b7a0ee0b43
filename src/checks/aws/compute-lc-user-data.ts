import type { LaunchConfiguration } from "../../models/aws-compute.js";
import { defineCheck } from "../define.js";
import { userDataSecrets } from "./compute-launch.js";

export default defineCheck<LaunchConfiguration>({
  id: "MAM-AWS-212",
  title: "Launch configuration user data holds a credential",
  severity: "critical",
  kind: "secret",
  description:
    "The launch configuration's user data sets a variable whose name says password, secret, token or key to a " +
    "written-out value, or contains an access key or a private key. Every instance of the Auto Scaling group serves " +
    "it from its metadata service, and anyone allowed to describe launch configurations reads it. Values taken from " +
    "variables or commands are not reported; findings name the variable, never the value.",
  appliesTo: "aws.autoscaling.LaunchConfiguration",
  remediation: {
    text: "Fetch secrets at boot from Secrets Manager or SSM Parameter Store with the instance role; replace the launch configuration and rotate the credential.",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_launch_configuration" "web" {
  name_prefix   = "web-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  user_data     = "#!/bin/bash\\nexport APP_SECRET=example-not-a-real-secret\\n"
}`,
      ],
      good: [
        `resource "aws_launch_configuration" "web" {
  name_prefix   = "web-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  user_data     = "#!/bin/bash\\nexport APP_SECRET_ID=prod/app\\n"
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  WebConfig:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.micro
      UserData: IyEvYmluL2Jhc2gKQVBJX1RPS0VOPWV4YW1wbGUtdG9rZW4tbm90LXJlYWwK`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  WebConfig:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.micro
      UserData: IyEvYmluL2Jhc2gKc3lzdGVtY3RsIHN0YXJ0IGFwcAo=`,
      ],
    },
  },
  evaluate: (m) => userDataSecrets(m),
});
