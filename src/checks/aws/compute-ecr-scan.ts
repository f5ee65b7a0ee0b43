import type { EcrRepository } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<EcrRepository>({
  id: "MAM-AWS-238",
  title: "ECR repository does not scan images on push",
  severity: "medium",
  description:
    "`scan_on_push` / `ScanOnPush` is not true, so images pushed to the repository are not checked for known " +
    "vulnerabilities, and a vulnerable image reaches production without anyone being told. When the file also holds " +
    "a registry-wide scanning configuration, that may cover the repository and nothing is reported.",
  appliesTo: "aws.ecr.Repository",
  references: { checkov: "CKV_AWS_163", trivy: "AVD-AWS-0030" },
  remediation: {
    text: "Scan on push (or configure enhanced scanning for the registry), and act on the findings.",
    fix: "image_scanning_configuration {\n  scan_on_push = true\n}",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_ecr_repository" "app" {
  name = "app"
}`,
        `resource "aws_ecr_repository" "app" {
  name = "app"

  image_scanning_configuration {
    scan_on_push = false
  }
}`,
      ],
      good: [
        `resource "aws_ecr_repository" "app" {
  name = "app"

  image_scanning_configuration {
    scan_on_push = true
  }
}`,
        `resource "aws_ecr_registry_scanning_configuration" "all" {
  scan_type = "ENHANCED"

  rule {
    scan_frequency = "CONTINUOUS_SCAN"
    repository_filter {
      filter      = "*"
      filter_type = "WILDCARD"
    }
  }
}

resource "aws_ecr_repository" "app" {
  name = "app"
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
      RepositoryName: app`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AppRepo:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: app
      ImageScanningConfiguration:
        ScanOnPush: true`,
      ],
    },
  },
  evaluate(r) {
    if (r.registryScanning) return undefined;
    if (r.scanOnPush && (!r.scanOnPush.known || r.scanOnPush.value === true)) return undefined;
    return fail(r.scanOnPush ?? r.range, `${r.address} does not scan images on push`, { key: `${r.address} scan on push` });
  },
});
