import type { K8sService } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";

const SERVICE = (extra: string, annotations = "") => `apiVersion: v1
kind: Service
metadata:
  name: storefront
  namespace: shop
${annotations}spec:
  type: LoadBalancer
${extra}  selector: { app: storefront }
  ports:
    - port: 443
      targetPort: 8443`;

// Annotations that make the cloud's load balancer internal, or restrict its sources, per provider.
const INTERNAL: Record<string, RegExp> = {
  "service.beta.kubernetes.io/aws-load-balancer-internal": /^(true|0\.0\.0\.0\/0)$/i,
  "service.beta.kubernetes.io/aws-load-balancer-scheme": /^internal$/i,
  "service.beta.kubernetes.io/azure-load-balancer-internal": /^true$/i,
  "networking.gke.io/load-balancer-type": /^internal$/i,
  "cloud.google.com/load-balancer-type": /^internal$/i,
  "service.beta.kubernetes.io/oci-load-balancer-internal": /^true$/i,
};
const SOURCE_RANGES = "service.beta.kubernetes.io/load-balancer-source-ranges";

export default defineCheck<K8sService>({
  id: "MAM-K8S-045",
  title: "LoadBalancer Service open to any source",
  severity: "medium",
  description:
    "The Service has `type: LoadBalancer` with no `loadBalancerSourceRanges` (nor the equivalent " +
    "`service.beta.kubernetes.io/load-balancer-source-ranges` annotation) and no annotation that makes the " +
    "cloud load balancer internal. The cloud provider then creates a load balancer reachable from the whole " +
    "internet, in front of the workload's ports. That is right for a public website, and wrong for everything " +
    "else, which is why it should be a written decision.",
  appliesTo: "k8s.Service",
  remediation: {
    text: "List the client ranges in loadBalancerSourceRanges, or make the load balancer internal with the provider's annotation; put public HTTP services behind an Ingress.",
    fix: "spec:\n  type: LoadBalancer\n  loadBalancerSourceRanges:\n    - 203.0.113.0/24",
  },
  examples: {
    kubernetes: {
      bad: [SERVICE("")],
      good: [
        SERVICE("  loadBalancerSourceRanges:\n    - 203.0.113.0/24\n"),
        SERVICE("", "  annotations:\n    networking.gke.io/load-balancer-type: Internal\n"),
        SERVICE("", "  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: 10.0.0.0/8\n"),
      ],
    },
  },
  evaluate(svc) {
    if (svc.type?.value !== "LoadBalancer") return undefined;
    if (svc.loadBalancerSourceRanges.length > 0 || svc.annotations[SOURCE_RANGES]) return undefined;
    if (Object.entries(INTERNAL).some(([k, re]) => re.test(svc.annotations[k]?.value ?? ""))) return undefined;
    return fail(svc.type, `Service ${svc.name} gets a load balancer that accepts traffic from any address`, { key: "loadBalancer sources" });
  },
});
