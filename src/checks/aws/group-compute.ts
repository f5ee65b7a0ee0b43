// AWS checks on compute and network services (EC2, VPC, ELB, Lambda, EKS, ECR, ECS, API Gateway,
// CloudFront, ...): ids MAM-AWS-200 to 299.
import type { Check } from "../types.js";

export const awsComputeChecks: readonly Check[] = [];
