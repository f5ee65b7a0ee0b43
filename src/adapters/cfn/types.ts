// What the CloudFormation adapter hands to mappers: every resource of the template, its
// properties evaluated as far as they are certain (parameters with defaults, conditions, the
// intrinsic functions whose result can be known). `Ref` and `Fn::GetAtt` to another resource stay
// unknown with `ref` set to `LogicalId` or `LogicalId.Attribute`, so mappers can join resources.
import type { ResourceModel, SourceRange } from "../../checks/types.js";
import type { IacNode } from "../../models/value.js";

export interface CfnResource {
  /** `LogsBucket` */
  logicalId: string;
  /** `AWS::S3::Bucket` (SAM types such as `AWS::Serverless::Function` are kept as written). */
  type: string;
  /** The logical id; models use it as their address. */
  address: string;
  /** The whole resource entry in the template. */
  range: SourceRange;
  /** `Properties`, as an object node (empty when absent). */
  properties: Map<string, IacNode>;
}

export interface CfnIndex {
  readonly resources: readonly CfnResource[];
  ofType(type: string): readonly CfnResource[];
  byId(logicalId: string): CfnResource | undefined;
}

/** Turns the resources it knows into models. Pure: same index, same models. */
export type CfnMapper = (index: CfnIndex) => ResourceModel[];
