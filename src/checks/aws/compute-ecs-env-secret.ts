import { redactValue } from "../../core/redact.js";
import type { EcsTaskDefinition } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import { containerLabel, eachContainer } from "./compute-ecs-util.js";
import { secretEnv } from "./compute-secrets.js";

export default defineCheck<EcsTaskDefinition>({
  id: "MAM-AWS-245",
  title: "Credential written in an ECS container's environment",
  severity: "high",
  kind: "secret",
  description:
    "A container's `environment` gives a variable whose name says password, secret, token, API key, access key or " +
    "credentials a written-out value. Task definitions are readable by anyone with `ecs:DescribeTaskDefinition`, " +
    "are kept in every revision, and the value is in the source and the state. The `secrets` list, which takes values " +
    "from Secrets Manager or Parameter Store at start, is the place for it. Findings show the value redacted.",
  appliesTo: "aws.ecs.TaskDefinition",
  references: { trivy: "AVD-AWS-0036" },
  remediation: {
    text: "Move the value to Secrets Manager or SSM Parameter Store and reference it under `secrets`; rotate the exposed credential.",
    fix: 'secrets = [{\n  name      = "DB_PASSWORD"\n  valueFrom = aws_secretsmanager_secret.db.arn\n}]',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([{
    name  = "web"
    image = "registry.example.com/web:1.4.2"
    environment = [
      { name = "LOG_LEVEL", value = "info" },
      { name = "DB_PASSWORD", value = "example-not-a-real-password" },
    ]
  }])
}`,
      ],
      good: [
        `resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([{
    name  = "web"
    image = "registry.example.com/web:1.4.2"
    environment = [{ name = "LOG_LEVEL", value = "info" }]
    secrets     = [{ name = "DB_PASSWORD", valueFrom = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db" }]
  }])
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  WebTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: web
      ContainerDefinitions:
        - Name: web
          Image: registry.example.com/web:1.4.2
          Environment:
            - Name: API_TOKEN
              Value: example-token-not-real-123`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  WebTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: web
      ContainerDefinitions:
        - Name: web
          Image: registry.example.com/web:1.4.2
          Secrets:
            - Name: API_TOKEN
              ValueFrom: arn:aws:ssm:eu-west-1:111122223333:parameter/web/api-token`,
      ],
    },
  },
  evaluate: (t) =>
    eachContainer(t, (c) =>
      secretEnv(c.env).map((e) =>
        fail(e.value, `${containerLabel(t, c)} sets ${e.name} to a credential written in the task definition`, {
          key: `${t.address} ${c.name} env ${e.name}`,
          snippet: `{ name = "${e.name}", value = "${redactValue(e.value.value)}" }`,
        }),
      ),
    ),
});
