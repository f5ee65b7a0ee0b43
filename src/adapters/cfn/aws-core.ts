// CloudFormation onto the first AWS models: S3 buckets (ACL, encryption, versioning and public
// access block are properties of the bucket), security groups (inline rules and separate
// ingress/egress resources joined by GroupId), RDS instances, IAM policies (managed, inline of
// roles, users and groups: one model per document) and EBS volumes.
import type { EbsVolume, IamPolicy, RdsInstance, S3Bucket, SecurityGroup, SgRule } from "../../models/aws.js";
import type { IacNode, Val } from "../../models/value.js";
import { iamStatements } from "../terraform-iam.js";
import { readRule } from "./aws-compute-sg.js";
import type { CfnIndex, CfnMapper, CfnResource } from "./types.js";
import { at, base, boolOf, itemsOf, numberOf, prop, referring, stringOf, unknownVal, valueOf, isString } from "./util.js";

/** Present (known true), present but not worked out (unknown), or absent. */
function presence(n: IacNode | undefined): Val<true> | undefined {
  if (!n) return undefined;
  return n.t === "unknown" ? unknownVal(n.range) : { value: true, known: true, range: n.range };
}

/** `PublicRead` as the canned ACL `public-read`, the name checks and the S3 API use. */
function cannedAcl(n: IacNode | undefined): Val<string> | undefined {
  const v = valueOf(n, isString);
  if (!v?.known || v.value === undefined) return v;
  return { ...v, value: v.value.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase() };
}

function versioning(n: IacNode | undefined): Val<boolean> | undefined {
  if (!n) return undefined;
  const status = valueOf(at(n, "Status"), isString);
  if (!status?.known) return unknownVal(status?.range ?? n.range);
  return { value: status.value === "Enabled", known: true, range: status.range };
}

function s3Bucket(r: CfnResource): S3Bucket {
  const b: S3Bucket = base(r, "aws.s3.Bucket");
  const name = valueOf(prop(r, "BucketName"), isString);
  const acl = cannedAcl(prop(r, "AccessControl"));
  const pab = presence(prop(r, "PublicAccessBlockConfiguration"));
  const sse = presence(prop(r, "BucketEncryption"));
  const ver = versioning(prop(r, "VersioningConfiguration"));
  if (name) b.bucket = name;
  if (acl) b.acl = acl;
  if (pab) b.publicAccessBlock = pab;
  if (sse) b.encryption = sse;
  if (ver) b.versioning = ver;
  return b;
}

/** The separate ingress/egress resources of a group: by GroupId reference, or by a literal GroupName. */
function separateRules(index: CfnIndex, group: CfnResource, type: string): CfnResource[] {
  const byRef = referring(index, type, "GroupId", group);
  const name = valueOf(prop(group, "GroupName"), isString);
  if (!name?.known) return byRef;
  const byName = index.ofType(type).filter((c) => {
    const v = valueOf(prop(c, "GroupName"), isString);
    return v?.known === true && v.value === name.value;
  });
  return [...byRef, ...byName.filter((c) => !byRef.includes(c))];
}

function securityGroups(index: CfnIndex): SecurityGroup[] {
  return index.ofType("AWS::EC2::SecurityGroup").map((g) => {
    const rules: SgRule[] = [
      ...itemsOf(prop(g, "SecurityGroupIngress")).map((n) => readRule("ingress", n)),
      ...itemsOf(prop(g, "SecurityGroupEgress")).map((n) => readRule("egress", n)),
    ];
    for (const x of separateRules(index, g, "AWS::EC2::SecurityGroupIngress")) rules.push(readRule("ingress", { t: "object", entries: x.properties, range: x.range }));
    for (const x of separateRules(index, g, "AWS::EC2::SecurityGroupEgress")) rules.push(readRule("egress", { t: "object", entries: x.properties, range: x.range }));
    return { ...base(g, "aws.ec2.SecurityGroup"), rules };
  });
}

/** Properties that make an instance take its storage from elsewhere (a replica, a snapshot, an Aurora cluster). */
const INHERITED_STORAGE = [
  "SourceDBInstanceIdentifier",
  "DBSnapshotIdentifier",
  "DBClusterIdentifier",
  "DBClusterSnapshotIdentifier",
  "SourceDbiResourceId",
  "SourceDBInstanceAutomatedBackupsArn",
  "SourceDBClusterIdentifier",
];

function rdsInstance(r: CfnResource): RdsInstance {
  const m: RdsInstance = { ...base(r, "aws.rds.Instance"), inheritsStorage: INHERITED_STORAGE.some((p) => r.properties.has(p)) };
  const publiclyAccessible = boolOf(prop(r, "PubliclyAccessible"));
  const storageEncrypted = boolOf(prop(r, "StorageEncrypted"));
  const deletionProtection = boolOf(prop(r, "DeletionProtection"));
  const backupRetentionPeriod = numberOf(prop(r, "BackupRetentionPeriod"));
  const password = stringOf(prop(r, "MasterUserPassword"));
  if (publiclyAccessible) m.publiclyAccessible = publiclyAccessible;
  if (storageEncrypted) m.storageEncrypted = storageEncrypted;
  if (deletionProtection) m.deletionProtection = deletionProtection;
  if (backupRetentionPeriod) m.backupRetentionPeriod = backupRetentionPeriod;
  if (password) m.password = password;
  return m;
}

/** A policy document as the IAM reader takes it: an object is read as it is, a string as JSON. */
function statementsOf(doc: IacNode | undefined): IamPolicy["statements"] {
  if (doc?.t === "object") return iamStatements({ t: "unknown", range: doc.range, encoded: doc });
  return iamStatements(doc);
}

function policies(index: CfnIndex): IamPolicy[] {
  const out: IamPolicy[] = [];
  for (const r of [...index.ofType("AWS::IAM::Policy"), ...index.ofType("AWS::IAM::ManagedPolicy")]) {
    out.push({ ...base(r, "aws.iam.Policy"), statements: statementsOf(prop(r, "PolicyDocument")) });
  }
  for (const type of ["AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"]) {
    for (const r of index.ofType(type)) {
      itemsOf(prop(r, "Policies")).forEach((p, i) => {
        if (p.t !== "object") return;
        const name = valueOf(p.entries.get("PolicyName"), isString);
        const label = name?.known ? name.value : String(i);
        out.push({ modelType: "aws.iam.Policy", address: `${r.address}.Policies[${label}]`, range: p.range, statements: statementsOf(p.entries.get("PolicyDocument")) });
      });
    }
  }
  return out;
}

function ebsVolume(r: CfnResource): EbsVolume {
  const v: EbsVolume = { ...base(r, "aws.ebs.Volume"), inheritsStorage: r.properties.has("SnapshotId") };
  const encrypted = boolOf(prop(r, "Encrypted"));
  if (encrypted) v.encrypted = encrypted;
  return v;
}

export const awsCoreMappers: readonly CfnMapper[] = [
  (index) => index.ofType("AWS::S3::Bucket").map(s3Bucket),
  securityGroups,
  (index) => index.ofType("AWS::RDS::DBInstance").map(rdsInstance),
  policies,
  (index) => index.ofType("AWS::EC2::Volume").map(ebsVolume),
];
