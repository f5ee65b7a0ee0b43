import type { K8sService } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";

const SERVICE = (type: string) => `apiVersion: v1
kind: Service
metadata:
  name: storefront
  namespace: shop
spec:
${type}  selector: { app: storefront }
  ports:
    - port: 80
      targetPort: 8080`;

export default defineCheck<K8sService>({
  id: "MAM-K8S-019",
  title: "Service of type NodePort",
  severity: "low",
  description:
    "The Service has `type: NodePort`, which opens its port on every node of the cluster. Whatever can reach any " +
    "node reaches the workload, outside the load balancer, Ingress and their TLS and authentication, and the " +
    "node addresses become part of what must be firewalled.",
  appliesTo: "k8s.Service",
  remediation: {
    text: "Use a ClusterIP Service behind an Ingress or a LoadBalancer, and keep NodePort only where a firewall limits who reaches the nodes.",
    fix: "spec:\n  type: ClusterIP",
  },
  examples: {
    kubernetes: {
      bad: [SERVICE("  type: NodePort\n")],
      good: [SERVICE(""), SERVICE("  type: ClusterIP\n")],
    },
  },
  evaluate: (svc) =>
    svc.type?.value === "NodePort" ? fail(svc.type, `Service ${svc.name} is a NodePort: its port is open on every node`, { key: "type NodePort" }) : undefined,
});
