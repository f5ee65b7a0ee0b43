// The pod spec of a workload (a Pod's spec, or the pod template of a Deployment, CronJob, ...),
// mapped onto K8sPodSpec with the lines of each value.
import type { Node } from "yaml";
import type { SourceRange, Sourced } from "../checks/types.js";
import type { K8sContainer, K8sPodSpec, K8sProbe, K8sSecretRef, K8sSecurityContext } from "../models/k8s.js";
import type { Reader } from "./kubernetes-reader.js";

const SCALARS = ["privileged", "allowPrivilegeEscalation", "runAsNonRoot", "runAsUser", "runAsGroup", "readOnlyRootFilesystem", "procMount", "fsGroup"] as const;
/** Fields one level down, flattened onto the model. */
const NESTED = [
  ["seccompProfile", "seccompProfile", "type"],
  ["appArmorProfile", "appArmorProfile", "type"],
  ["seLinuxType", "seLinuxOptions", "type"],
  ["seLinuxUser", "seLinuxOptions", "user"],
  ["seLinuxRole", "seLinuxOptions", "role"],
  ["hostProcess", "windowsOptions", "hostProcess"],
] as const;
const PROBE_ACTIONS = ["exec", "httpGet", "tcpSocket", "grpc"];

function securityContext(r: Reader, parent: Node | undefined, fallback: SourceRange, pod: boolean): K8sSecurityContext {
  const node = r.get(parent, "securityContext");
  const at = r.entryRange(parent, "securityContext", fallback) ?? fallback;
  const caps = r.get(node, "capabilities");
  const sc: K8sSecurityContext = {
    capabilities: { add: r.strings(r.get(caps, "add"), at), drop: r.strings(r.get(caps, "drop"), at) },
  };
  if (node) sc.range = at;
  const capsAt = r.entryRange(node, "capabilities", at);
  if (capsAt) sc.capabilities.range = capsAt;
  for (const f of SCALARS) {
    const v = r.scalar(r.get(node, f), at);
    if (v) sc[f] = v;
  }
  for (const [field, parentKey, key] of NESTED) {
    const v = r.scalar(r.path(node, parentKey, key), at);
    if (v) sc[field] = v;
  }
  if (pod) {
    sc.supplementalGroups = r.items(r.get(node, "supplementalGroups")).flatMap((g) => r.scalar(g, at) ?? []);
    sc.sysctls = r.items(r.get(node, "sysctls")).flatMap((s) => {
      const name = r.string(r.get(s, "name"), r.range(s, at));
      return name ? [name] : [];
    });
  }
  return sc;
}

function quantities(r: Reader, node: Node | undefined, fallback: SourceRange): Record<string, Sourced<unknown>> {
  const out: Record<string, Sourced<unknown>> = {};
  for (const [k, v] of r.entries(node)) {
    const s = r.scalar(v, fallback);
    if (s) out[k] = s;
  }
  return out;
}

function probe(r: Reader, node: Node, key: "livenessProbe" | "readinessProbe", fallback: SourceRange): K8sProbe | undefined {
  const p = r.get(node, key);
  if (r.isNull(p)) return undefined;
  const action = PROBE_ACTIONS.find((a) => r.get(p, a) !== undefined);
  const handler = action === undefined ? "" : `${action}:${r.canonical(r.get(p, action))}`;
  return { value: true, range: r.entryRange(node, key, fallback) ?? fallback, handler };
}

/** `parent.secretKeyRef` or `parent.secretRef`, when written (and not null). */
function secretRef(r: Reader, parent: Node | undefined, key: "secretKeyRef" | "secretRef", fallback: SourceRange): K8sSecretRef | undefined {
  const node = r.get(parent, key);
  if (node === undefined || r.isNull(node)) return undefined;
  const at = r.entryRange(parent, key, fallback) ?? fallback;
  const name = r.string(r.get(node, "name"), at);
  const k = r.string(r.get(node, "key"), at);
  return { range: at, ...(name ? { name } : {}), ...(k ? { key: k } : {}) };
}

function container(r: Reader, node: Node, list: K8sContainer["list"], fallback: SourceRange): K8sContainer {
  const range = r.range(node, fallback);
  const res = r.get(node, "resources");
  const c: K8sContainer = {
    name: r.text(r.get(node, "name")) ?? "",
    list,
    range,
    securityContext: securityContext(r, node, range, false),
    resources: { limits: quantities(r, r.get(res, "limits"), range), requests: quantities(r, r.get(res, "requests"), range) },
    env: r.items(r.get(node, "env")).map((e) => {
      const at = r.range(e, range);
      const value = r.string(r.get(e, "value"), range);
      const ref = secretRef(r, r.get(e, "valueFrom"), "secretKeyRef", at);
      return { name: r.text(r.get(e, "name")) ?? "", range: at, ...(value ? { value } : {}), ...(ref ? { secretKeyRef: ref } : {}) };
    }),
    envFrom: r.items(r.get(node, "envFrom")).map((e) => {
      const at = r.range(e, range);
      const ref = secretRef(r, e, "secretRef", at);
      return { range: at, ...(ref ? { secretRef: ref } : {}) };
    }),
    ports: r.items(r.get(node, "ports")).map((p) => {
      const at = r.range(p, range);
      const containerPort = r.scalar(r.get(p, "containerPort"), at);
      const hostPort = r.scalar(r.get(p, "hostPort"), at);
      return { range: at, ...(containerPort ? { containerPort } : {}), ...(hostPort ? { hostPort } : {}) };
    }),
  };
  const resAt = r.entryRange(node, "resources", range);
  if (resAt) c.resources.range = resAt;
  const image = r.string(r.get(node, "image"), range);
  if (image) c.image = image;
  const pull = r.string(r.get(node, "imagePullPolicy"), range);
  if (pull) c.imagePullPolicy = pull;
  for (const key of ["livenessProbe", "readinessProbe"] as const) {
    const p = probe(r, node, key, range);
    if (p) c[key] = p;
  }
  return c;
}

/** The volume source of a volume entry: the one key other than `name`. */
function volumeType(r: Reader, v: Node): string {
  return r.entries(v).find(([k]) => k !== "name")?.[0] ?? "";
}

/** Maps a pod spec; `annotations` are the pod's own (the Pod's metadata, or the template's). */
export function podSpec(r: Reader, node: Node | undefined, annotations: Node | undefined, fallback: SourceRange): K8sPodSpec {
  const range = r.range(node, fallback);
  const spec: K8sPodSpec = {
    range,
    securityContext: securityContext(r, node, range, true),
    volumes: r.items(r.get(node, "volumes")).map((v) => {
      const at = r.range(v, range);
      const hostPath = r.string(r.path(v, "hostPath", "path"), at);
      return { name: r.text(r.get(v, "name")) ?? "", type: volumeType(r, v), range: at, ...(hostPath ? { hostPath } : {}) };
    }),
    containers: r.items(r.get(node, "containers")).map((c) => container(r, c, "containers", range)),
    initContainers: r.items(r.get(node, "initContainers")).map((c) => container(r, c, "initContainers", range)),
    annotations: r.stringMap(annotations, range),
  };
  for (const f of ["hostNetwork", "hostPID", "hostIPC", "shareProcessNamespace", "automountServiceAccountToken"] as const) {
    const v = r.scalar(r.get(node, f), range);
    if (v) spec[f] = v;
  }
  const sa = r.string(r.get(node, "serviceAccountName"), range);
  if (sa) spec.serviceAccountName = sa;
  return spec;
}

/** The node holding the pod's metadata and spec: the object itself for a Pod, else its pod template. */
export function podTemplate(r: Reader, obj: Node, kind: string): Node | undefined {
  if (kind === "Pod") return obj;
  if (kind === "CronJob") return r.path(obj, "spec", "jobTemplate", "spec", "template");
  return r.path(obj, "spec", "template");
}
