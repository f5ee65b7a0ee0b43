import type { EksCluster } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";

const LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

export default defineCheck<EksCluster>({
  id: "MAM-AWS-236",
  title: "EKS control plane logging is incomplete",
  severity: "medium",
  description:
    "Not all five control plane log types (api, audit, authenticator, controllerManager, scheduler) are enabled. " +
    "The audit log in particular is the only record of who read which Secret or created which RoleBinding; the " +
    "authenticator log ties requests to IAM identities. Without them an intrusion into the cluster cannot be " +
    "reconstructed. Log types given by a variable are not judged.",
  appliesTo: "aws.eks.Cluster",
  references: { checkov: "CKV_AWS_37", trivy: "AVD-AWS-0038" },
  remediation: {
    text: "Enable every control plane log type (and set a retention on the /aws/eks/<cluster>/cluster log group).",
    fix: 'enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = aws_iam_role.cluster.arn

  vpc_config {
    subnet_ids = var.subnet_ids
  }
}`,
        `resource "aws_eks_cluster" "main" {
  name                      = "main"
  role_arn                  = aws_iam_role.cluster.arn
  enabled_cluster_log_types = ["api", "authenticator"]

  vpc_config {
    subnet_ids = var.subnet_ids
  }
}`,
      ],
      good: [
        `resource "aws_eks_cluster" "main" {
  name                      = "main"
  role_arn                  = aws_iam_role.cluster.arn
  enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]

  vpc_config {
    subnet_ids = var.subnet_ids
  }
}`,
        `resource "aws_eks_cluster" "main" {
  name                      = "main"
  role_arn                  = aws_iam_role.cluster.arn
  enabled_cluster_log_types = var.log_types

  vpc_config {
    subnet_ids = var.subnet_ids
  }
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0abc1234, subnet-0def5678]
      Logging:
        ClusterLogging:
          EnabledTypes:
            - Type: api`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0abc1234, subnet-0def5678]
      Logging:
        ClusterLogging:
          EnabledTypes:
            - Type: api
            - Type: audit
            - Type: authenticator
            - Type: controllerManager
            - Type: scheduler`,
      ],
    },
  },
  evaluate(c) {
    const types = c.logTypes ?? [];
    if (types.some((t) => !t.known)) return undefined;
    const on = new Set(types.map((t) => t.value));
    const missing = LOG_TYPES.filter((t) => !on.has(t));
    if (missing.length === 0) return undefined;
    return fail(types[0] ?? c.range, `${c.address} does not log ${missing.join(", ")}`, { key: `${c.address} control plane logs` });
  },
});
