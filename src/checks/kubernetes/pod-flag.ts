// hostNetwork, hostPID and hostIPC are one boolean on the pod spec each: one evaluate serves all three.
import type { K8sPodSpec, K8sWorkload } from "../../models/k8s.js";
import { fail } from "../define.js";
import type { EvalResult } from "../types.js";
import { isTrue } from "./util.js";

export function podFlagSet(field: "hostNetwork" | "hostPID" | "hostIPC", consequence: string): (w: K8sWorkload) => EvalResult {
  return (w) => {
    const v = (w.podSpec as K8sPodSpec)[field];
    if (!v || !isTrue(v)) return undefined;
    return fail(v, `${w.kind} ${w.name} sets ${field}: true, so ${consequence}`, { key: field });
  };
}

/** A minimal Pod manifest with extra pod-spec lines, for the examples of pod-level checks. */
export function podWith(name: string, specLines: string): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: ops
spec:
${specLines}  containers:
    - name: ${name}
      image: registry.example.com/${name}:1.4.0`;
}
