// Terraform onto the container services: EKS clusters and node groups, ECR repositories and their
// policies, ECS task definitions and clusters.
import type { EcrRepository, EcrRepositoryPolicy, EcsCluster, EcsEfsVolume, EcsTaskDefinition, EksCluster, EksNodeGroup } from "../../models/aws-compute.js";
import { ecsContainers, policyStatements } from "./aws-compute-doc.js";
import type { TfIndex, TfMapper, TfResource } from "./types.js";
import { base, blocksOf, boolOf, stringOf, stringsOf } from "./util.js";

function eksCluster(r: TfResource): EksCluster {
  const m: EksCluster = base(r, "aws.eks.Cluster");
  const vpc = blocksOf(r, "vpc_config")[0];
  const pub = boolOf(vpc?.attrs.get("endpoint_public_access"));
  if (pub) m.endpointPublicAccess = pub;
  const cidrs = vpc?.attrs.get("public_access_cidrs");
  if (cidrs) m.publicAccessCidrs = stringsOf(cidrs);
  const enc = blocksOf(r, "encryption_config");
  if (enc.length > 0) m.encryptedResources = enc.flatMap((e) => stringsOf(e.attrs.get("resources")));
  const logs = r.block.attrs.get("enabled_cluster_log_types");
  if (logs) m.logTypes = stringsOf(logs);
  return m;
}

function eksNodeGroup(r: TfResource): EksNodeGroup {
  const m: EksNodeGroup = base(r, "aws.eks.NodeGroup");
  const ra = blocksOf(r, "remote_access")[0];
  if (ra) m.remoteAccess = { range: ra.range, sourceGroups: stringsOf(ra.attrs.get("source_security_group_ids")) };
  return m;
}

function ecrRepositories(index: TfIndex): EcrRepository[] {
  const registry = index.ofType("aws_ecr_registry_scanning_configuration")[0];
  return index.ofType("aws_ecr_repository").map((r) => {
    const m: EcrRepository = base(r, "aws.ecr.Repository");
    const scan = blocksOf(r, "image_scanning_configuration")[0];
    const onPush = boolOf(scan?.attrs.get("scan_on_push"));
    if (onPush) m.scanOnPush = onPush;
    else if (scan) m.scanOnPush = { value: false, known: true, range: scan.range };
    if (registry) m.registryScanning = registry.block.range;
    const mutability = stringOf(r.block.attrs.get("image_tag_mutability"));
    if (mutability) m.tagMutability = mutability;
    const enc = stringOf(blocksOf(r, "encryption_configuration")[0]?.attrs.get("encryption_type"));
    if (enc) m.encryptionType = enc;
    return m;
  });
}

function ecrPolicy(r: TfResource): EcrRepositoryPolicy {
  const m: EcrRepositoryPolicy = base(r, "aws.ecr.RepositoryPolicy");
  const statements = policyStatements(r.block.attrs.get("policy"));
  if (statements) m.statements = statements;
  return m;
}

function taskDefinition(r: TfResource): EcsTaskDefinition {
  const efsVolumes: EcsEfsVolume[] = blocksOf(r, "volume").flatMap((v) =>
    blocksOf(v, "efs_volume_configuration").map((e) => {
      const vol: EcsEfsVolume = { name: stringOf(v.attrs.get("name"))?.value ?? "volume", range: e.range };
      const transit = stringOf(e.attrs.get("transit_encryption"));
      if (transit) vol.transitEncryption = transit;
      return vol;
    }),
  );
  const m: EcsTaskDefinition = { ...base(r, "aws.ecs.TaskDefinition"), efsVolumes };
  const mode = stringOf(r.block.attrs.get("network_mode"));
  if (mode) m.networkMode = mode;
  const containers = ecsContainers(r.block.attrs.get("container_definitions"));
  if (containers) m.containers = containers;
  return m;
}

function ecsClusters(index: TfIndex): EcsCluster[] {
  const account = index.ofType("aws_ecs_account_setting_default").find((s) => stringOf(s.block.attrs.get("name"))?.value === "containerInsights");
  return index.ofType("aws_ecs_cluster").map((r) => {
    const m: EcsCluster = base(r, "aws.ecs.Cluster");
    const setting = blocksOf(r, "setting").find((s) => stringOf(s.attrs.get("name"))?.value === "containerInsights");
    const value = stringOf(setting?.attrs.get("value"));
    if (value) m.containerInsights = value;
    if (account) m.accountDefault = account.block.range;
    return m;
  });
}

export const awsComputeContainerMappers: readonly TfMapper[] = [
  (index) => index.ofType("aws_eks_cluster").map(eksCluster),
  (index) => index.ofType("aws_eks_node_group").map(eksNodeGroup),
  ecrRepositories,
  (index) => index.ofType("aws_ecr_repository_policy").map(ecrPolicy),
  (index) => index.ofType("aws_ecs_task_definition").map(taskDefinition),
  ecsClusters,
];
