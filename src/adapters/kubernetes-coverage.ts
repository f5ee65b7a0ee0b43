// Namespaces whose workloads no NetworkPolicy of the scan covers (CIS Kubernetes 5.3.2). It needs
// every manifest of a scan at once: the policy of a namespace often lives in another file.
import type { ResourceModel } from "../checks/types.js";
import type { K8sNamespacePolicyCoverage, K8sObject } from "../models/k8s.js";
import { WORKLOAD_KINDS } from "../models/k8s.js";

interface Seen {
  file: number;
  model: K8sNamespacePolicyCoverage;
}

function isObject(m: ResourceModel): m is K8sObject {
  return m.modelType.startsWith("k8s.") && typeof (m as Partial<K8sObject>).kind === "string";
}

/**
 * The coverage models of the files' models (one list per file, models in file order), each placed in
 * the file of its Namespace object, else of its first workload. Only namespaces written out in
 * `metadata.namespace` count. A NetworkPolicy that names no namespace may land in "default", so
 * "default" is then not reported either.
 */
export function policyCoverage(files: readonly (readonly ResourceModel[])[]): K8sNamespacePolicyCoverage[][] {
  const namespaces = new Map<string, { file: number; range: K8sObject["range"] }>();
  const covered = new Set<string>();
  const seen = new Map<string, Seen>();
  let unplacedPolicy = false;
  files.forEach((models, file) => {
    for (const m of models) {
      if (!isObject(m)) continue;
      if (m.modelType === "k8s.Namespace") {
        if (!namespaces.has(m.name)) namespaces.set(m.name, { file, range: m.range });
        continue;
      }
      const ns = m.namespaceField?.value;
      if (m.modelType === "k8s.NetworkPolicy") {
        if (ns === undefined) unplacedPolicy = true;
        else covered.add(ns);
        continue;
      }
      if (ns === undefined || !WORKLOAD_KINDS.has(m.kind)) continue;
      const entry = seen.get(ns);
      if (entry) entry.model.workloads.push(`${m.kind}/${m.name}`);
      else seen.set(ns, { file, model: { modelType: "k8s.NamespacePolicyCoverage", address: `Namespace/${ns}`, namespace: ns, range: m.range, namespaceObject: false, workloads: [`${m.kind}/${m.name}`] } });
    }
  });
  const out: K8sNamespacePolicyCoverage[][] = files.map(() => []);
  for (const [ns, { file, model }] of seen) {
    if (covered.has(ns) || (ns === "default" && unplacedPolicy)) continue;
    const object = namespaces.get(ns);
    if (object) out[object.file]?.push({ ...model, range: object.range, namespaceObject: true });
    else out[file]?.push(model);
  }
  return out;
}
