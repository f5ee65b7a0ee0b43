import type { K8sWorkload } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import { pod } from "./manifests.js";

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-043",
  title: "Workload placed in the default namespace",
  severity: "low",
  description:
    "The workload's `metadata.namespace` is `default`. The default namespace is where everything without a home " +
    "ends up, so network policies, RBAC bindings, quotas and Pod Security admission written for one application " +
    "end up applying to unrelated ones, or nothing is set there at all. Manifests that name no namespace are not " +
    "reported: the namespace is then chosen at deployment (kubectl -n, Kustomize, Helm).",
  appliesTo: "k8s.Workload",
  references: { checkov: "CKV_K8S_21", trivy: "AVD-KSV-0110" },
  compliance: [{ framework: "cis-kubernetes-1.8", control: "5.7.4" }],
  remediation: {
    text: "Create a namespace for the application, with its own policies, and deploy the workload there.",
    fix: "metadata:\n  namespace: storefront",
  },
  examples: {
    kubernetes: {
      bad: [pod({ name: "api" }).replace("namespace: shop", "namespace: default")],
      good: [pod({ name: "api" }), pod({ name: "api" }).replace("  namespace: shop\n", "")],
    },
  },
  evaluate: (w) =>
    w.namespaceField?.value === "default" ? fail(w.namespaceField, `${w.kind} ${w.name} is deployed in the default namespace`, { key: "namespace default" }) : undefined,
});
