import type { EksCluster } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import { isKnown, OPEN_CIDRS } from "./util.js";

export default defineCheck<EksCluster>({
  id: "MAM-AWS-234",
  title: "EKS API endpoint is open to the whole internet",
  severity: "high",
  description:
    "The cluster's public API endpoint is on (the default) and its allowed ranges are 0.0.0.0/0, written or by " +
    "default. The Kubernetes API server is then reachable from anywhere: every unauthenticated-access flaw, leaked " +
    "kubeconfig or token is exploitable from the internet. Clusters with only a private endpoint, or a public one " +
    "limited to known ranges, pass; ranges given by a variable are not reported.",
  appliesTo: "aws.eks.Cluster",
  references: { checkov: "CKV_AWS_38", trivy: "AVD-AWS-0041" },
  remediation: {
    text: "Turn on the private endpoint and turn off the public one, or limit the public endpoint to the ranges that administer the cluster.",
    fix: 'vpc_config {\n  subnet_ids              = var.subnet_ids\n  endpoint_private_access = true\n  endpoint_public_access  = true\n  public_access_cidrs     = ["203.0.113.0/24"]\n}',
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
  name     = "main"
  role_arn = aws_iam_role.cluster.arn

  vpc_config {
    subnet_ids             = var.subnet_ids
    endpoint_public_access = true
    public_access_cidrs    = ["0.0.0.0/0"]
  }
}`,
      ],
      good: [
        `resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = aws_iam_role.cluster.arn

  vpc_config {
    subnet_ids              = var.subnet_ids
    endpoint_private_access = true
    endpoint_public_access  = false
  }
}`,
        `resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = aws_iam_role.cluster.arn

  vpc_config {
    subnet_ids          = var.subnet_ids
    public_access_cidrs = ["203.0.113.0/24"]
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
        EndpointPublicAccess: true`,
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
        EndpointPrivateAccess: true
        EndpointPublicAccess: false`,
      ],
    },
  },
  evaluate(c) {
    if (c.endpointPublicAccess && (!c.endpointPublicAccess.known || c.endpointPublicAccess.value === false)) return undefined;
    if (c.publicAccessCidrs === undefined) return fail(c.endpointPublicAccess ?? c.range, `${c.address} has a public API endpoint open to 0.0.0.0/0 (the default ranges)`, { key: `${c.address} public endpoint` });
    const open = c.publicAccessCidrs.find((v) => isKnown(v) && OPEN_CIDRS.has(v.value));
    if (!open) return undefined;
    return fail(open, `${c.address} has a public API endpoint open to ${open.value}`, { key: `${c.address} public endpoint` });
  },
});
