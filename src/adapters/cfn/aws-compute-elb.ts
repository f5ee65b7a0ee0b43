// CloudFormation onto Elastic Load Balancing v2: load balancers (attributes are a Key/Value list)
// and listeners, each listener knowing the type of the load balancer it refers to.
import type { Listener, LoadBalancer } from "../../models/aws-compute.js";
import type { Val } from "../../models/value.js";
import { entryOf } from "../tf/aws-compute-doc.js";
import type { CfnIndex, CfnMapper, CfnResource } from "./types.js";
import { base, boolOf, itemsOf, prop, refTarget, stringOf } from "./util.js";

const LB = "AWS::ElasticLoadBalancingV2::LoadBalancer";

function lbType(r: CfnResource): Val<string> {
  return stringOf(prop(r, "Type")) ?? { value: "application", known: true, range: r.range };
}

/** A load balancer attribute (`deletion_protection.enabled`) as a boolean; unknown when the list cannot be read. */
function attribute(r: CfnResource, key: string): Val<boolean> | undefined {
  const attrs = prop(r, "LoadBalancerAttributes");
  if (attrs && attrs.t !== "list") return { value: undefined, known: false, range: attrs.range };
  for (const a of itemsOf(attrs)) {
    const k = stringOf(entryOf(a, "Key"));
    if (!k?.known) return { value: undefined, known: false, range: a.range };
    if (k.value === key) return boolOf(entryOf(a, "Value")) ?? { value: undefined, known: false, range: a.range };
  }
  return undefined;
}

function loadBalancer(r: CfnResource): LoadBalancer {
  const m: LoadBalancer = { ...base(r, "aws.elb.LoadBalancer"), lbType: lbType(r) };
  const scheme = stringOf(prop(r, "Scheme"));
  if (scheme) m.internal = { ...scheme, value: scheme.known ? scheme.value === "internal" : undefined };
  const fields: [keyof LoadBalancer, string][] = [
    ["dropInvalidHeaders", "routing.http.drop_invalid_header_fields.enabled"],
    ["accessLogs", "access_logs.s3.enabled"],
    ["deletionProtection", "deletion_protection.enabled"],
  ];
  for (const [field, key] of fields) {
    const v = attribute(r, key);
    if (v) Object.assign(m, { [field]: v });
  }
  return m;
}

function listener(index: CfnIndex, r: CfnResource): Listener {
  const actions = itemsOf(prop(r, "DefaultActions"));
  const redirects = actions.some((a) => stringOf(entryOf(a, "Type"))?.value === "redirect" && stringOf(entryOf(entryOf(a, "RedirectConfig"), "Protocol"))?.value === "HTTPS");
  const m: Listener = { ...base(r, "aws.elb.Listener"), redirectsToHttps: redirects };
  const lb = refTarget(index, prop(r, "LoadBalancerArn"), LB);
  if (lb) m.lbType = lbType(lb);
  const protocol = stringOf(prop(r, "Protocol"));
  if (protocol) m.protocol = protocol;
  const policy = stringOf(prop(r, "SslPolicy"));
  if (policy) m.sslPolicy = policy;
  return m;
}

export const awsComputeElbMappers: readonly CfnMapper[] = [
  (index) => index.ofType(LB).map(loadBalancer),
  (index) => index.ofType("AWS::ElasticLoadBalancingV2::Listener").map((r) => listener(index, r)),
];
