// Every CloudFormation mapper, and the index they read.
import type { ResourceModel } from "../../checks/types.js";
import { awsComputeMappers } from "./aws-compute.js";
import { awsCoreMappers } from "./aws-core.js";
import { awsDataMappers } from "./aws-data.js";
import type { CfnIndex, CfnMapper, CfnResource } from "./types.js";

export const cfnMappers: readonly CfnMapper[] = [...awsCoreMappers, ...awsDataMappers, ...awsComputeMappers];

export function cfnIndex(resources: readonly CfnResource[]): CfnIndex {
  const byType = new Map<string, CfnResource[]>();
  const byId = new Map<string, CfnResource>();
  for (const r of resources) {
    byId.set(r.logicalId, r);
    const list = byType.get(r.type);
    if (list) list.push(r);
    else byType.set(r.type, [r]);
  }
  return { resources, ofType: (type) => byType.get(type) ?? [], byId: (id) => byId.get(id) };
}

export function mapCloudFormation(resources: readonly CfnResource[]): ResourceModel[] {
  const index = cfnIndex(resources);
  return cfnMappers.flatMap((m) => m(index));
}
