import type { EcrRepository } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<EcrRepository>({
  id: "MAM-AWS-239",
  title: "ECR repository allows tags to be overwritten",
  severity: "medium",
  description:
    "`image_tag_mutability` / `ImageTagMutability` is `MUTABLE` (the default) or `MUTABLE_WITH_EXCLUSION`. Anyone " +
    "who can push can then move an existing tag such as `v1.4.2` to a different image, and every deployment that " +
    "pulls by tag silently runs the new one: a way to slip a backdoored image into production.",
  appliesTo: "aws.ecr.Repository",
  references: { checkov: "CKV_AWS_51", trivy: "AVD-AWS-0031" },
  remediation: { text: "Make tags immutable, and deploy by digest where possible.", fix: 'image_tag_mutability = "IMMUTABLE"' },
  examples: {
    terraform: {
      bad: [
        `resource "aws_ecr_repository" "app" {
  name = "app"
}`,
      ],
      good: [
        `resource "aws_ecr_repository" "app" {
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AppRepo:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: app
      ImageTagMutability: MUTABLE`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AppRepo:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: app
      ImageTagMutability: IMMUTABLE`,
      ],
    },
  },
  evaluate(r) {
    const m = r.tagMutability;
    if (m && (!m.known || (m.value ?? "").startsWith("IMMUTABLE"))) return undefined;
    return fail(m ?? r.range, `${r.address} lets pushed tags be overwritten`, { key: `${r.address} mutable tags` });
  },
});
