// Shared by the Kubernetes checks: walking a pod's containers and naming what a finding is about.
import type { K8sContainer, K8sScalarSecurityField, K8sWorkload } from "../../models/k8s.js";
import { allContainers } from "../../models/k8s.js";
import type { SourceRange, Sourced, Violation } from "../types.js";

/** `container web` or `init container migrate`: how messages name a container. */
export function containerLabel(c: K8sContainer): string {
  return `${c.list === "initContainers" ? "init container" : "container"} ${c.name || "(unnamed)"}`;
}

/** The fingerprint key of a finding about one field of one container: stable when lines move. */
export function containerKey(c: K8sContainer, field: string): string {
  return `${c.list}/${c.name} ${field}`;
}

/** Runs a per-container test over every container of the workload, init containers included. */
export function eachContainer(w: K8sWorkload, test: (c: K8sContainer) => Violation | undefined, opts?: { initContainers?: boolean }): Violation[] {
  const list = opts?.initContainers === false ? w.podSpec.containers : allContainers(w.podSpec);
  return list.flatMap((c) => test(c) ?? []);
}

/** A container's setting, else the pod's: the container level wins where both are given. */
export function effective(w: K8sWorkload, c: K8sContainer, field: K8sScalarSecurityField): Sourced<unknown> | undefined {
  return c.securityContext[field] ?? w.podSpec.securityContext[field];
}

/** Kubernetes accepts `true` and, from YAML 1.1-minded writers, the string "true". */
export function isTrue(v: Sourced<unknown> | undefined): boolean {
  return v !== undefined && (v.value === true || v.value === "true");
}

export function isFalse(v: Sourced<unknown> | undefined): boolean {
  return v !== undefined && (v.value === false || v.value === "false");
}

/** Long-running kinds: Jobs and CronJobs run to completion, so probes and such do not apply. */
export function isLongRunning(w: K8sWorkload): boolean {
  return w.kind !== "Job" && w.kind !== "CronJob";
}

/** The first line of a range: where a missing value is reported (the container's `- name:` line, ...). */
export function firstLine(r: SourceRange): SourceRange {
  return { startLine: r.startLine, endLine: r.startLine };
}
