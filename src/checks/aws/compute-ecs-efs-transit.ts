import type { EcsTaskDefinition } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<EcsTaskDefinition>({
  id: "MAM-AWS-247",
  title: "ECS task mounts EFS without encryption in transit",
  severity: "medium",
  description:
    "An EFS volume of the task definition does not set `transit_encryption` / `TransitEncryption` to `ENABLED` " +
    "(the default is DISABLED). File contents then travel between the task and the file system in clear NFS.",
  appliesTo: "aws.ecs.TaskDefinition",
  references: { checkov: "CKV_AWS_97", trivy: "AVD-AWS-0035" },
  remediation: {
    text: "Enable transit encryption on every EFS volume (and use an access point with IAM authorisation).",
    fix: 'efs_volume_configuration {\n  file_system_id     = aws_efs_file_system.data.id\n  transit_encryption = "ENABLED"\n}',
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
  container_definitions = jsonencode([{ name = "web", image = "registry.example.com/web:1.4.2" }])

  volume {
    name = "data"
    efs_volume_configuration {
      file_system_id = aws_efs_file_system.data.id
    }
  }
}`,
      ],
      good: [
        `resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([{ name = "web", image = "registry.example.com/web:1.4.2" }])

  volume {
    name = "data"
    efs_volume_configuration {
      file_system_id     = aws_efs_file_system.data.id
      transit_encryption = "ENABLED"
    }
  }
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
      Volumes:
        - Name: data
          EFSVolumeConfiguration:
            FilesystemId: fs-0abc1234
            TransitEncryption: DISABLED`,
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
      Volumes:
        - Name: data
          EFSVolumeConfiguration:
            FilesystemId: fs-0abc1234
            TransitEncryption: ENABLED`,
      ],
    },
  },
  evaluate: (t) =>
    t.efsVolumes
      .filter((v) => !v.transitEncryption || isKnown(v.transitEncryption, "DISABLED"))
      .map((v) => fail(v.transitEncryption ?? v.range, `EFS volume ${v.name} of ${t.address} is mounted without encryption in transit`, { key: `${t.address} efs ${v.name}` })),
});
