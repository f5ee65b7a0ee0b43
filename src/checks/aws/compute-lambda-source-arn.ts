import type { LambdaPermission } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<LambdaPermission>({
  id: "MAM-AWS-232",
  title: "Lambda permission for a service has no source ARN or account",
  severity: "medium",
  description:
    "A Lambda permission grants an AWS service principal (`s3.amazonaws.com`, `sns.amazonaws.com`, ...) without a " +
    "source ARN or source account. The service then invokes the function on behalf of any of its resources, in any " +
    "account: someone else's bucket or topic can trigger it (the confused deputy problem).",
  appliesTo: "aws.lambda.Permission",
  references: { trivy: "AVD-AWS-0067" },
  remediation: {
    text: "Give the ARN of the resource that triggers the function, and for S3 also the source account (bucket ARNs do not name the account).",
    fix: 'source_arn     = aws_s3_bucket.uploads.arn\nsource_account = "111122223333"',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_lambda_permission" "s3" {
  statement_id  = "AllowS3"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.thumbs.function_name
  principal     = "s3.amazonaws.com"
}`,
      ],
      good: [
        `resource "aws_lambda_permission" "s3" {
  statement_id   = "AllowS3"
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.thumbs.function_name
  principal      = "s3.amazonaws.com"
  source_arn     = aws_s3_bucket.uploads.arn
  source_account = "111122223333"
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  SnsInvoke:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: notify
      Principal: sns.amazonaws.com`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Alerts:
    Type: AWS::SNS::Topic
  SnsInvoke:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: notify
      Principal: sns.amazonaws.com
      SourceArn: !Ref Alerts`,
      ],
    },
  },
  evaluate(p) {
    if (!isKnown(p.principal) || !p.principal.value.endsWith(".amazonaws.com") || p.sourceArn || p.sourceAccount) return undefined;
    return fail(p.principal, `${p.address} lets ${p.principal.value} invoke the function for any source`, { key: `${p.address} no source` });
  },
});
