// Terraform onto Lambda: functions (with the event invoke configs that give them an on-failure
// destination), permissions and function URLs.
import type { LambdaFunction, LambdaFunctionUrl, LambdaPermission } from "../../models/aws-compute.js";
import type { IacNode, Val } from "../../models/value.js";
import { envMap } from "./aws-compute-doc.js";
import { baseAddress } from "./aws-compute-sg.js";
import type { TfIndex, TfMapper, TfResource } from "./types.js";
import { base, blocksOf, numberOf, refTarget, stringOf } from "./util.js";

/** Functions given an on-failure destination by an `aws_lambda_function_event_invoke_config`. */
function onFailure(index: TfIndex): { by: Map<string, TfResource>; unplaced?: TfResource } {
  const by = new Map<string, TfResource>();
  let unplaced: TfResource | undefined;
  for (const c of index.ofType("aws_lambda_function_event_invoke_config")) {
    const dest = blocksOf(c, "destination_config").flatMap((d) => blocksOf(d, "on_failure"));
    if (dest.length === 0) continue;
    const target = functionOf(index, c.block.attrs.get("function_name"));
    if (target) by.set(baseAddress(target), c);
    else unplaced ??= c;
  }
  return unplaced ? { by, unplaced } : { by };
}

/**
 * The function a `function_name` names: by reference (`aws_lambda_function.x.arn`), or by the
 * name itself (a reference to `.function_name` is worked out to the name).
 */
function functionOf(index: TfIndex, n: IacNode | undefined): string | undefined {
  const target = refTarget(n, "aws_lambda_function");
  if (target || n?.t !== "prim" || typeof n.value !== "string") return target;
  const name = n.value;
  const hits = index.ofType("aws_lambda_function").filter((f) => {
    const v = stringOf(f.block.attrs.get("function_name"));
    return v?.known === true && (v.value === name || name.endsWith(`:function:${v.value}`));
  });
  return hits.length === 1 ? hits[0]?.address : undefined;
}

function functions(index: TfIndex): LambdaFunction[] {
  const destinations = onFailure(index);
  return index.ofType("aws_lambda_function").map((r) => {
    const m: LambdaFunction = base(r, "aws.lambda.Function");
    const tracing = stringOf(blocksOf(r, "tracing_config")[0]?.attrs.get("mode"));
    if (tracing) m.tracingMode = tracing;
    const env = envMap(blocksOf(r, "environment")[0]?.attrs.get("variables"));
    if (env) m.env = env;
    const dlq = blocksOf(r, "dead_letter_config")[0];
    const dest = destinations.by.get(baseAddress(r.address));
    if (dlq) m.deadLetter = { value: true, known: true, range: dlq.range };
    else if (dest) m.deadLetter = { value: true, known: true, range: dest.block.range };
    else if (destinations.unplaced) m.deadLetter = { value: undefined, known: false, range: destinations.unplaced.block.range };
    const reserved = numberOf(r.block.attrs.get("reserved_concurrent_executions"));
    if (reserved) m.reservedConcurrency = reserved;
    return m;
  });
}

function permission(r: TfResource): LambdaPermission {
  const m: LambdaPermission = base(r, "aws.lambda.Permission");
  const fields: [keyof LambdaPermission, string][] = [
    ["principal", "principal"],
    ["sourceArn", "source_arn"],
    ["sourceAccount", "source_account"],
    ["principalOrgId", "principal_org_id"],
  ];
  for (const [key, name] of fields) {
    const v: Val<string> | undefined = stringOf(r.block.attrs.get(name));
    if (v) Object.assign(m, { [key]: v });
  }
  return m;
}

function functionUrl(r: TfResource): LambdaFunctionUrl {
  const m: LambdaFunctionUrl = base(r, "aws.lambda.FunctionUrl");
  const auth = stringOf(r.block.attrs.get("authorization_type"));
  if (auth) m.authType = auth;
  return m;
}

export const awsComputeLambdaMappers: readonly TfMapper[] = [
  functions,
  (index) => index.ofType("aws_lambda_permission").map(permission),
  (index) => index.ofType("aws_lambda_function_url").map(functionUrl),
];
