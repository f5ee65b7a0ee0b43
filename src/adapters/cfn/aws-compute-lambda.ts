// CloudFormation (and SAM) onto Lambda: functions (with the event invoke configs that give them an
// on-failure destination), permissions and function URLs.
import type { LambdaFunction, LambdaFunctionUrl, LambdaPermission } from "../../models/aws-compute.js";
import type { Val } from "../../models/value.js";
import { entryOf, envMap } from "../tf/aws-compute-doc.js";
import type { CfnIndex, CfnMapper, CfnResource } from "./types.js";
import { base, numberOf, prop, refTarget, stringOf } from "./util.js";

const FN = "AWS::Lambda::Function";
const SAM_FN = "AWS::Serverless::Function";

function functions(index: CfnIndex): LambdaFunction[] {
  const destinations = new Map<string, CfnResource>();
  let unplaced: CfnResource | undefined;
  for (const c of index.ofType("AWS::Lambda::EventInvokeConfig")) {
    if (!prop(c, "DestinationConfig.OnFailure")) continue;
    const target = refTarget(index, prop(c, "FunctionName"), FN) ?? refTarget(index, prop(c, "FunctionName"), SAM_FN);
    if (target) destinations.set(target.logicalId, c);
    else unplaced ??= c;
  }
  return [...index.ofType(FN), ...index.ofType(SAM_FN)].map((r) => {
    const sam = r.type === SAM_FN;
    const m: LambdaFunction = base(r, "aws.lambda.Function");
    const tracing = stringOf(prop(r, sam ? "Tracing" : "TracingConfig.Mode"));
    if (tracing) m.tracingMode = tracing;
    const env = envMap(prop(r, "Environment.Variables"));
    if (env) m.env = env;
    const dlq = prop(r, sam ? "DeadLetterQueue" : "DeadLetterConfig.TargetArn") ?? (sam ? prop(r, "EventInvokeConfig.DestinationConfig.OnFailure") : undefined);
    const dest = destinations.get(r.logicalId);
    if (dlq) m.deadLetter = { value: true, known: true, range: dlq.range };
    else if (dest) m.deadLetter = { value: true, known: true, range: dest.range };
    else if (unplaced) m.deadLetter = { value: undefined, known: false, range: unplaced.range };
    const reserved = numberOf(prop(r, "ReservedConcurrentExecutions"));
    if (reserved) m.reservedConcurrency = reserved;
    return m;
  });
}

function permission(r: CfnResource): LambdaPermission {
  const m: LambdaPermission = base(r, "aws.lambda.Permission");
  const fields: [keyof LambdaPermission, string][] = [
    ["principal", "Principal"],
    ["sourceArn", "SourceArn"],
    ["sourceAccount", "SourceAccount"],
    ["principalOrgId", "PrincipalOrgID"],
  ];
  for (const [key, name] of fields) {
    const v: Val<string> | undefined = stringOf(prop(r, name));
    if (v) Object.assign(m, { [key]: v });
  }
  return m;
}

function functionUrls(index: CfnIndex): LambdaFunctionUrl[] {
  const urls = index.ofType("AWS::Lambda::Url").map((r) => {
    const m: LambdaFunctionUrl = base(r, "aws.lambda.FunctionUrl");
    const auth = stringOf(prop(r, "AuthType"));
    if (auth) m.authType = auth;
    return m;
  });
  // SAM makes the URL from the function's FunctionUrlConfig.
  const sam = index.ofType(SAM_FN).flatMap((r): LambdaFunctionUrl[] => {
    const cfg = prop(r, "FunctionUrlConfig");
    if (!cfg) return [];
    const m: LambdaFunctionUrl = { ...base(r, "aws.lambda.FunctionUrl"), range: cfg.range };
    const auth = stringOf(entryOf(cfg, "AuthType"));
    if (auth) m.authType = auth;
    return [m];
  });
  return [...urls, ...sam];
}

export const awsComputeLambdaMappers: readonly CfnMapper[] = [functions, (index) => index.ofType("AWS::Lambda::Permission").map(permission), functionUrls];
