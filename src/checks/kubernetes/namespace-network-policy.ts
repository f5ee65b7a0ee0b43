import type { K8sNamespacePolicyCoverage } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import { deployment } from "./manifests.js";
import { firstLine } from "./util.js";

const NAMESPACE = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n";

const DENY_ALL = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
  podSelector: {}
  policyTypes: ["Ingress", "Egress"]`;

export default defineCheck<K8sNamespacePolicyCoverage>({
  id: "MAM-K8S-056",
  title: "Namespace runs workloads without any NetworkPolicy",
  severity: "medium",
  description:
    "Workloads are placed in the namespace, yet none of the scanned manifests is a NetworkPolicy of that " +
    "namespace. Without a policy selecting them, pods accept connections from every pod of the cluster and may " +
    "reach anything, so one compromised pod can move freely. All manifests of a scan are read together, so a " +
    "policy kept in another file counts. Manifests that name no namespace are not reported, since the namespace " +
    "is chosen when they are applied; policies created outside the scanned files cannot be seen.",
  appliesTo: "k8s.NamespacePolicyCoverage",
  compliance: [{ framework: "cis-kubernetes-1.8", control: "5.3.2" }],
  remediation: {
    text: "Give every namespace a default-deny NetworkPolicy, then allow the traffic its workloads need with narrower policies.",
    fix: DENY_ALL,
  },
  examples: {
    kubernetes: {
      bad: [`${NAMESPACE}---\n${deployment()}`, deployment()],
      good: [`${NAMESPACE}---\n${deployment()}\n---\n${DENY_ALL}`, deployment().replace("  namespace: shop\n", "")],
    },
  },
  evaluate(ns) {
    const shown = ns.workloads.slice(0, 3).join(", ") + (ns.workloads.length > 3 ? `, and ${ns.workloads.length - 3} more` : "");
    return fail(firstLine(ns.range), `Namespace ${ns.namespace} runs ${shown} but no scanned NetworkPolicy applies to it`, { key: `network policy ${ns.namespace}` });
  },
});
