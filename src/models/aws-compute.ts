// AWS compute and network resources normalized for checks (EC2, VPC, ELB, Lambda, EKS, ECR, ECS,
// API Gateway, CloudFront), the same from Terraform and CloudFormation. Every value says whether
// it was known; an absent optional field means the source does not set it (the service default).
import type { SourceRange } from "../checks/types.js";
import type { AwsResource, SgRule } from "./aws.js";
import type { Val } from "./value.js";

// ---- EC2 launch settings: instances, launch templates, launch configurations ----

export interface BlockDevice {
  /** `root`, or the device name (`/dev/sdf`) where one is written. */
  name: string;
  /** Absent: not written (unencrypted unless the snapshot or the account default says otherwise). */
  encrypted?: Val<boolean>;
  /** The volume is made from a snapshot, whose encryption it inherits. */
  fromSnapshot: boolean;
  range: SourceRange;
}

/** What instances are launched with. */
export interface LaunchSettings {
  /** `metadata_options.http_tokens` / `MetadataOptions.HttpTokens` (`required` means IMDSv2 only). */
  httpTokens?: Val<string>;
  /** `disabled` turns the metadata service off. */
  httpEndpoint?: Val<string>;
  /** The metadata options block, where written. */
  metadataRange?: SourceRange;
  associatePublicIp?: Val<boolean>;
  /** Root and EBS block devices written in the source. */
  volumes: BlockDevice[];
  /** User data as text (base64 decoded where it was encoded). */
  userData?: Val<string>;
}

export interface Ec2Instance extends AwsResource, LaunchSettings {
  modelType: "aws.ec2.Instance";
  /** Detailed (one-minute) monitoring. */
  monitoring?: Val<boolean>;
}

export interface LaunchTemplate extends AwsResource, LaunchSettings {
  modelType: "aws.ec2.LaunchTemplate";
}

export interface LaunchConfiguration extends AwsResource, LaunchSettings {
  modelType: "aws.autoscaling.LaunchConfiguration";
}

// ---- Security groups, seen from what they are attached to ----

/** A security group attached by reference, with the rules found for it in the same file. */
export interface AttachedGroup {
  /** The group's address (`aws_security_group.web`, `WebSg`). */
  group: string;
  /** Where the attaching resource refers to the group. */
  range: SourceRange;
  rules: SgRule[];
}

/** A resource that takes network traffic through security groups (instance, launch template, load balancer). */
export interface NetworkAttachment extends AwsResource {
  modelType: "aws.ec2.NetworkAttachment";
  /** `instance`, `launch template`, `launch configuration`, `load balancer`: for messages. */
  kind: string;
  /** Only the groups that could be resolved; groups given by variables or ids are not here. */
  groups: AttachedGroup[];
  /**
   * Whether the resource gets an address reachable from the internet: false for an internal load
   * balancer or an instance without a public IP; unknown when that depends on what is not in the file.
   */
  publicAddress?: Val<boolean>;
}

/** One security group rule, for checks on how rules are written. */
export interface SecurityGroupRule extends AwsResource {
  modelType: "aws.ec2.SecurityGroupRule";
  direction: "ingress" | "egress";
  /** The group the rule belongs to, where known. */
  group?: string;
  /** Protocol, ports and ranges as far as known (`tcp 443 0.0.0.0/0`): names the rule in findings. */
  summary: string;
  description?: Val<string>;
}

/** The default security group of a VPC: the rules the source gives it. */
export interface DefaultSecurityGroup extends AwsResource {
  modelType: "aws.ec2.DefaultSecurityGroup";
  rules: SgRule[];
}

// ---- VPC ----

export interface NaclEntry {
  egress: boolean;
  ruleNumber?: Val<number>;
  /** `allow` / `deny`. */
  action?: Val<string>;
  /** `-1`/`all`, `tcp`/`6`, `udp`/`17`, ... */
  protocol?: Val<string>;
  fromPort?: Val<number>;
  toPort?: Val<number>;
  cidrs: Val<string>[];
  range: SourceRange;
}

export interface NetworkAcl extends AwsResource {
  modelType: "aws.ec2.NetworkAcl";
  entries: NaclEntry[];
  /** False when entries may exist that the file does not tie to this ACL (rule order cannot be judged). */
  complete: boolean;
}

export interface Vpc extends AwsResource {
  modelType: "aws.ec2.Vpc";
  /** A flow log refers to this VPC; unknown when one exists whose target could not be read. */
  flowLogs?: Val<true>;
}

export interface Subnet extends AwsResource {
  modelType: "aws.ec2.Subnet";
  mapPublicIpOnLaunch?: Val<boolean>;
}

// ---- Elastic Load Balancing (v2) ----

export interface LoadBalancer extends AwsResource {
  modelType: "aws.elb.LoadBalancer";
  /** `application` (the default), `network`, `gateway`. */
  lbType?: Val<string>;
  internal?: Val<boolean>;
  dropInvalidHeaders?: Val<boolean>;
  accessLogs?: Val<boolean>;
  deletionProtection?: Val<boolean>;
}

export interface Listener extends AwsResource {
  modelType: "aws.elb.Listener";
  protocol?: Val<string>;
  sslPolicy?: Val<string>;
  /** The type of the load balancer the listener refers to, when that one is in the file. */
  lbType?: Val<string>;
  /** The default action redirects to HTTPS. */
  redirectsToHttps: boolean;
}

// ---- Lambda ----

export interface EnvVar {
  name: string;
  value: Val<string>;
}

export interface LambdaFunction extends AwsResource {
  modelType: "aws.lambda.Function";
  /** `Active` or `PassThrough`. */
  tracingMode?: Val<string>;
  /** Undefined when the variables could not be read. */
  env?: EnvVar[];
  /** A dead-letter queue, or an on-failure destination of an event invoke config referring to the function. */
  deadLetter?: Val<true>;
  reservedConcurrency?: Val<number>;
}

export interface LambdaPermission extends AwsResource {
  modelType: "aws.lambda.Permission";
  principal?: Val<string>;
  sourceArn?: Val<string>;
  sourceAccount?: Val<string>;
  principalOrgId?: Val<string>;
}

export interface LambdaFunctionUrl extends AwsResource {
  modelType: "aws.lambda.FunctionUrl";
  authType?: Val<string>;
}

// ---- EKS ----

export interface EksCluster extends AwsResource {
  modelType: "aws.eks.Cluster";
  /** Default true. */
  endpointPublicAccess?: Val<boolean>;
  /** Default 0.0.0.0/0; undefined when not written. */
  publicAccessCidrs?: Val<string>[];
  /** The resources listed for envelope encryption with a KMS key (`secrets`). */
  encryptedResources?: Val<string>[];
  /** Control plane log types enabled; undefined when not written (none). */
  logTypes?: Val<string>[];
}

export interface EksNodeGroup extends AwsResource {
  modelType: "aws.eks.NodeGroup";
  /** The remote access block, where written. */
  remoteAccess?: { range: SourceRange; sourceGroups: Val<string>[] };
}

// ---- ECR ----

export interface EcrRepository extends AwsResource {
  modelType: "aws.ecr.Repository";
  scanOnPush?: Val<boolean>;
  /** Set when a registry-wide scanning configuration is in the file (it may scan this repository). */
  registryScanning?: SourceRange;
  tagMutability?: Val<string>;
  /** `AES256` (the default), `KMS`, `KMS_DSSE`. */
  encryptionType?: Val<string>;
}

/** A statement of a resource policy, as far as principals go. */
export interface PolicyStatement {
  effect?: Val<string>;
  /** Every principal named (`*`, account ARNs, service names); one unknown entry when unreadable. */
  principals: Val<string>[];
  /** The statement has a Condition block (which may narrow `*`). */
  hasCondition: boolean;
  range: SourceRange;
}

export interface EcrRepositoryPolicy extends AwsResource {
  modelType: "aws.ecr.RepositoryPolicy";
  /** Undefined when the document could not be read. */
  statements?: PolicyStatement[];
}

// ---- ECS ----

export interface EcsContainer {
  name: string;
  privileged?: Val<boolean>;
  user?: Val<string>;
  readonlyRootFilesystem?: Val<boolean>;
  /** Undefined when the environment could not be read. */
  env?: EnvVar[];
  range: SourceRange;
}

export interface EcsEfsVolume {
  name: string;
  /** `ENABLED` / `DISABLED` (the default). */
  transitEncryption?: Val<string>;
  range: SourceRange;
}

export interface EcsTaskDefinition extends AwsResource {
  modelType: "aws.ecs.TaskDefinition";
  networkMode?: Val<string>;
  /** Undefined when the container definitions could not be read (a file() or a variable). */
  containers?: EcsContainer[];
  efsVolumes: EcsEfsVolume[];
}

export interface EcsCluster extends AwsResource {
  modelType: "aws.ecs.Cluster";
  /** `enabled`, `enhanced` or `disabled`. */
  containerInsights?: Val<string>;
  /** Set when an account-wide default for Container Insights is in the file. */
  accountDefault?: SourceRange;
}

// ---- API Gateway ----

export interface ApiStage extends AwsResource {
  modelType: "aws.apigateway.Stage";
  /** `rest` (API Gateway v1) or `http` (v2, HTTP and WebSocket APIs). */
  api: "rest" | "http";
  accessLogs?: Val<true>;
  xrayTracing?: Val<boolean>;
}

/** Method settings of a REST stage (`aws_api_gateway_method_settings`, `MethodSettings`). */
export interface ApiCacheSettings extends AwsResource {
  modelType: "aws.apigateway.CacheSettings";
  cachingEnabled?: Val<boolean>;
  cacheDataEncrypted?: Val<boolean>;
}

export interface ApiMethod extends AwsResource {
  modelType: "aws.apigateway.Method";
  httpMethod?: Val<string>;
  /** `NONE`, `AWS_IAM`, `CUSTOM`, `COGNITO_USER_POOLS`. */
  authorization?: Val<string>;
  apiKeyRequired?: Val<boolean>;
}

export interface ApiDomainName extends AwsResource {
  modelType: "aws.apigateway.DomainName";
  securityPolicy?: Val<string>;
}

// ---- CloudFront ----

export interface CacheBehavior {
  /** `default`, or the path pattern. */
  name: string;
  viewerProtocolPolicy?: Val<string>;
  range: SourceRange;
}

export interface CloudFrontOrigin {
  id: string;
  /** Custom origins only (S3 origins are reached over HTTPS). */
  protocolPolicy?: Val<string>;
  range: SourceRange;
}

export interface CloudFrontDistribution extends AwsResource {
  modelType: "aws.cloudfront.Distribution";
  behaviors: CacheBehavior[];
  /** The viewer certificate block, where written. */
  certificate?: { range: SourceRange; cloudfrontDefault?: Val<boolean>; minimumProtocolVersion?: Val<string> };
  webAclId?: Val<string>;
  /** Standard logging (legacy bucket logging, or a log delivery source referring to the distribution). */
  logging?: Val<true>;
  origins: CloudFrontOrigin[];
}
