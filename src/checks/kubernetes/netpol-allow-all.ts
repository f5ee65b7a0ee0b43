import type { K8sNetworkPolicy, K8sPolicyTraffic } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";

const POLICY = (ingress: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: storefront
  namespace: shop
spec:
  podSelector:
    matchLabels: { app: storefront }
  policyTypes: ["Ingress"]
  ingress:
${ingress}`;

const ANYWHERE = new Set(["0.0.0.0/0", "::/0"]);

/** Why the rule admits every source on every port, or undefined when it does not. */
function allowsAll(rule: K8sPolicyTraffic): string | undefined {
  if (rule.hasPorts) return undefined;
  if (rule.peers === undefined || rule.peers.length === 0) return "it names no sources, which means every source";
  const open = rule.peers.find((p) => p.cidr && ANYWHERE.has(p.cidr.value) && !p.hasExcept);
  return open?.cidr ? `it admits ${open.cidr.value}` : undefined;
}

export default defineCheck<K8sNetworkPolicy>({
  id: "MAM-K8S-044",
  title: "NetworkPolicy admits all ingress traffic",
  severity: "medium",
  description:
    "An ingress rule of the NetworkPolicy lists no `from` peers (or an ipBlock of 0.0.0.0/0 or ::/0 with no " +
    "exceptions) and no `ports`. Such a rule, often written `ingress: [{}]`, admits every pod of every namespace " +
    "and every outside address on every port to the selected pods, which undoes any default-deny policy of the " +
    "namespace for them. Rules limited to some ports are not reported.",
  appliesTo: "k8s.NetworkPolicy",
  remediation: {
    text: "Name the sources (podSelector and namespaceSelector for the callers, ipBlock for known ranges) and the ports the pods serve.",
    fix: "ingress:\n  - from:\n      - podSelector:\n          matchLabels: { app: frontend }\n    ports:\n      - { protocol: TCP, port: 8080 }",
  },
  examples: {
    kubernetes: {
      bad: [POLICY("    - {}"), POLICY("    - from:\n        - ipBlock:\n            cidr: 0.0.0.0/0")],
      good: [
        POLICY("    - from:\n        - podSelector:\n            matchLabels: { app: frontend }\n      ports:\n        - { protocol: TCP, port: 8080 }"),
        POLICY("    - ports:\n        - { protocol: TCP, port: 443 }"),
        POLICY("    - from:\n        - ipBlock:\n            cidr: 0.0.0.0/0\n            except: [\"169.254.169.254/32\"]"),
      ],
    },
  },
  evaluate(np) {
    const out: Violation[] = [];
    np.ingress.forEach((rule, i) => {
      const why = allowsAll(rule);
      if (why) out.push(fail(rule, `NetworkPolicy ${np.name} ingress rule ${i + 1} admits all traffic: ${why}, on every port`, { key: `ingress ${i + 1}` }));
    });
    return out;
  },
});
