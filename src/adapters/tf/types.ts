// What the Terraform adapter hands to mappers: every resource of the module being read, with its
// attributes evaluated as far as they are certain. A mapper turns the resource types it knows into
// typed models (src/models), joining companion resources by reference where Terraform splits one
// thing over several resources.
import type { ResourceModel } from "../../checks/types.js";
import type { TfBlock } from "../terraform-hcl.js";

export interface TfResource {
  /** `aws_s3_bucket` */
  type: string;
  /** `logs` */
  name: string;
  /** `aws_s3_bucket.logs`, with a module prefix and an instance key where there is one. */
  address: string;
  block: TfBlock;
}

export interface TfIndex {
  readonly resources: readonly TfResource[];
  /** Resources of one type, in source order. */
  ofType(type: string): readonly TfResource[];
}

/** Turns the resources it knows into models. Pure: same index, same models. */
export type TfMapper = (index: TfIndex) => ResourceModel[];
