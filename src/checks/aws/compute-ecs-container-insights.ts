import type { EcsCluster } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<EcsCluster>({
  id: "MAM-AWS-248",
  title: "ECS cluster has Container Insights off",
  severity: "low",
  description:
    "The cluster has no `containerInsights` setting of `enabled` or `enhanced`. Without Container Insights " +
    "there are no per-task and per-container metrics and no performance log events: a task that suddenly burns CPU " +
    "or network (a miner, an exfiltration) shows up only as a cluster average. An account-wide default in the file " +
    "counts.",
  appliesTo: "aws.ecs.Cluster",
  references: { checkov: "CKV_AWS_65", trivy: "AVD-AWS-0034" },
  remediation: { text: "Turn on Container Insights for the cluster.", fix: 'setting {\n  name  = "containerInsights"\n  value = "enabled"\n}' },
  examples: {
    terraform: {
      bad: [
        `resource "aws_ecs_cluster" "main" {
  name = "main"
}`,
        `resource "aws_ecs_cluster" "main" {
  name = "main"

  setting {
    name  = "containerInsights"
    value = "disabled"
  }
}`,
      ],
      good: [
        `resource "aws_ecs_cluster" "main" {
  name = "main"

  setting {
    name  = "containerInsights"
    value = "enhanced"
  }
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Cluster:
    Type: AWS::ECS::Cluster
    Properties:
      ClusterName: main`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Cluster:
    Type: AWS::ECS::Cluster
    Properties:
      ClusterName: main
      ClusterSettings:
        - Name: containerInsights
          Value: enabled`,
      ],
    },
  },
  evaluate(c) {
    const v = c.containerInsights;
    if (c.accountDefault && !v) return undefined;
    if (v && (!v.known || v.value === "enabled" || v.value === "enhanced")) return undefined;
    return fail(v ?? c.range, `${c.address} has Container Insights off`, { key: `${c.address} container insights` });
  },
});
