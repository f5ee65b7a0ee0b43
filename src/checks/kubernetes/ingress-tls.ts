import type { K8sIngress } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { firstLine } from "./util.js";

const INGRESS = (tls: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: storefront
  namespace: shop
spec:
  ingressClassName: nginx
${tls}  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: { name: storefront, port: { number: 80 } }
    - host: api.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: { name: api, port: { number: 80 } }`;

/** `*.example.com` covers `shop.example.com`, one label deep. */
function covers(pattern: string, host: string): boolean {
  if (pattern === host) return true;
  return pattern.startsWith("*.") && host.endsWith(pattern.slice(1)) && !host.slice(0, -pattern.length + 1).includes(".");
}

export default defineCheck<K8sIngress>({
  id: "MAM-K8S-047",
  title: "Ingress serves hosts without TLS",
  severity: "medium",
  description:
    "The Ingress has no `tls` section, or names hosts in its rules that no `tls` entry covers. Requests for those " +
    "hosts travel in clear text between clients and the ingress controller: credentials, session cookies and " +
    "data can be read or changed on the way. Controllers may redirect to HTTPS on their own, but only for hosts " +
    "they have a certificate for.",
  appliesTo: "k8s.Ingress",
  remediation: {
    text: "Add a tls entry listing every host, with a Secret holding its certificate (cert-manager can issue and renew it).",
    fix: "spec:\n  tls:\n    - hosts: [\"shop.example.com\", \"api.example.com\"]\n      secretName: storefront-tls",
  },
  examples: {
    kubernetes: {
      bad: [INGRESS(""), INGRESS("  tls:\n    - hosts: [\"shop.example.com\"]\n      secretName: shop-tls\n")],
      good: [
        INGRESS("  tls:\n    - hosts: [\"shop.example.com\", \"api.example.com\"]\n      secretName: storefront-tls\n"),
        INGRESS("  tls:\n    - hosts: [\"*.example.com\"]\n      secretName: wildcard-tls\n"),
      ],
    },
  },
  evaluate(ing) {
    if (ing.tls.length === 0) {
      return fail(firstLine(ing.specRange ?? ing.range), `Ingress ${ing.name} has no tls section: it serves${ing.hosts.length > 0 ? ` ${ing.hosts.map((h) => h.value).join(", ")}` : ""} over plain HTTP`, { key: "tls" });
    }
    // An entry without hosts covers the controller's default host: nothing sure to report.
    if (ing.tls.some((t) => t.hosts.length === 0)) return undefined;
    const out: Violation[] = [];
    for (const host of ing.hosts) {
      if (ing.tls.some((t) => t.hosts.some((h) => covers(h.value, host.value)))) continue;
      out.push(fail(host, `Ingress ${ing.name} serves ${host.value} without TLS: no tls entry lists it`, { key: `tls ${host.value}` }));
    }
    return out;
  },
});
