// Kubernetes YAML adapter: every document (and every item of a `kind: List`) with apiVersion and
// kind becomes one model; values keep their own lines. Other YAML files yield no models, since a
// path alone cannot tell a manifest from any other YAML.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node, type YAMLMap } from "yaml";
import type { ResourceModel, SourceRange, Sourced } from "../checks/types.js";
import { InputError } from "../core/errors.js";
import {
  WORKLOAD_KINDS,
  type K8sContainer,
  type K8sObject,
  type K8sPodSpec,
  type K8sPolicyRule,
  type K8sRole,
  type K8sRoleBinding,
  type K8sSecurityContext,
  type K8sService,
  type K8sWorkload,
} from "../models/k8s.js";
import type { Adapter, ParsedFile } from "./types.js";

/** Aliases a document may expand to: real manifests use a handful; a "billion laughs" file needs millions. */
export const MAX_ALIAS_COUNT = 100;

const CLUSTER_SCOPED = new Set(["ClusterRole", "ClusterRoleBinding", "Namespace", "Node", "PersistentVolume", "StorageClass"]);

function wants(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

class Reader {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly lc: LineCounter,
  ) {}

  /** Follows aliases one step at a time: the alias count was bounded when the document was checked. */
  deref(node: unknown): Node | undefined {
    let n = node;
    for (let i = 0; i < 8 && isAlias(n); i++) n = n.resolve(this.doc);
    return n as Node | undefined;
  }

  get(map: unknown, key: string): Node | undefined {
    const m = this.deref(map);
    if (!isMap(m)) return undefined;
    for (const pair of m.items) {
      const k = this.deref(pair.key);
      if (isScalar(k) && k.value === key) return this.deref(pair.value) ?? undefined;
    }
    return undefined;
  }

  /** From the key to the end of its value: a block value alone starts a line below its key. */
  entryRange(map: unknown, key: string, fallback: SourceRange): SourceRange | undefined {
    const m = this.deref(map);
    if (!isMap(m)) return undefined;
    for (const pair of m.items) {
      const k = this.deref(pair.key);
      if (!isScalar(k) || k.value !== key) continue;
      const start = this.range(k, fallback).startLine;
      const value = this.deref(pair.value);
      return { startLine: start, endLine: value ? Math.max(start, this.range(value, fallback).endLine) : start };
    }
    return undefined;
  }

  path(node: unknown, ...keys: string[]): Node | undefined {
    let n: unknown = node;
    for (const k of keys) n = this.get(n, k);
    return n as Node | undefined;
  }

  range(node: Node | undefined, fallback: SourceRange): SourceRange {
    const r = node?.range;
    if (!r) return fallback;
    const start = this.lc.linePos(r[0]);
    let end = this.lc.linePos(Math.max(r[0], r[1]));
    // A block node's range runs up to the start of the line after it.
    if (end.col === 1 && end.line > start.line) end = this.lc.linePos(Math.max(r[0], r[1] - 1));
    return { startLine: start.line, endLine: Math.max(start.line, end.line) };
  }

  scalar(node: Node | undefined, fallback: SourceRange): Sourced<unknown> | undefined {
    if (!isScalar(node)) return undefined;
    return { value: node.value, range: this.range(node, fallback) };
  }

  string(node: Node | undefined, fallback: SourceRange): Sourced<string> | undefined {
    const s = this.scalar(node, fallback);
    return s && (typeof s.value === "string" || typeof s.value === "number") ? { value: String(s.value), range: s.range } : undefined;
  }

  text(node: Node | undefined): string | undefined {
    return isScalar(node) && (typeof node.value === "string" || typeof node.value === "number") ? String(node.value) : undefined;
  }

  items(node: Node | undefined): Node[] {
    return isSeq(node) ? node.items.map((i) => this.deref(i)).filter((i): i is Node => i !== undefined && i !== null) : [];
  }

  strings(node: Node | undefined, fallback: SourceRange): Sourced<string>[] {
    return this.items(node).flatMap((i) => this.string(i, fallback) ?? []);
  }
}

function securityContext(r: Reader, parent: Node | undefined, fallback: SourceRange): K8sSecurityContext {
  const node = r.get(parent, "securityContext");
  const at = r.entryRange(parent, "securityContext", fallback) ?? fallback;
  const caps = r.get(node, "capabilities");
  const sc: K8sSecurityContext = {
    capabilities: { add: r.strings(r.get(caps, "add"), at), drop: r.strings(r.get(caps, "drop"), at) },
  };
  if (node) sc.range = at;
  const capsAt = r.entryRange(node, "capabilities", at);
  if (capsAt) sc.capabilities.range = capsAt;
  for (const f of ["privileged", "allowPrivilegeEscalation", "runAsNonRoot", "runAsUser", "readOnlyRootFilesystem"] as const) {
    const v = r.scalar(r.get(node, f), at);
    if (v) sc[f] = v;
  }
  return sc;
}

function quantities(r: Reader, node: Node | undefined, fallback: SourceRange): Record<string, Sourced<unknown>> {
  const out: Record<string, Sourced<unknown>> = {};
  const m = r.deref(node);
  if (!isMap(m)) return out;
  for (const pair of (m as YAMLMap).items) {
    const k = r.text(r.deref(pair.key));
    const v = r.scalar(r.deref(pair.value), fallback);
    if (k !== undefined && v) out[k] = v;
  }
  return out;
}

function container(r: Reader, node: Node, list: K8sContainer["list"], fallback: SourceRange): K8sContainer {
  const range = r.range(node, fallback);
  const res = r.get(node, "resources");
  const c: K8sContainer = {
    name: r.text(r.get(node, "name")) ?? "",
    list,
    range,
    securityContext: securityContext(r, node, range),
    resources: { limits: quantities(r, r.get(res, "limits"), range), requests: quantities(r, r.get(res, "requests"), range) },
    env: r.items(r.get(node, "env")).map((e) => {
      const value = r.string(r.get(e, "value"), range);
      return { name: r.text(r.get(e, "name")) ?? "", range: r.range(e, range), ...(value ? { value } : {}) };
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
  for (const probe of ["livenessProbe", "readinessProbe"] as const) {
    const p = r.get(node, probe);
    if (p && !(isScalar(p) && p.value === null)) c[probe] = { value: true, range: r.entryRange(node, probe, range) ?? range };
  }
  return c;
}

function podSpec(r: Reader, node: Node | undefined, fallback: SourceRange): K8sPodSpec {
  const range = r.range(node, fallback);
  const spec: K8sPodSpec = {
    range,
    securityContext: securityContext(r, node, range),
    volumes: r.items(r.get(node, "volumes")).map((v) => {
      const at = r.range(v, range);
      const hostPath = r.string(r.path(v, "hostPath", "path"), at);
      return { name: r.text(r.get(v, "name")) ?? "", range: at, ...(hostPath ? { hostPath } : {}) };
    }),
    containers: r.items(r.get(node, "containers")).map((c) => container(r, c, "containers", range)),
    initContainers: r.items(r.get(node, "initContainers")).map((c) => container(r, c, "initContainers", range)),
  };
  for (const f of ["hostNetwork", "hostPID", "hostIPC", "automountServiceAccountToken"] as const) {
    const v = r.scalar(r.get(node, f), range);
    if (v) spec[f] = v;
  }
  const sa = r.string(r.get(node, "serviceAccountName"), range);
  if (sa) spec.serviceAccountName = sa;
  return spec;
}

function podSpecNode(r: Reader, obj: Node, kind: string): Node | undefined {
  if (kind === "Pod") return r.get(obj, "spec");
  if (kind === "CronJob") return r.path(obj, "spec", "jobTemplate", "spec", "template", "spec");
  return r.path(obj, "spec", "template", "spec");
}

function rule(r: Reader, node: Node, fallback: SourceRange): K8sPolicyRule {
  const range = r.range(node, fallback);
  return {
    range,
    verbs: r.strings(r.get(node, "verbs"), range),
    resources: r.strings(r.get(node, "resources"), range),
    apiGroups: r.strings(r.get(node, "apiGroups"), range),
  };
}

function toModel(r: Reader, obj: Node): ResourceModel | undefined {
  const kind = r.text(r.get(obj, "kind"));
  if (kind === undefined || r.text(r.get(obj, "apiVersion")) === undefined) return undefined;
  const range = r.range(obj, { startLine: 1, endLine: 1 });
  const name = r.text(r.path(obj, "metadata", "name")) ?? "";
  const namespace = CLUSTER_SCOPED.has(kind) ? undefined : (r.text(r.path(obj, "metadata", "namespace")) ?? "default");
  const base: Omit<K8sObject, "modelType"> = {
    kind,
    name,
    range,
    address: namespace === undefined ? `${kind}/${name}` : `${kind}/${namespace}/${name}`,
    ...(namespace !== undefined ? { namespace } : {}),
  };
  if (WORKLOAD_KINDS.has(kind)) {
    const w: K8sWorkload = { ...base, modelType: "k8s.Workload", podSpec: podSpec(r, podSpecNode(r, obj, kind), range) };
    return w;
  }
  if (kind === "Role" || kind === "ClusterRole") {
    const m: K8sRole = { ...base, modelType: `k8s.${kind}`, rules: r.items(r.get(obj, "rules")).map((n) => rule(r, n, range)) };
    return m;
  }
  if (kind === "RoleBinding" || kind === "ClusterRoleBinding") {
    const ref = r.get(obj, "roleRef");
    const refName = r.string(r.get(ref, "name"), range);
    const m: K8sRoleBinding = {
      ...base,
      modelType: `k8s.${kind}`,
      subjects: r.items(r.get(obj, "subjects")).map((s) => {
        const ns = r.text(r.get(s, "namespace"));
        return { kind: r.text(r.get(s, "kind")) ?? "", name: r.text(r.get(s, "name")) ?? "", range: r.range(s, range), ...(ns !== undefined ? { namespace: ns } : {}) };
      }),
      ...(refName ? { roleRef: { kind: r.text(r.get(ref, "kind")) ?? "", name: refName } } : {}),
    };
    return m;
  }
  if (kind === "Service") {
    const type = r.string(r.path(obj, "spec", "type"), range);
    const m: K8sService = { ...base, modelType: "k8s.Service", ...(type ? { type } : {}) };
    return m;
  }
  return undefined;
}

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
}

// Every manifest names both; YAML that names neither (CI configs, Helm values) is not parsed at all.
const MANIFEST_WORDS = [/\bapiVersion\b/, /\bkind\b/];
// Helm and other Go templates are not YAML until rendered: reported, not treated as broken input.
const TEMPLATE = /\{\{.*\}\}/;

function parse(input: string, path: string): ParsedFile {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (!MANIFEST_WORDS.every((w) => w.test(text))) return { models: [], blocks: [], warnings: [] };
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false });
  const list = Array.isArray(docs) ? docs : [];
  const models: ResourceModel[] = [];
  const blocks: SourceRange[] = [];
  for (const doc of list) {
    const err = doc.errors[0];
    if (err) {
      const line = err.linePos?.[0].line ?? lc.linePos(err.pos[0]).line;
      if (TEMPLATE.test(text)) return { models: [], blocks: [], warnings: [{ line, message: "a Go (Helm) template, not YAML until rendered: not scanned" }] };
      throw new InputError(`${path}:${line}: invalid YAML: ${firstLine(err.message)}`);
    }
    try {
      doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      const line = lc.linePos(doc.range[0]).line;
      throw new InputError(`${path}:${line}: YAML document rejected: ${firstLine((e as Error).message)}`);
    }
    const r = new Reader(doc, lc);
    const contents = r.deref(doc.contents);
    if (!contents) continue;
    const docRange = r.range(contents, { startLine: 1, endLine: 1 });
    const objects = r.text(r.get(contents, "kind")) === "List" ? r.items(r.get(contents, "items")) : [contents];
    let found = false;
    for (const obj of objects) {
      const m = toModel(r, obj);
      if (!m) continue;
      models.push(m);
      found = true;
      if (obj !== contents) blocks.push(m.range);
    }
    if (found) blocks.push(docRange);
  }
  return { models, blocks, warnings: [] };
}

export const kubernetesAdapter: Adapter = { format: "kubernetes", wants, parse };

export function isK8sWorkload(m: ResourceModel): m is K8sWorkload {
  return m.modelType === "k8s.Workload";
}
