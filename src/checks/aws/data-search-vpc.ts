import type { SearchDomain } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<SearchDomain>({
  id: "MAM-AWS-184",
  title: "OpenSearch domain has a public endpoint",
  severity: "medium",
  description:
    "The domain is not placed in a VPC (no `vpc_options` / `VPCOptions`), so its endpoint is on the internet and " +
    "only the domain's access policy (and fine-grained access control, if on) decides who gets in. Open or " +
    "weakly protected public search domains are a recurring source of mass data leaks. A domain's network mode " +
    "cannot be changed after creation.",
  appliesTo: "aws.opensearch.Domain",
  references: { checkov: "CKV_AWS_137" },
  remediation: {
    text: "Create the domain inside a VPC with security groups, and reach it through the VPC.",
    fix: "vpc_options {\n  subnet_ids         = [aws_subnet.private_a.id]\n  security_group_ids = [aws_security_group.search.id]\n}",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_opensearch_domain" "search" {
  domain_name = "search"
}`,
      ],
      good: [
        `resource "aws_opensearch_domain" "search" {
  domain_name = "search"

  vpc_options {
    subnet_ids         = [aws_subnet.private_a.id]
    security_group_ids = [aws_security_group.search.id]
  }
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Search:
    Type: AWS::OpenSearchService::Domain
    Properties:
      EngineVersion: OpenSearch_2.13`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Search:
    Type: AWS::OpenSearchService::Domain
    Properties:
      EngineVersion: OpenSearch_2.13
      VPCOptions:
        SubnetIds:
          - subnet-0a1b2c3d
        SecurityGroupIds:
          - sg-0a1b2c3d`,
      ],
    },
  },
  evaluate(d) {
    if (d.vpc) return undefined;
    return fail(d.range, `${d.address} has an internet-facing endpoint (not in a VPC)`, { key: `${d.address} vpc` });
  },
});
