// The value tree every IaC adapter produces (Terraform, CloudFormation, ARM, plan JSON) before
// values are mapped onto typed models. Each node keeps its source range; a value the adapter could
// not work out is `unknown`, so a check can stay quiet instead of guessing.
import type { SourceRange, Sourced } from "../checks/types.js";

export type IacNode =
  | { t: "prim"; value: string | number | boolean | null; range: SourceRange }
  | { t: "list"; items: IacNode[]; range: SourceRange }
  | { t: "object"; entries: Map<string, IacNode>; range: SourceRange }
  /**
   * `ref`: what the value refers to: a Terraform traversal such as `aws_s3_bucket.x.id`, or a
   * CloudFormation `Ref` (`LogicalId`) or `Fn::GetAtt` (`LogicalId.Attribute`).
   * `encoded`: the argument of Terraform's jsonencode(), kept so a policy document can be read.
   */
  | { t: "unknown"; range: SourceRange; ref?: string; encoded?: IacNode };

/** A value read from the source; `known: false` when the adapter could not work it out. */
export interface Val<T> extends Sourced<T | undefined> {
  known: boolean;
}
