// Where a container's seccomp profile comes from: its own securityContext, the pod's, or the
// annotations that preceded the fields (still honoured by older clusters, still written by charts).
import type { K8sContainer, K8sWorkload } from "../../models/k8s.js";
import type { Sourced } from "../types.js";

export const POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
export const CONTAINER_ANNOTATION = "container.seccomp.security.alpha.kubernetes.io/";

export type SeccompKind = "confined" | "unconfined" | "other";

/** RuntimeDefault and Localhost confine; Unconfined does not; anything else (a typo, a variable) is neither. */
export function seccompKind(v: unknown): SeccompKind {
  if (typeof v !== "string") return "other";
  const s = v.toLowerCase();
  if (s === "runtimedefault" || s === "localhost" || s === "runtime/default" || s === "docker/default" || s.startsWith("localhost/")) return "confined";
  return s === "unconfined" ? "unconfined" : "other";
}

/** The setting that decides the container's profile: container field, container annotation, pod field, pod annotation. */
export function effectiveSeccomp(w: K8sWorkload, c: K8sContainer): Sourced<unknown> | undefined {
  return (
    c.securityContext.seccompProfile ??
    w.podSpec.annotations[CONTAINER_ANNOTATION + c.name] ??
    w.podSpec.securityContext.seccompProfile ??
    w.podSpec.annotations[POD_ANNOTATION]
  );
}
