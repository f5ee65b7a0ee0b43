import type { EcsTaskDefinition } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import { containerLabel, eachContainer } from "./compute-ecs-util.js";

/** `root`, `0`, `root:staff`, `0:0`: a user that is root whatever the group. */
const ROOT = /^(?:root|0)(?::.*)?$/;

export default defineCheck<EcsTaskDefinition>({
  id: "MAM-AWS-243",
  title: "ECS container may run as root",
  severity: "medium",
  description:
    "A container definition sets no `user` / `User`, or sets root (`root`, `0`, with any group). Without a " +
    "user the container runs as whatever its image says, root for most images. A compromised process running as " +
    "root in the container can write to every mounted volume and, with a kernel flaw or a broad capability, reach " +
    "the host. Users given by a variable are not judged.",
  appliesTo: "aws.ecs.TaskDefinition",
  remediation: {
    text: "Run the container as an unprivileged user: set `user` to a non-zero UID (and build the image with a USER).",
    fix: 'user = "10001:10001"',
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
  }])
}`,
        `resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = <<-EOT
    [{ "name": "web", "image": "registry.example.com/web:1.4.2", "user": "0" }]
  EOT
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
    user  = "10001:10001"
  }])
}`,
        `resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = file("containers.json")
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
          User: root`,
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
          User: "10001"`,
      ],
    },
  },
  evaluate: (t) =>
    eachContainer(t, (c) => {
      if (!c.user) return fail(c.range, `${containerLabel(t, c)} may run as root: no user is set`, { key: `${t.address} ${c.name} user` });
      if (!c.user.known || !ROOT.test(c.user.value ?? "")) return undefined;
      return fail(c.user, `${containerLabel(t, c)} runs as root`, { key: `${t.address} ${c.name} user` });
    }),
});
