import type { EksNodeGroup } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<EksNodeGroup>({
  id: "MAM-AWS-237",
  title: "EKS node group allows SSH from anywhere",
  severity: "high",
  description:
    "The node group has remote access (an SSH key) but no source security groups. EKS then opens port 22 on the " +
    "nodes to 0.0.0.0/0, so every node of the cluster accepts SSH connections from the internet wherever it has a " +
    "public address, and from the whole VPC otherwise.",
  appliesTo: "aws.eks.NodeGroup",
  references: { checkov: "CKV_AWS_100" },
  remediation: {
    text: "Name the security groups allowed to SSH to the nodes, or drop remote access and use SSM Session Manager.",
    fix: "remote_access {\n  ec2_ssh_key               = aws_key_pair.ops.key_name\n  source_security_group_ids = [aws_security_group.bastion.id]\n}",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_eks_node_group" "workers" {
  cluster_name  = aws_eks_cluster.main.name
  node_role_arn = aws_iam_role.nodes.arn
  subnet_ids    = var.subnet_ids

  scaling_config {
    desired_size = 2
    max_size     = 4
    min_size     = 1
  }

  remote_access {
    ec2_ssh_key = "ops"
  }
}`,
      ],
      good: [
        `resource "aws_eks_node_group" "workers" {
  cluster_name  = aws_eks_cluster.main.name
  node_role_arn = aws_iam_role.nodes.arn
  subnet_ids    = var.subnet_ids

  scaling_config {
    desired_size = 2
    max_size     = 4
    min_size     = 1
  }

  remote_access {
    ec2_ssh_key               = "ops"
    source_security_group_ids = [aws_security_group.bastion.id]
  }
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Workers:
    Type: AWS::EKS::Nodegroup
    Properties:
      ClusterName: main
      NodeRole: arn:aws:iam::111122223333:role/nodes
      Subnets: [subnet-0abc1234]
      RemoteAccess:
        Ec2SshKey: ops`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Workers:
    Type: AWS::EKS::Nodegroup
    Properties:
      ClusterName: main
      NodeRole: arn:aws:iam::111122223333:role/nodes
      Subnets: [subnet-0abc1234]
      RemoteAccess:
        Ec2SshKey: ops
        SourceSecurityGroups: [sg-0abc1234]`,
      ],
    },
  },
  evaluate(n) {
    if (!n.remoteAccess || n.remoteAccess.sourceGroups.length > 0) return undefined;
    return fail(n.remoteAccess.range, `${n.address} allows SSH to its nodes from anywhere: remote access has no source security groups`, { key: `${n.address} ssh` });
  },
});
