// Kubernetes objects normalized for checks: every value keeps the lines it was written on, so a
// finding points at `privileged: true` itself, whether it came from a YAML file or (later) a cluster.
import type { ResourceModel, SourceRange, Sourced } from "../checks/types.js";

export interface K8sObject extends ResourceModel {
  kind: string;
  name: string;
  /** Undefined for cluster-scoped kinds; "default" when a namespaced object names none. */
  namespace?: string;
  /** `metadata.namespace` as written: undefined when the manifest names none (kubectl -n, Kustomize may set it). */
  namespaceField?: Sourced<string>;
  /** The Helm template the object was rendered from (a `# Source:` comment above it), when there is one. */
  source?: string;
  /** `metadata.labels` and `metadata.annotations`, string values only. */
  labels: Record<string, Sourced<string>>;
  annotations: Record<string, Sourced<string>>;
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
  runAsGroup?: Sourced<unknown>;
  readOnlyRootFilesystem?: Sourced<unknown>;
  procMount?: Sourced<unknown>;
  /** `seccompProfile.type` */
  seccompProfile?: Sourced<unknown>;
  /** `appArmorProfile.type` */
  appArmorProfile?: Sourced<unknown>;
  /** `seLinuxOptions.type`, `.user` and `.role` */
  seLinuxType?: Sourced<unknown>;
  seLinuxUser?: Sourced<unknown>;
  seLinuxRole?: Sourced<unknown>;
  /** `windowsOptions.hostProcess` */
  hostProcess?: Sourced<unknown>;
  /** Pod level only. */
  fsGroup?: Sourced<unknown>;
  /** Pod level only. */
  supplementalGroups?: Sourced<unknown>[];
  /** Pod level only: the names of `sysctls`. */
  sysctls?: Sourced<string>[];
  capabilities: K8sCapabilities;
}

/** The SecurityContext fields that hold one scalar, and that a container may override from the pod. */
export type K8sScalarSecurityField =
  | "privileged"
  | "allowPrivilegeEscalation"
  | "runAsNonRoot"
  | "runAsUser"
  | "runAsGroup"
  | "readOnlyRootFilesystem"
  | "procMount"
  | "seccompProfile"
  | "appArmorProfile"
  | "seLinuxType"
  | "seLinuxUser"
  | "seLinuxRole"
  | "hostProcess";

/** A probe that is written; `handler` is its action (exec, httpGet, tcpSocket, grpc) in a canonical form. */
export interface K8sProbe extends Sourced<true> {
  handler: string;
}

/** A reference to a Secret: `valueFrom.secretKeyRef` or `envFrom[].secretRef`. */
export interface K8sSecretRef {
  /** The Secret's `name`, when written. */
  name?: Sourced<string>;
  /** `secretKeyRef.key`; absent on `secretRef`, which takes every key. */
  key?: Sourced<string>;
  /** The `secretKeyRef:` / `secretRef:` entry. */
  range: SourceRange;
}

export interface K8sEnvVar {
  name: string;
  /** A literal `value:`, never `valueFrom`. */
  value?: Sourced<string>;
  /** `valueFrom.secretKeyRef`: the value is a Secret's key. */
  secretKeyRef?: K8sSecretRef;
  range: SourceRange;
}

/** One `envFrom` entry: every key of a ConfigMap or Secret as a variable. */
export interface K8sEnvFrom {
  /** `secretRef`, when the source is a Secret. */
  secretRef?: K8sSecretRef;
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
  imagePullPolicy?: Sourced<string>;
  securityContext: K8sSecurityContext;
  resources: {
    limits: Record<string, Sourced<unknown>>;
    requests: Record<string, Sourced<unknown>>;
    range?: SourceRange;
  };
  livenessProbe?: K8sProbe;
  readinessProbe?: K8sProbe;
  env: K8sEnvVar[];
  envFrom: K8sEnvFrom[];
  ports: K8sPort[];
}

export interface K8sVolume {
  name: string;
  /** The volume source: the key beside `name` (`hostPath`, `emptyDir`, `nfs`, ...); "" when none is written. */
  type: string;
  /** The `hostPath.path`, when the volume is a hostPath one. */
  hostPath?: Sourced<string>;
  range: SourceRange;
}

export interface K8sPodSpec {
  range: SourceRange;
  hostNetwork?: Sourced<unknown>;
  hostPID?: Sourced<unknown>;
  hostIPC?: Sourced<unknown>;
  shareProcessNamespace?: Sourced<unknown>;
  serviceAccountName?: Sourced<string>;
  automountServiceAccountToken?: Sourced<unknown>;
  securityContext: K8sSecurityContext;
  volumes: K8sVolume[];
  containers: K8sContainer[];
  initContainers: K8sContainer[];
  /** The pod's own annotations: the Pod's, or those of the workload's pod template. */
  annotations: Record<string, Sourced<string>>;
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
  /** Empty when the rule covers every object of its resources. */
  resourceNames: Sourced<string>[];
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
  loadBalancerSourceRanges: Sourced<string>[];
  externalIPs: Sourced<string>[];
}

export interface K8sIngressTls {
  /** Empty: the entry covers whatever host the controller serves by default. */
  hosts: Sourced<string>[];
  range: SourceRange;
}

export interface K8sIngress extends K8sObject {
  modelType: "k8s.Ingress";
  tls: K8sIngressTls[];
  /** The `host` of each rule that names one. */
  hosts: Sourced<string>[];
  /** The `spec:` entry, where a missing `tls` is reported. */
  specRange?: SourceRange;
}

/** One `from`/`to` entry of a NetworkPolicy rule. */
export interface K8sPolicyPeer {
  range: SourceRange;
  /** `ipBlock.cidr`, and whether `except` carves anything out of it. */
  cidr?: Sourced<string>;
  hasExcept: boolean;
  /** Whether a selector is written, and whether it is empty (`{}` selects everything). */
  podSelector?: "empty" | "set";
  namespaceSelector?: "empty" | "set";
}

export interface K8sPolicyTraffic {
  range: SourceRange;
  /** `from` (ingress) or `to` (egress); undefined when not written, which allows every peer. */
  peers?: K8sPolicyPeer[];
  /** Whether `ports` restricts the rule. */
  hasPorts: boolean;
}

export interface K8sNetworkPolicy extends K8sObject {
  modelType: "k8s.NetworkPolicy";
  policyTypes: Sourced<string>[];
  ingress: K8sPolicyTraffic[];
  egress: K8sPolicyTraffic[];
}

export interface K8sServiceAccount extends K8sObject {
  modelType: "k8s.ServiceAccount";
  automountServiceAccountToken?: Sourced<unknown>;
}

export interface K8sNamespace extends K8sObject {
  modelType: "k8s.Namespace";
}

export const WORKLOAD_KINDS: ReadonlySet<string> = new Set([
  "Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "ReplicationController",
]);

/** Every container of the pod, init containers included. */
export function allContainers(spec: K8sPodSpec): K8sContainer[] {
  return [...spec.initContainers, ...spec.containers];
}

/**
 * A namespace that runs workloads in the scanned manifests while none of them is a NetworkPolicy of
 * it: read from every manifest of a scan together (kubernetes-coverage.ts). Workloads that name no
 * namespace are left out (`kubectl -n` may place them anywhere).
 */
export interface K8sNamespacePolicyCoverage extends ResourceModel {
  modelType: "k8s.NamespacePolicyCoverage";
  namespace: string;
  /** Where the namespace is seen: its Namespace object, else its first workload. */
  range: SourceRange;
  /** Whether `range` is the Namespace object. */
  namespaceObject: boolean;
  /** The workloads in it (`Deployment/web`), in scan order. */
  workloads: string[];
}
