import type { EcsTaskDefinition } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<EcsTaskDefinition>({
  id: "MAM-AWS-246",
  title: "ECS task uses the host's network",
  severity: "medium",
  description:
    "The task definition's `network_mode` / `NetworkMode` is `host`. Its containers then share the container " +
    "instance's network stack: they can bind any port on the host, see its interfaces, reach services listening on " +
    "localhost, and the task cannot have security groups of its own (as `awsvpc` tasks do).",
  appliesTo: "aws.ecs.TaskDefinition",
  remediation: {
    text: "Use the `awsvpc` network mode (each task gets its own interface and security groups), or `bridge` with mapped ports.",
    fix: 'network_mode = "awsvpc"',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_ecs_task_definition" "proxy" {
  family       = "proxy"
  network_mode = "host"
  container_definitions = jsonencode([{
    name   = "proxy"
    image  = "registry.example.com/proxy:3.0.1"
    memory = 128
  }])
}`,
      ],
      good: [
        `resource "aws_ecs_task_definition" "proxy" {
  family       = "proxy"
  network_mode = "awsvpc"
  container_definitions = jsonencode([{
    name   = "proxy"
    image  = "registry.example.com/proxy:3.0.1"
    memory = 128
  }])
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  ProxyTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: proxy
      NetworkMode: host
      ContainerDefinitions:
        - Name: proxy
          Image: registry.example.com/proxy:3.0.1
          Memory: 128`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  ProxyTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: proxy
      NetworkMode: awsvpc
      ContainerDefinitions:
        - Name: proxy
          Image: registry.example.com/proxy:3.0.1
          Memory: 128`,
      ],
    },
  },
  evaluate(t) {
    if (!isKnown(t.networkMode, "host")) return undefined;
    return fail(t.networkMode, `${t.address} uses the host's network`, { key: `${t.address} host network` });
  },
});
