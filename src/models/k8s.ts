// Kubernetes objects normalized for checks: every value keeps the lines it was written on, so a
// finding points at `privileged: true` itself, whether it came from a YAML file or (later) a cluster.
import type { ResourceModel, SourceRange, Sourced } from "../checks/types.js";

export interface K8sObject extends ResourceModel {
  kind: string;
  name: string;
  /** Undefined for cluster-scoped kinds; "default" when a namespaced object names none. */
  namespace?: string;
}

export interface K8sCapabilities {
  add: Sourced<string>[];
  drop: Sourced<string>[];
  /** The `capabilities:` entry itself, when written. */
  range?: SourceRange;
}

/** The fields of a SecurityContext that checks look at, pod or container level. */
export interface K8sSecurityContext {
  range?: SourceRange;
  privileged?: Sourced<unknown>;
  allowPrivilegeEscalation?: Sourced<unknown>;
  runAsNonRoot?: Sourced<unknown>;
  runAsUser?: Sourced<unknown>;
  readOnlyRootFilesystem?: Sourced<unknown>;
  capabilities: K8sCapabilities;
}

export interface K8sEnvVar {
  name: string;
  /** A literal `value:`, never `valueFrom`. */
  value?: Sourced<string>;
  range: SourceRange;
}

export interface K8sPort {
  containerPort?: Sourced<unknown>;
  hostPort?: Sourced<unknown>;
  range: SourceRange;
}

export interface K8sContainer {
  name: string;
  /** `containers` or `initContainers`. */
  list: "containers" | "initContainers";
  range: SourceRange;
  image?: Sourced<string>;
  securityContext: K8sSecurityContext;
  resources: {
    limits: Record<string, Sourced<unknown>>;
    requests: Record<string, Sourced<unknown>>;
    range?: SourceRange;
  };
  livenessProbe?: Sourced<true>;
  readinessProbe?: Sourced<true>;
  env: K8sEnvVar[];
  ports: K8sPort[];
}

export interface K8sVolume {
  name: string;
  /** The `hostPath.path`, when the volume is a hostPath one. */
  hostPath?: Sourced<string>;
  range: SourceRange;
}

export interface K8sPodSpec {
  range: SourceRange;
  hostNetwork?: Sourced<unknown>;
  hostPID?: Sourced<unknown>;
  hostIPC?: Sourced<unknown>;
  serviceAccountName?: Sourced<string>;
  automountServiceAccountToken?: Sourced<unknown>;
  securityContext: K8sSecurityContext;
  volumes: K8sVolume[];
  containers: K8sContainer[];
  initContainers: K8sContainer[];
}

/** Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController. */
export interface K8sWorkload extends K8sObject {
  modelType: "k8s.Workload";
  podSpec: K8sPodSpec;
}

export interface K8sPolicyRule {
  verbs: Sourced<string>[];
  resources: Sourced<string>[];
  apiGroups: Sourced<string>[];
  range: SourceRange;
}

export interface K8sRole extends K8sObject {
  modelType: "k8s.Role" | "k8s.ClusterRole";
  rules: K8sPolicyRule[];
}

export interface K8sSubject {
  kind: string;
  name: string;
  namespace?: string;
  range: SourceRange;
}

export interface K8sRoleBinding extends K8sObject {
  modelType: "k8s.RoleBinding" | "k8s.ClusterRoleBinding";
  roleRef?: { kind: string; name: Sourced<string> };
  subjects: K8sSubject[];
}

export interface K8sService extends K8sObject {
  modelType: "k8s.Service";
  type?: Sourced<string>;
}

export const WORKLOAD_KINDS: ReadonlySet<string> = new Set([
  "Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "ReplicationController",
]);

/** Every container of the pod, init containers included. */
export function allContainers(spec: K8sPodSpec): K8sContainer[] {
  return [...spec.initContainers, ...spec.containers];
}
