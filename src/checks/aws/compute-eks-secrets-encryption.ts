import type { EksCluster } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<EksCluster>({
  id: "MAM-AWS-235",
  title: "EKS secrets are not encrypted with a KMS key of yours",
  severity: "medium",
  description:
    "The cluster has no encryption config that lists `secrets` with a KMS key. Kubernetes Secrets are then protected " +
    "only by the storage encryption AWS manages, not by envelope encryption under a key you control: you cannot " +
    "audit decryptions in CloudTrail, restrict them by key policy, or make the data unreadable by disabling the key.",
  appliesTo: "aws.eks.Cluster",
  references: { checkov: "CKV_AWS_58", trivy: "AVD-AWS-0039" },
  remediation: {
    text: "Add an encryption config for `secrets` with a customer managed KMS key (it cannot be removed afterwards).",
    fix: 'encryption_config {\n  resources = ["secrets"]\n  provider {\n    key_arn = aws_kms_key.eks.arn\n  }\n}',
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
      ],
      good: [
        `resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = aws_iam_role.cluster.arn

  vpc_config {
    subnet_ids = var.subnet_ids
  }

  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = aws_kms_key.eks.arn
    }
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
        SubnetIds: [subnet-0abc1234, subnet-0def5678]`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  EksKey:
    Type: AWS::KMS::Key
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0abc1234, subnet-0def5678]
      EncryptionConfig:
        - Resources: [secrets]
          Provider:
            KeyArn: !GetAtt EksKey.Arn`,
      ],
    },
  },
  evaluate(c) {
    const listed = c.encryptedResources ?? [];
    if (listed.some((r) => !r.known || isKnown(r, "secrets"))) return undefined;
    return fail(c.range, `${c.address} does not encrypt secrets with a KMS key`, { key: `${c.address} secrets encryption` });
  },
});
