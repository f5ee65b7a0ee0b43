import type { K8sNamespace } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import { firstLine } from "./util.js";

const ENFORCE = "pod-security.kubernetes.io/enforce";

const NAMESPACE = (labels: string) => `apiVersion: v1
kind: Namespace
metadata:
  name: shop
${labels}`;

export default defineCheck<K8sNamespace>({
  id: "MAM-K8S-053",
  title: "Namespace enforces no Pod Security Standard",
  severity: "low",
  description:
    "The Namespace has no `pod-security.kubernetes.io/enforce` label, or sets it to `privileged`. Pod Security " +
    "admission then lets any pod in (host namespaces, privileged containers, host paths), unless another " +
    "admission controller (Kyverno, Gatekeeper) is in place, which a manifest cannot show. Labelling the " +
    "namespace baseline or restricted makes the API server refuse such pods.",
  appliesTo: "k8s.Namespace",
  remediation: {
    text: "Label the namespace with `pod-security.kubernetes.io/enforce: restricted` (or baseline where workloads need it), and pin the version.",
    fix: "metadata:\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n    pod-security.kubernetes.io/enforce-version: latest",
  },
  examples: {
    kubernetes: {
      bad: [NAMESPACE(""), NAMESPACE("  labels:\n    pod-security.kubernetes.io/enforce: privileged\n"), NAMESPACE("  labels:\n    pod-security.kubernetes.io/warn: restricted\n")],
      good: [NAMESPACE("  labels:\n    pod-security.kubernetes.io/enforce: restricted\n"), NAMESPACE("  labels:\n    pod-security.kubernetes.io/enforce: baseline\n")],
    },
  },
  evaluate(ns) {
    const level = ns.labels[ENFORCE];
    if (level && level.value !== "privileged") return undefined;
    if (level) return fail(level, `Namespace ${ns.name} enforces the privileged Pod Security Standard, which allows any pod`, { key: "pod-security enforce" });
    return fail(firstLine(ns.range), `Namespace ${ns.name} has no pod-security.kubernetes.io/enforce label`, { key: "pod-security enforce" });
  },
});
