// Terraform onto Elastic Load Balancing v2: load balancers and their listeners, each listener
// knowing the type of the load balancer it refers to.
import type { Listener, LoadBalancer } from "../../models/aws-compute.js";
import type { Val } from "../../models/value.js";
import { baseAddress } from "./aws-compute-sg.js";
import type { TfIndex, TfMapper, TfResource } from "./types.js";
import { base, blocksOf, boolOf, refTarget, stringOf } from "./util.js";

const LB_TYPES = ["aws_lb", "aws_alb"];

function lbType(r: TfResource): Val<string> {
  return stringOf(r.block.attrs.get("load_balancer_type")) ?? { value: "application", known: true, range: r.block.range };
}

function loadBalancer(r: TfResource): LoadBalancer {
  const m: LoadBalancer = { ...base(r, "aws.elb.LoadBalancer"), lbType: lbType(r) };
  const a = r.block.attrs;
  const internal = boolOf(a.get("internal"));
  const drop = boolOf(a.get("drop_invalid_header_fields"));
  const protect = boolOf(a.get("enable_deletion_protection"));
  if (internal) m.internal = internal;
  if (drop) m.dropInvalidHeaders = drop;
  if (protect) m.deletionProtection = protect;
  const logs = blocksOf(r, "access_logs")[0];
  // `enabled` defaults to false even when a bucket is given.
  if (logs) m.accessLogs = boolOf(logs.attrs.get("enabled")) ?? { value: false, known: true, range: logs.range };
  return m;
}

function listeners(index: TfIndex): Listener[] {
  const lbs = new Map(LB_TYPES.flatMap((t) => index.ofType(t)).map((r) => [baseAddress(r.address), r]));
  return ["aws_lb_listener", "aws_alb_listener"].flatMap((t) => index.ofType(t)).map((r) => {
    const actions = blocksOf(r, "default_action");
    const redirects = actions.some((a) => stringOf(a.attrs.get("type"))?.value === "redirect" && stringOf(blocksOf(a, "redirect")[0]?.attrs.get("protocol"))?.value === "HTTPS");
    const m: Listener = { ...base(r, "aws.elb.Listener"), redirectsToHttps: redirects };
    const via = r.block.attrs.get("load_balancer_arn");
    const target = LB_TYPES.map((t) => refTarget(via, t)).find((x) => x !== undefined);
    const lb = target ? lbs.get(baseAddress(target)) : undefined;
    if (lb) m.lbType = lbType(lb);
    const protocol = stringOf(r.block.attrs.get("protocol"));
    // An application load balancer's listener speaks HTTP unless told otherwise.
    if (protocol) m.protocol = protocol;
    else if (m.lbType?.value === "application") m.protocol = { value: "HTTP", known: true, range: r.block.range };
    const policy = stringOf(r.block.attrs.get("ssl_policy"));
    if (policy) m.sslPolicy = policy;
    return m;
  });
}

export const awsComputeElbMappers: readonly TfMapper[] = [(index) => LB_TYPES.flatMap((t) => index.ofType(t)).map(loadBalancer), listeners];
