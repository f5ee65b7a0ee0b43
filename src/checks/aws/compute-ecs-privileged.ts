import type { EcsTaskDefinition } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import { containerLabel, eachContainer } from "./compute-ecs-util.js";
import { isKnown } from "./util.js";

export default defineCheck<EcsTaskDefinition>({
  id: "MAM-AWS-242",
  title: "ECS container runs privileged",
  severity: "high",
  description:
    "A container definition sets `privileged` / `Privileged` to true. The container then has every Linux " +
    "capability and access to the host's devices: escaping to the EC2 container instance, and from there to every " +
    "other task on it and the instance role, is straightforward. Fargate refuses privileged containers; on EC2 " +
    "they are allowed.",
  appliesTo: "aws.ecs.TaskDefinition",
  remediation: {
    text: "Drop `privileged` and add only the Linux capabilities the container needs (linuxParameters.capabilities.add).",
    fix: 'linuxParameters = {\n  capabilities = { add = ["NET_BIND_SERVICE"], drop = ["ALL"] }\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_ecs_task_definition" "agent" {
  family       = "agent"
  network_mode = "bridge"
  container_definitions = jsonencode([{
    name       = "agent"
    image      = "registry.example.com/agent:2.1.0"
    memory     = 256
    privileged = true
  }])
}`,
      ],
      good: [
        `resource "aws_ecs_task_definition" "agent" {
  family       = "agent"
  network_mode = "bridge"
  container_definitions = jsonencode([{
    name       = "agent"
    image      = "registry.example.com/agent:2.1.0"
    memory     = 256
    privileged = false
  }])
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AgentTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: agent
      NetworkMode: bridge
      ContainerDefinitions:
        - Name: agent
          Image: registry.example.com/agent:2.1.0
          Memory: 256
          Privileged: true`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AgentTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: agent
      NetworkMode: bridge
      ContainerDefinitions:
        - Name: agent
          Image: registry.example.com/agent:2.1.0
          Memory: 256`,
      ],
    },
  },
  evaluate: (t) =>
    eachContainer(t, (c) =>
      isKnown(c.privileged, true) ? fail(c.privileged, `${containerLabel(t, c)} runs privileged`, { key: `${t.address} ${c.name} privileged` }) : undefined,
    ),
});
