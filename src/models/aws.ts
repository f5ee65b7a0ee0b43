// AWS resources normalized for checks. Terraform values are only partly knowable from the source:
// every value says whether it was known, so a check reports nothing on what it cannot see.
import type { ResourceModel, SourceRange } from "../checks/types.js";
import type { Val } from "./value.js";

/** A value from the source; `known: false` when it comes from a function, a resource or a missing default. */
export type TfValue<T> = Val<T>;

export interface AwsResource extends ResourceModel {
  /** `aws_s3_bucket.logs` */
  address: string;
}

export interface S3Bucket extends AwsResource {
  modelType: "aws.s3.Bucket";
  bucket?: TfValue<string>;
  /** Inline `acl` or the `acl` of an `aws_s3_bucket_acl` that refers to this bucket. */
  acl?: TfValue<string>;
  /** Undefined: none in the file. `known: false`: one exists that may or may not refer to this bucket. */
  publicAccessBlock?: TfValue<true>;
  encryption?: TfValue<true>;
  /** true when enabled; false when written as disabled or suspended. */
  versioning?: TfValue<boolean>;
}

export interface SgRule {
  direction: "ingress" | "egress";
  fromPort?: TfValue<number>;
  toPort?: TfValue<number>;
  protocol?: TfValue<string>;
  /** IPv4 and IPv6 ranges; one unknown entry when the list itself could not be read. */
  cidrs: TfValue<string>[];
  /** The rule's `description`, when written. */
  description?: TfValue<string>;
  range: SourceRange;
}

export interface SecurityGroup extends AwsResource {
  modelType: "aws.ec2.SecurityGroup";
  rules: SgRule[];
}

export interface RdsInstance extends AwsResource {
  modelType: "aws.rds.Instance";
  publiclyAccessible?: TfValue<unknown>;
  storageEncrypted?: TfValue<unknown>;
  backupRetentionPeriod?: TfValue<unknown>;
  deletionProtection?: TfValue<unknown>;
  password?: TfValue<string>;
  /** Set when the instance inherits its storage settings (replica, snapshot restore). */
  inheritsStorage: boolean;
}

export interface IamStatement {
  effect?: TfValue<string>;
  action: TfValue<string>[];
  notAction: TfValue<string>[];
  resource: TfValue<string>[];
  range: SourceRange;
}

export interface IamPolicy extends AwsResource {
  modelType: "aws.iam.Policy";
  /** Empty when the document could not be read. */
  statements: IamStatement[];
}

export interface EbsVolume extends AwsResource {
  modelType: "aws.ebs.Volume";
  encrypted?: TfValue<unknown>;
  inheritsStorage: boolean;
}
