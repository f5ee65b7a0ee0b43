// How the ECS checks name containers.
import type { EcsContainer, EcsTaskDefinition } from "../../models/aws-compute.js";
import type { Violation } from "../types.js";

export function containerLabel(t: EcsTaskDefinition, c: EcsContainer): string {
  return `container ${c.name} of ${t.address}`;
}

/** Runs `judge` on every container; task definitions whose containers cannot be read give nothing. */
export function eachContainer(t: EcsTaskDefinition, judge: (c: EcsContainer) => Violation | Violation[] | undefined): Violation[] {
  return (t.containers ?? []).flatMap((c) => judge(c) ?? []);
}
