// Terraform adapter: each AWS resource the checks know becomes one model. Settings that Terraform
// lets users write as separate resources (an S3 bucket's ACL, a security group's rules) are joined
// to their resource by reference within the same file. Modules, count/for_each, functions and
// resource attributes are not evaluated: such values are unknown, and checks stay quiet on them.
import type { ResourceModel, SourceRange } from "../checks/types.js";
import type { EbsVolume, IamPolicy, RdsInstance, S3Bucket, SecurityGroup, SgRule, TfValue } from "../models/aws.js";
import { parseHcl, type TfBlock, type TfNode } from "./terraform-hcl.js";
import { iamStatements } from "./terraform-iam.js";
import type { Adapter, ParsedFile } from "./types.js";

function wants(path: string): boolean {
  return /\.tf$/i.test(path);
}

export function valueOf<T>(n: TfNode | undefined, is: (v: unknown) => v is T): TfValue<T> | undefined {
  if (!n) return undefined;
  if (n.t === "prim" && is(n.value)) return { value: n.value, known: true, range: n.range };
  return { value: undefined, known: false, range: n.range };
}

const isString = (v: unknown): v is string => typeof v === "string";
const isNumber = (v: unknown): v is number => typeof v === "number";
const isAny = (v: unknown): v is unknown => v !== null;

function numberOf(n: TfNode | undefined): TfValue<number> | undefined {
  if (n?.t === "prim" && typeof n.value === "string" && /^-?\d+$/.test(n.value)) return { value: Number(n.value), known: true, range: n.range };
  return valueOf(n, isNumber);
}

function stringsOf(n: TfNode | undefined): TfValue<string>[] {
  if (!n) return [];
  if (n.t === "list") return n.items.map((i) => valueOf(i, isString) as TfValue<string>);
  // `cidr_ipv4` and `cidr_ipv6` hold one range, not a list.
  if (n.t === "prim" && typeof n.value === "string") return [{ value: n.value, known: true, range: n.range }];
  return [{ value: undefined, known: false, range: n.range }];
}

interface Resource {
  type: string;
  name: string;
  block: TfBlock;
}

/** The resource a reference such as `aws_s3_bucket.logs.id` points at, as `aws_s3_bucket.logs`. */
function target(n: TfNode | undefined, type: string): string | undefined {
  if (n?.t !== "unknown" || !n.ref) return undefined;
  const [t, name] = n.ref.split(".");
  return t === type && name ? `${t}.${name}` : undefined;
}

/** Companions of each resource of `type`, and whether some companion could not be placed. */
interface Joined {
  byTarget: Map<string, Resource[]>;
  /** The first companion whose target could not be read. */
  unplaced?: SourceRange;
}

function joins(resources: readonly Resource[], companion: string, via: string, type: string): Joined {
  const byTarget = new Map<string, Resource[]>();
  let unplaced: SourceRange | undefined;
  for (const r of resources.filter((x) => x.type === companion)) {
    const t = target(r.block.attrs.get(via), type);
    if (!t) {
      unplaced ??= r.block.range;
      continue;
    }
    byTarget.set(t, [...(byTarget.get(t) ?? []), r]);
  }
  return unplaced ? { byTarget, unplaced } : { byTarget };
}

function presence(j: Joined, address: string, inline?: SourceRange): TfValue<true> | undefined {
  const found = j.byTarget.get(address)?.[0];
  if (inline) return { value: true, known: true, range: inline };
  if (found) return { value: true, known: true, range: found.block.range };
  return j.unplaced ? { value: undefined, known: false, range: j.unplaced } : undefined;
}

function s3Buckets(resources: readonly Resource[]): S3Bucket[] {
  const acls = joins(resources, "aws_s3_bucket_acl", "bucket", "aws_s3_bucket");
  const pabs = joins(resources, "aws_s3_bucket_public_access_block", "bucket", "aws_s3_bucket");
  const sses = joins(resources, "aws_s3_bucket_server_side_encryption_configuration", "bucket", "aws_s3_bucket");
  const vers = joins(resources, "aws_s3_bucket_versioning", "bucket", "aws_s3_bucket");
  return resources
    .filter((r) => r.type === "aws_s3_bucket")
    .map((r) => {
      const address = `aws_s3_bucket.${r.name}`;
      const b: S3Bucket = { modelType: "aws.s3.Bucket", address, range: r.block.range };
      const bucket = valueOf(r.block.attrs.get("bucket"), isString);
      if (bucket) b.bucket = bucket;
      const aclRes = acls.byTarget.get(address)?.[0];
      const acl = valueOf(r.block.attrs.get("acl") ?? aclRes?.block.attrs.get("acl"), isString);
      if (acl) b.acl = acl;
      else if (acls.unplaced) b.acl = { value: undefined, known: false, range: r.block.range };
      const pab = presence(pabs, address);
      if (pab) b.publicAccessBlock = pab;
      const sse = presence(sses, address, r.block.blocks.find((x) => x.type === "server_side_encryption_configuration")?.range);
      if (sse) b.encryption = sse;
      const versioning = versioningOf(r, vers.byTarget.get(address)?.[0]) ?? (vers.unplaced ? { value: undefined, known: false, range: r.block.range } : undefined);
      if (versioning) b.versioning = versioning;
      return b;
    });
}

function versioningOf(bucket: Resource, separate: Resource | undefined): TfValue<boolean> | undefined {
  const inline = bucket.block.blocks.find((x) => x.type === "versioning");
  if (inline) {
    const enabled = inline.attrs.get("enabled");
    if (!enabled) return { value: false, known: true, range: inline.range };
    if (enabled.t === "prim" && typeof enabled.value === "boolean") return { value: enabled.value, known: true, range: enabled.range };
    return { value: undefined, known: false, range: enabled.range };
  }
  const cfg = separate?.block.blocks.find((x) => x.type === "versioning_configuration");
  if (!separate) return undefined;
  const status = valueOf(cfg?.attrs.get("status"), isString);
  if (!status) return { value: undefined, known: false, range: separate.block.range };
  return { value: status.known ? status.value === "Enabled" : undefined, known: status.known, range: status.range };
}

function sgRule(direction: SgRule["direction"], b: TfBlock, protoAttr: string, cidrAttrs: readonly string[]): SgRule {
  const rule: SgRule = { direction, cidrs: cidrAttrs.flatMap((a) => stringsOf(b.attrs.get(a))), range: b.range };
  const from = numberOf(b.attrs.get("from_port"));
  const to = numberOf(b.attrs.get("to_port"));
  const protocol = valueOf(b.attrs.get(protoAttr), isString) ?? valueOf(b.attrs.get(protoAttr), isNumber) as TfValue<string> | undefined;
  if (from) rule.fromPort = from;
  if (to) rule.toPort = to;
  if (protocol) rule.protocol = protocol.known ? { ...protocol, value: String(protocol.value) } : protocol;
  return rule;
}

function securityGroups(resources: readonly Resource[]): SecurityGroup[] {
  const legacy = joins(resources, "aws_security_group_rule", "security_group_id", "aws_security_group");
  const ingress = joins(resources, "aws_vpc_security_group_ingress_rule", "security_group_id", "aws_security_group");
  return resources
    .filter((r) => r.type === "aws_security_group")
    .map((r) => {
      const address = `aws_security_group.${r.name}`;
      const rules: SgRule[] = r.block.blocks
        .filter((b) => b.type === "ingress" || b.type === "egress")
        .map((b) => sgRule(b.type as SgRule["direction"], b, "protocol", ["cidr_blocks", "ipv6_cidr_blocks"]));
      for (const x of legacy.byTarget.get(address) ?? []) {
        const type = valueOf(x.block.attrs.get("type"), isString);
        if (type?.known && (type.value === "ingress" || type.value === "egress")) rules.push(sgRule(type.value, x.block, "protocol", ["cidr_blocks", "ipv6_cidr_blocks"]));
      }
      for (const x of ingress.byTarget.get(address) ?? []) rules.push(sgRule("ingress", x.block, "ip_protocol", ["cidr_ipv4", "cidr_ipv6"]));
      return { modelType: "aws.ec2.SecurityGroup", address, range: r.block.range, rules };
    });
}

function rdsInstance(r: Resource): RdsInstance {
  const a = r.block.attrs;
  const m: RdsInstance = {
    modelType: "aws.rds.Instance",
    address: `${r.type}.${r.name}`,
    range: r.block.range,
    inheritsStorage: a.has("replicate_source_db") || a.has("snapshot_identifier") || a.has("restore_to_point_in_time"),
  };
  const fields = { publiclyAccessible: "publicly_accessible", storageEncrypted: "storage_encrypted", backupRetentionPeriod: "backup_retention_period", deletionProtection: "deletion_protection" } as const;
  for (const [key, attr] of Object.entries(fields) as [keyof typeof fields, string][]) {
    const v = valueOf(a.get(attr), isAny);
    if (v) m[key] = v;
  }
  const password = valueOf(a.get("password"), isString);
  if (password) m.password = password;
  return m;
}

function ebsVolume(r: Resource): EbsVolume {
  const v: EbsVolume = { modelType: "aws.ebs.Volume", address: `${r.type}.${r.name}`, range: r.block.range, inheritsStorage: r.block.attrs.has("snapshot_id") };
  const encrypted = valueOf(r.block.attrs.get("encrypted"), isAny);
  if (encrypted) v.encrypted = encrypted;
  return v;
}

const IAM_POLICY_TYPES = new Set(["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"]);

function iamPolicy(r: Resource): IamPolicy {
  return { modelType: "aws.iam.Policy", address: `${r.type}.${r.name}`, range: r.block.range, statements: iamStatements(r.block.attrs.get("policy")) };
}

function parse(text: string, path: string): ParsedFile {
  const blocks = parseHcl(text, path);
  const resources: Resource[] = blocks
    .filter((b) => b.type === "resource" && b.labels.length === 2)
    .map((b) => ({ type: b.labels[0] ?? "", name: b.labels[1] ?? "", block: b }));
  const models: ResourceModel[] = [
    ...s3Buckets(resources),
    ...securityGroups(resources),
    ...resources.filter((r) => r.type === "aws_db_instance").map(rdsInstance),
    ...resources.filter((r) => IAM_POLICY_TYPES.has(r.type)).map(iamPolicy),
    ...resources.filter((r) => r.type === "aws_ebs_volume").map(ebsVolume),
  ];
  models.sort((x, y) => x.range.startLine - y.range.startLine);
  return { models, blocks: blocks.map((b) => b.range), warnings: [] };
}

export const terraformAdapter: Adapter = { format: "terraform", wants, parse };
