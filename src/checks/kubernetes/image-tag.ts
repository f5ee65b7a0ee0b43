import type { K8sWorkload } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import { tagOf } from "./image.js";
import { containerKey, containerLabel, eachContainer } from "./util.js";

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-010",
  title: "Image uses the latest tag or no tag",
  severity: "medium",
  description:
    "A container's image has no tag or the tag `latest`, so what runs depends on when each node pulled it: two " +
    "replicas may run different code, a rollback does not roll back, and a compromised or broken push reaches " +
    "production on the next restart without any change to the manifest. A fixed tag, or better a digest, makes " +
    "the deployment reproducible and reviewable.",
  appliesTo: "k8s.Workload",
  references: { checkov: "CKV_K8S_14", trivy: "AVD-KSV-0013" },
  remediation: {
    text: "Pin the image to a version tag, or to its digest (`image@sha256:...`), and change it through the manifest.",
    fix: "image: registry.example.com/storefront:1.4.2@sha256:<digest>",
  },
  examples: {
    kubernetes: {
      bad: [
        `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx`,
        `apiVersion: apps/v1
kind: Deployment
metadata:
  name: storefront
  namespace: shop
spec:
  selector:
    matchLabels: { app: storefront }
  template:
    metadata:
      labels: { app: storefront }
    spec:
      containers:
        - name: web
          image: registry.example.com:5000/storefront:latest`,
      ],
      good: [
        `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: registry.example.com:5000/nginx:1.25.4
    - name: sidecar
      image: registry.example.com/envoy@sha256:4a4b8e7f5c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f`,
      ],
    },
  },
  evaluate: (w) =>
    eachContainer(w, (c) => {
      if (!c.image) return undefined;
      const tag = tagOf(c.image.value);
      if (tag !== undefined && tag !== "latest") return undefined;
      const what = tag === undefined ? "has no tag (so it means latest)" : "uses the latest tag";
      return fail(c.image, `${containerLabel(c)} image ${c.image.value} ${what}`, { key: containerKey(c, "image") });
    }),
});
