// CloudFormation onto the container services: EKS clusters and node groups, ECR repositories (the
// repository policy is a property), ECS task definitions and clusters.
import type { EcrRepository, EcrRepositoryPolicy, EcsCluster, EcsEfsVolume, EcsTaskDefinition, EksCluster, EksNodeGroup } from "../../models/aws-compute.js";
import { ecsContainers, entryOf, policyStatements } from "../tf/aws-compute-doc.js";
import type { CfnIndex, CfnMapper, CfnResource } from "./types.js";
import { base, boolOf, itemsOf, prop, stringOf, stringsOf } from "./util.js";

function eksCluster(r: CfnResource): EksCluster {
  const m: EksCluster = base(r, "aws.eks.Cluster");
  const pub = boolOf(prop(r, "ResourcesVpcConfig.EndpointPublicAccess"));
  if (pub) m.endpointPublicAccess = pub;
  const cidrs = prop(r, "ResourcesVpcConfig.PublicAccessCidrs");
  if (cidrs) m.publicAccessCidrs = stringsOf(cidrs);
  const enc = prop(r, "EncryptionConfig");
  if (enc) m.encryptedResources = itemsOf(enc).flatMap((e) => stringsOf(entryOf(e, "Resources")));
  const types = prop(r, "Logging.ClusterLogging.EnabledTypes");
  if (types) m.logTypes = types.t === "list" ? types.items.flatMap((t) => stringsOf(entryOf(t, "Type") ?? t)) : stringsOf(types);
  return m;
}

function eksNodeGroup(r: CfnResource): EksNodeGroup {
  const m: EksNodeGroup = base(r, "aws.eks.NodeGroup");
  const ra = prop(r, "RemoteAccess");
  if (ra) m.remoteAccess = { range: ra.range, sourceGroups: stringsOf(entryOf(ra, "SourceSecurityGroups")) };
  return m;
}

function ecrRepository(r: CfnResource, registry: CfnResource | undefined): EcrRepository {
  const m: EcrRepository = base(r, "aws.ecr.Repository");
  const scan = prop(r, "ImageScanningConfiguration");
  const onPush = boolOf(entryOf(scan, "ScanOnPush"));
  if (onPush) m.scanOnPush = onPush;
  else if (scan) m.scanOnPush = { value: false, known: true, range: scan.range };
  if (registry) m.registryScanning = registry.range;
  const mutability = stringOf(prop(r, "ImageTagMutability"));
  if (mutability) m.tagMutability = mutability;
  const enc = stringOf(prop(r, "EncryptionConfiguration.EncryptionType"));
  if (enc) m.encryptionType = enc;
  return m;
}

function ecrPolicies(index: CfnIndex): EcrRepositoryPolicy[] {
  return index.ofType("AWS::ECR::Repository").flatMap((r): EcrRepositoryPolicy[] => {
    const policy = prop(r, "RepositoryPolicyText");
    if (!policy) return [];
    const m: EcrRepositoryPolicy = { ...base(r, "aws.ecr.RepositoryPolicy"), range: policy.range };
    const statements = policyStatements(policy);
    if (statements) m.statements = statements;
    return [m];
  });
}

function taskDefinition(r: CfnResource): EcsTaskDefinition {
  const efsVolumes: EcsEfsVolume[] = itemsOf(prop(r, "Volumes")).flatMap((v) => {
    const efs = entryOf(v, "EFSVolumeConfiguration");
    if (!efs) return [];
    const vol: EcsEfsVolume = { name: stringOf(entryOf(v, "Name"))?.value ?? "volume", range: efs.range };
    const transit = stringOf(entryOf(efs, "TransitEncryption"));
    if (transit) vol.transitEncryption = transit;
    return [vol];
  });
  const m: EcsTaskDefinition = { ...base(r, "aws.ecs.TaskDefinition"), efsVolumes };
  const mode = stringOf(prop(r, "NetworkMode"));
  if (mode) m.networkMode = mode;
  const containers = ecsContainers(prop(r, "ContainerDefinitions"));
  if (containers) m.containers = containers;
  return m;
}

function ecsCluster(r: CfnResource): EcsCluster {
  const m: EcsCluster = base(r, "aws.ecs.Cluster");
  const setting = itemsOf(prop(r, "ClusterSettings")).find((s) => stringOf(entryOf(s, "Name"))?.value === "containerInsights");
  const value = stringOf(entryOf(setting, "Value"));
  if (value) m.containerInsights = value;
  return m;
}

export const awsComputeContainerMappers: readonly CfnMapper[] = [
  (index) => index.ofType("AWS::EKS::Cluster").map(eksCluster),
  (index) => index.ofType("AWS::EKS::Nodegroup").map(eksNodeGroup),
  (index) => index.ofType("AWS::ECR::Repository").map((r) => ecrRepository(r, index.ofType("AWS::ECR::RegistryScanningConfiguration")[0])),
  ecrPolicies,
  (index) => index.ofType("AWS::ECS::TaskDefinition").map(taskDefinition),
  (index) => index.ofType("AWS::ECS::Cluster").map(ecsCluster),
];
