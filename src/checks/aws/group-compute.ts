// AWS checks on compute and network services (EC2, VPC, ELB, Lambda, EKS, ECR, ECS, API Gateway,
// CloudFront, ...): ids MAM-AWS-200 to 299, one module each, in id order.
import type { Check } from "../types.js";
import computeApiAccessLogs from "./compute-api-access-logs.js";
import computeApiCacheEncryption from "./compute-api-cache-encryption.js";
import computeApiDomainTls from "./compute-api-domain-tls.js";
import computeApiMethodAuth from "./compute-api-method-auth.js";
import computeApiXray from "./compute-api-xray.js";
import computeCfLogging from "./compute-cf-logging.js";
import computeCfOriginHttps from "./compute-cf-origin-https.js";
import computeCfTls from "./compute-cf-tls.js";
import computeCfViewerHttps from "./compute-cf-viewer-https.js";
import computeCfWaf from "./compute-cf-waf.js";
import computeDefaultSg from "./compute-default-sg.js";
import computeEc2Imdsv2 from "./compute-ec2-imdsv2.js";
import computeEc2Monitoring from "./compute-ec2-monitoring.js";
import computeEc2PublicIp from "./compute-ec2-public-ip.js";
import computeEc2UserData from "./compute-ec2-user-data.js";
import computeEc2VolumeEncryption from "./compute-ec2-volume-encryption.js";
import computeEcrKms from "./compute-ecr-kms.js";
import computeEcrMutableTags from "./compute-ecr-mutable-tags.js";
import computeEcrPublicPolicy from "./compute-ecr-public-policy.js";
import computeEcrScan from "./compute-ecr-scan.js";
import computeEcsContainerInsights from "./compute-ecs-container-insights.js";
import computeEcsEfsTransit from "./compute-ecs-efs-transit.js";
import computeEcsEnvSecret from "./compute-ecs-env-secret.js";
import computeEcsHostNetwork from "./compute-ecs-host-network.js";
import computeEcsPrivileged from "./compute-ecs-privileged.js";
import computeEcsReadonlyRoot from "./compute-ecs-readonly-root.js";
import computeEcsRootUser from "./compute-ecs-root-user.js";
import computeEksLogging from "./compute-eks-logging.js";
import computeEksNodeSsh from "./compute-eks-node-ssh.js";
import computeEksPublicEndpoint from "./compute-eks-public-endpoint.js";
import computeEksSecretsEncryption from "./compute-eks-secrets-encryption.js";
import computeElbAccessLogs from "./compute-elb-access-logs.js";
import computeElbDeletionProtection from "./compute-elb-deletion-protection.js";
import computeElbHttp from "./compute-elb-http.js";
import computeElbInternetFacing from "./compute-elb-internet-facing.js";
import computeElbInvalidHeaders from "./compute-elb-invalid-headers.js";
import computeElbTlsPolicy from "./compute-elb-tls-policy.js";
import computeExposureAdmin from "./compute-exposure-admin.js";
import computeExposureAll from "./compute-exposure-all.js";
import computeLambdaConcurrency from "./compute-lambda-concurrency.js";
import computeLambdaDlq from "./compute-lambda-dlq.js";
import computeLambdaEnvSecret from "./compute-lambda-env-secret.js";
import computeLambdaPublicPermission from "./compute-lambda-public-permission.js";
import computeLambdaSourceArn from "./compute-lambda-source-arn.js";
import computeLambdaTracing from "./compute-lambda-tracing.js";
import computeLambdaUrlAuth from "./compute-lambda-url-auth.js";
import computeLcImdsv2 from "./compute-lc-imdsv2.js";
import computeLcPublicIp from "./compute-lc-public-ip.js";
import computeLcUserData from "./compute-lc-user-data.js";
import computeLcVolumeEncryption from "./compute-lc-volume-encryption.js";
import computeLtImdsv2 from "./compute-lt-imdsv2.js";
import computeLtPublicIp from "./compute-lt-public-ip.js";
import computeLtUserData from "./compute-lt-user-data.js";
import computeLtVolumeEncryption from "./compute-lt-volume-encryption.js";
import computeNaclAdmin from "./compute-nacl-admin.js";
import computeNaclAll from "./compute-nacl-all.js";
import computeSgRuleDescription from "./compute-sg-rule-description.js";
import computeSubnetPublicIp from "./compute-subnet-public-ip.js";
import computeVpcFlowLogs from "./compute-vpc-flow-logs.js";

export const awsComputeChecks: readonly Check[] = [
  computeEc2Imdsv2,
  computeEc2PublicIp,
  computeEc2VolumeEncryption,
  computeEc2UserData,
  computeEc2Monitoring,
  computeLtImdsv2,
  computeLtPublicIp,
  computeLtVolumeEncryption,
  computeLtUserData,
  computeLcImdsv2,
  computeLcPublicIp,
  computeLcVolumeEncryption,
  computeLcUserData,
  computeExposureAdmin,
  computeExposureAll,
  computeDefaultSg,
  computeSgRuleDescription,
  computeNaclAdmin,
  computeNaclAll,
  computeVpcFlowLogs,
  computeSubnetPublicIp,
  computeElbHttp,
  computeElbTlsPolicy,
  computeElbInvalidHeaders,
  computeElbAccessLogs,
  computeElbDeletionProtection,
  computeElbInternetFacing,
  computeLambdaTracing,
  computeLambdaEnvSecret,
  computeLambdaDlq,
  computeLambdaConcurrency,
  computeLambdaPublicPermission,
  computeLambdaSourceArn,
  computeLambdaUrlAuth,
  computeEksPublicEndpoint,
  computeEksSecretsEncryption,
  computeEksLogging,
  computeEksNodeSsh,
  computeEcrScan,
  computeEcrMutableTags,
  computeEcrKms,
  computeEcrPublicPolicy,
  computeEcsPrivileged,
  computeEcsRootUser,
  computeEcsReadonlyRoot,
  computeEcsEnvSecret,
  computeEcsHostNetwork,
  computeEcsEfsTransit,
  computeEcsContainerInsights,
  computeApiAccessLogs,
  computeApiXray,
  computeApiCacheEncryption,
  computeApiMethodAuth,
  computeApiDomainTls,
  computeCfViewerHttps,
  computeCfTls,
  computeCfWaf,
  computeCfLogging,
  computeCfOriginHttps,
];
