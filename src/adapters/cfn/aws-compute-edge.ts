// CloudFormation (and SAM) onto the services at the edge: API Gateway stages, method settings,
// methods and custom domains, and CloudFront distributions.
import type { ApiCacheSettings, ApiDomainName, ApiMethod, ApiStage, CacheBehavior, CloudFrontDistribution, CloudFrontOrigin } from "../../models/aws-compute.js";
import type { IacNode } from "../../models/value.js";
import { entryOf } from "../tf/aws-compute-doc.js";
import type { CfnIndex, CfnMapper, CfnResource } from "./types.js";
import { base, boolOf, itemsOf, prop, refTarget, stringOf } from "./util.js";

const REST_STAGES = ["AWS::ApiGateway::Stage", "AWS::Serverless::Api"];

function stage(r: CfnResource, api: ApiStage["api"]): ApiStage {
  const m: ApiStage = { ...base(r, "aws.apigateway.Stage"), api };
  const logs = prop(r, api === "rest" ? "AccessLogSetting" : "AccessLogSettings");
  if (logs) m.accessLogs = logs.t === "unknown" ? { value: undefined, known: false, range: logs.range } : { value: true, known: true, range: logs.range };
  const xray = boolOf(prop(r, "TracingEnabled"));
  if (xray) m.xrayTracing = xray;
  return m;
}

function cacheSettings(r: CfnResource): ApiCacheSettings[] {
  return itemsOf(prop(r, "MethodSettings")).map((s) => {
    const m: ApiCacheSettings = { ...base(r, "aws.apigateway.CacheSettings"), range: s.range };
    const caching = boolOf(entryOf(s, "CachingEnabled"));
    const encrypted = boolOf(entryOf(s, "CacheDataEncrypted"));
    if (caching) m.cachingEnabled = caching;
    if (encrypted) m.cacheDataEncrypted = encrypted;
    return m;
  });
}

function method(r: CfnResource): ApiMethod {
  const m: ApiMethod = base(r, "aws.apigateway.Method");
  const http = stringOf(prop(r, "HttpMethod"));
  const key = boolOf(prop(r, "ApiKeyRequired"));
  // AuthorizationType defaults to NONE.
  const auth = stringOf(prop(r, "AuthorizationType")) ?? { value: "NONE", known: true, range: r.range };
  if (http) m.httpMethod = http;
  if (key) m.apiKeyRequired = key;
  m.authorization = auth;
  return m;
}

function domainName(r: CfnResource): ApiDomainName {
  const m: ApiDomainName = base(r, "aws.apigateway.DomainName");
  const policy = stringOf(prop(r, "SecurityPolicy"));
  if (policy) m.securityPolicy = policy;
  return m;
}

function behavior(n: IacNode, name: string): CacheBehavior {
  const out: CacheBehavior = { name, range: n.range };
  const policy = stringOf(entryOf(n, "ViewerProtocolPolicy"));
  if (policy) out.viewerProtocolPolicy = policy;
  return out;
}

function distributions(index: CfnIndex): CloudFrontDistribution[] {
  const delivered = new Set(
    index
      .ofType("AWS::Logs::DeliverySource")
      .map((s) => refTarget(index, prop(s, "ResourceArn"), "AWS::CloudFront::Distribution")?.logicalId)
      .filter((x) => x !== undefined),
  );
  return index.ofType("AWS::CloudFront::Distribution").map((r) => {
    const cfg = prop(r, "DistributionConfig");
    const def = entryOf(cfg, "DefaultCacheBehavior");
    const behaviors = [
      ...(def ? [behavior(def, "default")] : []),
      ...itemsOf(entryOf(cfg, "CacheBehaviors")).map((b) => behavior(b, stringOf(entryOf(b, "PathPattern"))?.value ?? "ordered")),
    ];
    const origins = itemsOf(entryOf(cfg, "Origins")).flatMap((o): CloudFrontOrigin[] => {
      const custom = entryOf(o, "CustomOriginConfig");
      if (!custom) return [];
      const origin: CloudFrontOrigin = { id: stringOf(entryOf(o, "Id"))?.value ?? "origin", range: custom.range };
      const policy = stringOf(entryOf(custom, "OriginProtocolPolicy"));
      if (policy) origin.protocolPolicy = policy;
      return [origin];
    });
    const m: CloudFrontDistribution = { ...base(r, "aws.cloudfront.Distribution"), behaviors, origins };
    const cert = entryOf(cfg, "ViewerCertificate");
    if (cert) {
      m.certificate = { range: cert.range };
      const dflt = boolOf(entryOf(cert, "CloudFrontDefaultCertificate"));
      const min = stringOf(entryOf(cert, "MinimumProtocolVersion"));
      if (dflt) m.certificate.cloudfrontDefault = dflt;
      if (min) m.certificate.minimumProtocolVersion = min;
    }
    const waf = stringOf(entryOf(cfg, "WebACLId"));
    if (waf) m.webAclId = waf;
    const logging = entryOf(cfg, "Logging");
    if (logging) m.logging = { value: true, known: true, range: logging.range };
    else if (delivered.has(r.logicalId)) m.logging = { value: true, known: true, range: r.range };
    return m;
  });
}

export const awsComputeEdgeMappers: readonly CfnMapper[] = [
  (index) => REST_STAGES.flatMap((t) => index.ofType(t)).map((r) => stage(r, "rest")),
  (index) => index.ofType("AWS::ApiGatewayV2::Stage").map((r) => stage(r, "http")),
  (index) => REST_STAGES.flatMap((t) => index.ofType(t)).flatMap(cacheSettings),
  (index) => index.ofType("AWS::ApiGateway::Method").map(method),
  (index) => index.ofType("AWS::ApiGateway::DomainName").map(domainName),
  distributions,
];
