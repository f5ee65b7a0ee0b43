// Every Terraform mapper, and the index they read.
import type { ResourceModel } from "../../checks/types.js";
import { awsComputeMappers } from "./aws-compute.js";
import { awsCoreMappers } from "./aws-core.js";
import { awsDataMappers } from "./aws-data.js";
import { azureMappers } from "./azure.js";
import { gcpMappers } from "./gcp.js";
import type { TfIndex, TfMapper, TfResource } from "./types.js";

export const tfMappers: readonly TfMapper[] = [...awsCoreMappers, ...awsDataMappers, ...awsComputeMappers, ...azureMappers, ...gcpMappers];

export function tfIndex(resources: readonly TfResource[]): TfIndex {
  const byType = new Map<string, TfResource[]>();
  for (const r of resources) {
    const list = byType.get(r.type);
    if (list) list.push(r);
    else byType.set(r.type, [r]);
  }
  return { resources, ofType: (type) => byType.get(type) ?? [] };
}

/** Runs every mapper over the resources. */
export function mapTerraform(resources: readonly TfResource[]): ResourceModel[] {
  const index = tfIndex(resources);
  return tfMappers.flatMap((m) => m(index));
}
