// CloudFormation mappers for AWS compute and network services (EC2, VPC, ELB, Lambda, EKS, ECR,
// ECS, API Gateway, CloudFront). Each mapper is one pure function over the template's resources.
import { awsComputeContainerMappers } from "./aws-compute-containers.js";
import { awsComputeEc2Mappers } from "./aws-compute-ec2.js";
import { awsComputeEdgeMappers } from "./aws-compute-edge.js";
import { awsComputeElbMappers } from "./aws-compute-elb.js";
import { awsComputeLambdaMappers } from "./aws-compute-lambda.js";
import { awsComputeNetMappers } from "./aws-compute-net.js";
import type { CfnMapper } from "./types.js";

export const awsComputeMappers: readonly CfnMapper[] = [
  ...awsComputeEc2Mappers,
  ...awsComputeNetMappers,
  ...awsComputeElbMappers,
  ...awsComputeLambdaMappers,
  ...awsComputeContainerMappers,
  ...awsComputeEdgeMappers,
];
