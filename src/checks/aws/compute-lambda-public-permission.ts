import type { LambdaPermission } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<LambdaPermission>({
  id: "MAM-AWS-231",
  title: "Lambda permission lets anyone invoke the function",
  severity: "high",
  description:
    "A Lambda permission grants `*` as principal with no source ARN, source account or organisation to narrow it. " +
    "Any AWS account, and for function URLs anyone on the internet, can then invoke the function and run up its " +
    "bill or reach whatever it can reach. Principals given by a variable are not reported.",
  appliesTo: "aws.lambda.Permission",
  remediation: {
    text: "Name the account or service principal that calls the function, and narrow it with the source ARN (and source account, or principal_org_id for an organisation).",
    fix: 'principal  = "events.amazonaws.com"\nsource_arn = aws_cloudwatch_event_rule.nightly.arn',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_lambda_permission" "any" {
  statement_id  = "AllowAnyone"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.api.function_name
  principal     = "*"
}`,
      ],
      good: [
        `resource "aws_lambda_permission" "org" {
  statement_id     = "AllowOrg"
  action           = "lambda:InvokeFunction"
  function_name    = aws_lambda_function.api.function_name
  principal        = "*"
  principal_org_id = "o-a1b2c3d4e5"
}`,
        `resource "aws_lambda_permission" "events" {
  statement_id  = "AllowEvents"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.api.function_name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.nightly.arn
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AnyoneInvoke:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: api
      Principal: "*"`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  PartnerInvoke:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: api
      Principal: "444455556666"`,
      ],
    },
  },
  evaluate(p) {
    if (!isKnown(p.principal, "*") || p.sourceArn || p.sourceAccount || p.principalOrgId) return undefined;
    return fail(p.principal, `${p.address} lets any principal invoke the function`, { key: `${p.address} public` });
  },
});
