import type { K8sWorkload } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import { deployment } from "./manifests.js";
import { firstLine, isFalse, isTrue } from "./util.js";

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-041",
  title: "Pod mounts a service account token it may not need",
  severity: "low",
  description:
    "The pod spec does not set `automountServiceAccountToken: false`, so Kubernetes mounts an API token for its " +
    "service account into every container (unless the ServiceAccount object itself turns that off, which this " +
    "file may not show). Most applications never call the Kubernetes API; for them the token only serves whoever " +
    "takes over the container, who can then act with the account's RBAC rights. Setting the field on the pod " +
    "decides it whatever the account says.",
  appliesTo: "k8s.Workload",
  references: { checkov: "CKV_K8S_38" },
  compliance: [{ framework: "cis-kubernetes-1.8", control: "5.1.6" }],
  remediation: {
    text: "Set `automountServiceAccountToken: false` in the pod spec of workloads that do not call the API; for those that do, use a dedicated service account with narrow rights.",
    fix: "spec:\n  automountServiceAccountToken: false",
  },
  examples: {
    kubernetes: {
      bad: [deployment({ name: "web" }), deployment({ name: "web", spec: "serviceAccountName: web\nautomountServiceAccountToken: true" })],
      good: [deployment({ name: "web", spec: "automountServiceAccountToken: false" })],
    },
  },
  evaluate(w) {
    const v = w.podSpec.automountServiceAccountToken;
    if (isFalse(v)) return undefined;
    if (v && !isTrue(v)) return undefined;
    const account = w.podSpec.serviceAccountName?.value ?? "default";
    return fail(v ?? firstLine(w.podSpec.range), `${w.kind} ${w.name} mounts the API token of service account ${account} into its containers`, { key: "automountServiceAccountToken" });
  },
});
