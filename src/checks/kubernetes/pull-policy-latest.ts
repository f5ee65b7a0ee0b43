import type { K8sWorkload } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import { isFloating } from "./image.js";
import { pod } from "./manifests.js";
import { containerKey, containerLabel, eachContainer } from "./util.js";

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-049",
  title: "Floating image tag with a pull policy that keeps stale copies",
  severity: "low",
  description:
    "A container's image has no tag or the tag `latest`, and `imagePullPolicy` is `IfNotPresent` or `Never`. Each " +
    "node then keeps whichever image it pulled first under that name: replicas on different nodes run different " +
    "builds, security fixes pushed to the tag never reach nodes that already have an old copy, and an image left " +
    "on a node by someone else is used as is. (Kubernetes defaults to Always for such images; this setting " +
    "overrides that.)",
  appliesTo: "k8s.Workload",
  remediation: {
    text: "Pin the image to a version and digest; if a floating tag must stay, remove imagePullPolicy (or set Always).",
    fix: "image: registry.example.com/storefront:1.4.2@sha256:<digest>\nimagePullPolicy: IfNotPresent",
  },
  examples: {
    kubernetes: {
      bad: [
        pod({ name: "web", image: "registry.example.com/web:latest", container: "imagePullPolicy: IfNotPresent" }),
        pod({ name: "web", image: "registry.example.com/web", container: "imagePullPolicy: Never" }),
      ],
      good: [
        pod({ name: "web", image: "registry.example.com/web:latest", container: "imagePullPolicy: Always" }),
        pod({ name: "web", image: "registry.example.com/web:2.3.0", container: "imagePullPolicy: IfNotPresent" }),
      ],
    },
  },
  evaluate: (w) =>
    eachContainer(w, (c) => {
      const policy = c.imagePullPolicy;
      if (!c.image || !policy || !isFloating(c.image.value) || (policy.value !== "IfNotPresent" && policy.value !== "Never")) return undefined;
      return fail(policy, `${containerLabel(c)} pulls ${c.image.value} with imagePullPolicy ${policy.value}: nodes keep whatever copy they have`, {
        key: containerKey(c, "imagePullPolicy"),
      });
    }),
});
