import type { K8sService } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";

const SERVICE = (extra: string) => `apiVersion: v1
kind: Service
metadata:
  name: legacy-gateway
  namespace: shop
spec:
  selector: { app: legacy-gateway }
  ports:
    - port: 80
      targetPort: 8080
${extra}`;

export default defineCheck<K8sService>({
  id: "MAM-K8S-046",
  title: "Service sets externalIPs",
  severity: "medium",
  description:
    "The Service lists `externalIPs`. kube-proxy then captures traffic to those addresses on every node and sends " +
    "it to the Service's pods, whoever owns the address: anyone allowed to create or edit Services can intercept " +
    "traffic meant for another system (CVE-2020-8554). Clusters usually block the field with an admission policy; " +
    "a manifest that needs it deserves review.",
  appliesTo: "k8s.Service",
  remediation: {
    text: "Remove externalIPs and expose the Service through a LoadBalancer or an Ingress; where the field is truly needed, allow it only for those Services by admission policy.",
    fix: "spec:\n  type: LoadBalancer",
  },
  examples: {
    kubernetes: {
      bad: [SERVICE("  externalIPs:\n    - 198.51.100.20")],
      good: [SERVICE("")],
    },
  },
  evaluate: (svc) =>
    svc.externalIPs.map((ip) => fail(ip, `Service ${svc.name} captures traffic to ${ip.value} on every node`, { key: `externalIP ${ip.value}` })),
});
