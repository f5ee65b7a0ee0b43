import type { EcsTaskDefinition } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import { containerLabel, eachContainer } from "./compute-ecs-util.js";
import { isKnown } from "./util.js";

export default defineCheck<EcsTaskDefinition>({
  id: "MAM-AWS-244",
  title: "ECS container root filesystem is writable",
  severity: "low",
  description:
    "A container definition does not set `readonlyRootFilesystem` / `ReadonlyRootFilesystem` to true. An " +
    "attacker who gets code execution can then drop tools, change binaries and persist in the container's " +
    "filesystem. With a read-only root, writes go only to volumes you mount on purpose.",
  appliesTo: "aws.ecs.TaskDefinition",
  references: { checkov: "CKV_AWS_336" },
  remediation: {
    text: "Make the root filesystem read-only and mount a volume (or a tmpfs on EC2) where the application must write.",
    fix: "readonlyRootFilesystem = true",
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
    user  = "10001"
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
    name                   = "web"
    image                  = "registry.example.com/web:1.4.2"
    user                   = "10001"
    readonlyRootFilesystem = true
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
          ReadonlyRootFilesystem: false`,
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
          ReadonlyRootFilesystem: true`,
      ],
    },
  },
  evaluate: (t) =>
    eachContainer(t, (c) => {
      if (c.readonlyRootFilesystem && (!c.readonlyRootFilesystem.known || isKnown(c.readonlyRootFilesystem, true))) return undefined;
      return fail(c.readonlyRootFilesystem ?? c.range, `${containerLabel(t, c)} has a writable root filesystem`, { key: `${t.address} ${c.name} readonly root` });
    }),
});
