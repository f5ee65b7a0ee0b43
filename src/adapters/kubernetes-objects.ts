// One Kubernetes object (a document, or an item of a `kind: List`) mapped onto its model:
// workloads, RBAC, Service, Ingress, NetworkPolicy, ServiceAccount and Namespace. Other kinds give
// no model.
import type { Node } from "yaml";
import type { ResourceModel, SourceRange } from "../checks/types.js";
import {
  WORKLOAD_KINDS,
  type K8sIngress,
  type K8sNamespace,
  type K8sNetworkPolicy,
  type K8sObject,
  type K8sPolicyPeer,
  type K8sPolicyRule,
  type K8sPolicyTraffic,
  type K8sRole,
  type K8sRoleBinding,
  type K8sService,
  type K8sServiceAccount,
  type K8sWorkload,
} from "../models/k8s.js";
import { podSpec, podTemplate } from "./kubernetes-pod.js";
import type { Reader } from "./kubernetes-reader.js";

const CLUSTER_SCOPED = new Set([
  "ClusterRole", "ClusterRoleBinding", "Namespace", "Node", "PersistentVolume", "StorageClass",
  "CustomResourceDefinition", "PriorityClass", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration",
]);

type Base = Omit<K8sObject, "modelType">;

function rule(r: Reader, node: Node, fallback: SourceRange): K8sPolicyRule {
  const range = r.range(node, fallback);
  return {
    range,
    verbs: r.strings(r.get(node, "verbs"), range),
    resources: r.strings(r.get(node, "resources"), range),
    apiGroups: r.strings(r.get(node, "apiGroups"), range),
    resourceNames: r.strings(r.get(node, "resourceNames"), range),
  };
}

/** A label selector: `{}` (or one with no labels and no expressions) selects everything. */
function selector(r: Reader, node: Node | undefined): "empty" | "set" | undefined {
  if (node === undefined) return undefined;
  const terms = r.entries(r.get(node, "matchLabels")).length + r.items(r.get(node, "matchExpressions")).length;
  return terms > 0 ? "set" : "empty";
}

function peer(r: Reader, node: Node, fallback: SourceRange): K8sPolicyPeer {
  const range = r.range(node, fallback);
  const cidr = r.string(r.path(node, "ipBlock", "cidr"), range);
  const pods = selector(r, r.get(node, "podSelector"));
  const namespaces = selector(r, r.get(node, "namespaceSelector"));
  return {
    range,
    hasExcept: r.items(r.path(node, "ipBlock", "except")).length > 0,
    ...(cidr ? { cidr } : {}),
    ...(pods ? { podSelector: pods } : {}),
    ...(namespaces ? { namespaceSelector: namespaces } : {}),
  };
}

function traffic(r: Reader, spec: Node | undefined, key: "ingress" | "egress", fallback: SourceRange): K8sPolicyTraffic[] {
  const peersKey = key === "ingress" ? "from" : "to";
  return r.items(r.get(spec, key)).map((n) => {
    const range = r.range(n, fallback);
    const peers = r.get(n, peersKey);
    return {
      range,
      hasPorts: r.items(r.get(n, "ports")).length > 0,
      ...(r.isNull(peers) ? {} : { peers: r.items(peers).map((p) => peer(r, p, range)) }),
    };
  });
}

function workload(r: Reader, obj: Node, base: Base): K8sWorkload {
  const template = podTemplate(r, obj, base.kind);
  const spec = r.get(template, "spec");
  return { ...base, modelType: "k8s.Workload", podSpec: podSpec(r, spec, r.path(template, "metadata", "annotations"), base.range) };
}

function binding(r: Reader, obj: Node, base: Base, kind: "RoleBinding" | "ClusterRoleBinding"): K8sRoleBinding {
  const range = base.range;
  const ref = r.get(obj, "roleRef");
  const refName = r.string(r.get(ref, "name"), range);
  return {
    ...base,
    modelType: `k8s.${kind}`,
    subjects: r.items(r.get(obj, "subjects")).map((s) => {
      const ns = r.text(r.get(s, "namespace"));
      return { kind: r.text(r.get(s, "kind")) ?? "", name: r.text(r.get(s, "name")) ?? "", range: r.range(s, range), ...(ns !== undefined ? { namespace: ns } : {}) };
    }),
    ...(refName ? { roleRef: { kind: r.text(r.get(ref, "kind")) ?? "", name: refName } } : {}),
  };
}

function service(r: Reader, obj: Node, base: Base): K8sService {
  const spec = r.get(obj, "spec");
  const type = r.string(r.get(spec, "type"), base.range);
  return {
    ...base,
    modelType: "k8s.Service",
    loadBalancerSourceRanges: r.strings(r.get(spec, "loadBalancerSourceRanges"), base.range),
    externalIPs: r.strings(r.get(spec, "externalIPs"), base.range),
    ...(type ? { type } : {}),
  };
}

function ingress(r: Reader, obj: Node, base: Base): K8sIngress {
  const spec = r.get(obj, "spec");
  const specRange = r.entryRange(obj, "spec", base.range);
  return {
    ...base,
    modelType: "k8s.Ingress",
    tls: r.items(r.get(spec, "tls")).map((t) => ({ hosts: r.strings(r.get(t, "hosts"), r.range(t, base.range)), range: r.range(t, base.range) })),
    hosts: r.items(r.get(spec, "rules")).flatMap((rule) => r.string(r.get(rule, "host"), r.range(rule, base.range)) ?? []),
    ...(specRange ? { specRange } : {}),
  };
}

function networkPolicy(r: Reader, obj: Node, base: Base): K8sNetworkPolicy {
  const spec = r.get(obj, "spec");
  return {
    ...base,
    modelType: "k8s.NetworkPolicy",
    policyTypes: r.strings(r.get(spec, "policyTypes"), base.range),
    ingress: traffic(r, spec, "ingress", base.range),
    egress: traffic(r, spec, "egress", base.range),
  };
}

function serviceAccount(r: Reader, obj: Node, base: Base): K8sServiceAccount {
  const automount = r.scalar(r.get(obj, "automountServiceAccountToken"), base.range);
  return { ...base, modelType: "k8s.ServiceAccount", ...(automount ? { automountServiceAccountToken: automount } : {}) };
}

function metadata(r: Reader, obj: Node, kind: string, source: string | undefined): Base {
  const range = r.range(obj, { startLine: 1, endLine: 1 });
  const meta = r.get(obj, "metadata");
  const name = r.text(r.get(meta, "name")) ?? "";
  const written = r.string(r.get(meta, "namespace"), range);
  const namespace = CLUSTER_SCOPED.has(kind) ? undefined : (written?.value ?? "default");
  const id = namespace === undefined ? `${kind}/${name}` : `${kind}/${namespace}/${name}`;
  return {
    kind,
    name,
    range,
    address: source === undefined ? id : `${id} (${source})`,
    labels: r.stringMap(r.get(meta, "labels"), range),
    annotations: r.stringMap(r.get(meta, "annotations"), range),
    ...(namespace !== undefined ? { namespace } : {}),
    ...(written && namespace !== undefined ? { namespaceField: written } : {}),
    ...(source !== undefined ? { source } : {}),
  };
}

/** The model of one object, or undefined for a kind no check looks at (and for anything not an object). */
export function toModel(r: Reader, obj: Node, source: string | undefined): ResourceModel | undefined {
  const kind = r.text(r.get(obj, "kind"));
  if (kind === undefined || r.text(r.get(obj, "apiVersion")) === undefined) return undefined;
  const base = metadata(r, obj, kind, source);
  if (WORKLOAD_KINDS.has(kind)) return workload(r, obj, base);
  switch (kind) {
    case "Role":
    case "ClusterRole": {
      const m: K8sRole = { ...base, modelType: `k8s.${kind}`, rules: r.items(r.get(obj, "rules")).map((n) => rule(r, n, base.range)) };
      return m;
    }
    case "RoleBinding":
    case "ClusterRoleBinding":
      return binding(r, obj, base, kind);
    case "Service":
      return service(r, obj, base);
    case "Ingress":
      return ingress(r, obj, base);
    case "NetworkPolicy":
      return networkPolicy(r, obj, base);
    case "ServiceAccount":
      return serviceAccount(r, obj, base);
    case "Namespace": {
      const m: K8sNamespace = { ...base, modelType: "k8s.Namespace" };
      return m;
    }
    default:
      return undefined;
  }
}
