// Terraform onto the services at the edge: API Gateway (stages, method settings, methods, custom
// domains) and CloudFront distributions (with log delivery sources that refer to them).
import type { ApiCacheSettings, ApiDomainName, ApiMethod, ApiStage, CacheBehavior, CloudFrontDistribution, CloudFrontOrigin } from "../../models/aws-compute.js";
import type { TfBlock } from "../terraform-hcl.js";
import { baseAddress } from "./aws-compute-sg.js";
import type { TfIndex, TfMapper, TfResource } from "./types.js";
import { base, blocksOf, boolOf, refTarget, stringOf } from "./util.js";

function stage(r: TfResource, api: ApiStage["api"]): ApiStage {
  const m: ApiStage = { ...base(r, "aws.apigateway.Stage"), api };
  const logs = blocksOf(r, "access_log_settings")[0];
  if (logs) m.accessLogs = { value: true, known: true, range: logs.range };
  const xray = boolOf(r.block.attrs.get("xray_tracing_enabled"));
  if (xray) m.xrayTracing = xray;
  return m;
}

function cacheSettings(r: TfResource): ApiCacheSettings {
  const m: ApiCacheSettings = base(r, "aws.apigateway.CacheSettings");
  const s = blocksOf(r, "settings")[0];
  const caching = boolOf(s?.attrs.get("caching_enabled"));
  const encrypted = boolOf(s?.attrs.get("cache_data_encrypted"));
  if (caching) m.cachingEnabled = caching;
  if (encrypted) m.cacheDataEncrypted = encrypted;
  return m;
}

function method(r: TfResource): ApiMethod {
  const m: ApiMethod = base(r, "aws.apigateway.Method");
  const http = stringOf(r.block.attrs.get("http_method"));
  const auth = stringOf(r.block.attrs.get("authorization"));
  const key = boolOf(r.block.attrs.get("api_key_required"));
  if (http) m.httpMethod = http;
  if (auth) m.authorization = auth;
  if (key) m.apiKeyRequired = key;
  return m;
}

function domainName(r: TfResource): ApiDomainName {
  const m: ApiDomainName = base(r, "aws.apigateway.DomainName");
  const policy = stringOf(r.block.attrs.get("security_policy"));
  if (policy) m.securityPolicy = policy;
  return m;
}

function behavior(b: TfBlock, name: string): CacheBehavior {
  const out: CacheBehavior = { name, range: b.range };
  const policy = stringOf(b.attrs.get("viewer_protocol_policy"));
  if (policy) out.viewerProtocolPolicy = policy;
  return out;
}

function distributions(index: TfIndex): CloudFrontDistribution[] {
  const delivered = new Map<string, TfResource>();
  for (const s of index.ofType("aws_cloudwatch_log_delivery_source")) {
    const target = refTarget(s.block.attrs.get("resource_arn"), "aws_cloudfront_distribution");
    if (target) delivered.set(baseAddress(target), s);
  }
  return index.ofType("aws_cloudfront_distribution").map((r) => {
    const behaviors = [
      ...blocksOf(r, "default_cache_behavior").map((b) => behavior(b, "default")),
      ...blocksOf(r, "ordered_cache_behavior").map((b) => behavior(b, stringOf(b.attrs.get("path_pattern"))?.value ?? "ordered")),
    ];
    const origins = blocksOf(r, "origin").flatMap((o): CloudFrontOrigin[] =>
      blocksOf(o, "custom_origin_config").map((c) => {
        const origin: CloudFrontOrigin = { id: stringOf(o.attrs.get("origin_id"))?.value ?? "origin", range: c.range };
        const policy = stringOf(c.attrs.get("origin_protocol_policy"));
        if (policy) origin.protocolPolicy = policy;
        return origin;
      }),
    );
    const m: CloudFrontDistribution = { ...base(r, "aws.cloudfront.Distribution"), behaviors, origins };
    const cert = blocksOf(r, "viewer_certificate")[0];
    if (cert) {
      m.certificate = { range: cert.range };
      const def = boolOf(cert.attrs.get("cloudfront_default_certificate"));
      const min = stringOf(cert.attrs.get("minimum_protocol_version"));
      if (def) m.certificate.cloudfrontDefault = def;
      if (min) m.certificate.minimumProtocolVersion = min;
    }
    const waf = stringOf(r.block.attrs.get("web_acl_id"));
    if (waf) m.webAclId = waf;
    const legacy = blocksOf(r, "logging_config")[0];
    const source = delivered.get(baseAddress(r.address));
    if (legacy) m.logging = { value: true, known: true, range: legacy.range };
    else if (source) m.logging = { value: true, known: true, range: source.block.range };
    return m;
  });
}

export const awsComputeEdgeMappers: readonly TfMapper[] = [
  (index) => index.ofType("aws_api_gateway_stage").map((r) => stage(r, "rest")),
  (index) => index.ofType("aws_apigatewayv2_stage").map((r) => stage(r, "http")),
  (index) => index.ofType("aws_api_gateway_method_settings").map(cacheSettings),
  (index) => index.ofType("aws_api_gateway_method").map(method),
  (index) => index.ofType("aws_api_gateway_domain_name").map(domainName),
  distributions,
];
