import type { K8sWorkload } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import { isFloating, tagOf } from "./image.js";
import { pod } from "./manifests.js";
import { containerKey, containerLabel, eachContainer } from "./util.js";

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-048",
  title: "Image not pinned by digest",
  severity: "low",
  description:
    "A container's image has a version tag but no digest (`@sha256:...`). Tags can be moved: whoever can push to " +
    "the repository, or a registry that is compromised, can put different content behind the same tag, and nodes " +
    "will run it on their next pull. A digest names exactly one image. Images with no tag or `latest` are " +
    "MAM-K8S-010.",
  appliesTo: "k8s.Workload",
  references: { checkov: "CKV_K8S_43" },
  remediation: {
    text: "Pin each image by digest, keeping the tag for readers (`image:1.4.2@sha256:...`); let a bot such as Renovate update both.",
    fix: "image: registry.example.com/storefront:1.4.2@sha256:<digest>",
  },
  examples: {
    kubernetes: {
      bad: [pod({ name: "web", image: "registry.example.com/web:2.3.0" })],
      good: [
        pod({ name: "web", image: "registry.example.com/web:2.3.0@sha256:4a4b8e7f5c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f" }),
        pod({ name: "web", image: "registry.example.com/web@sha256:4a4b8e7f5c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f" }),
      ],
    },
  },
  evaluate: (w) =>
    eachContainer(w, (c) => {
      if (!c.image || tagOf(c.image.value) === "" || isFloating(c.image.value)) return undefined;
      return fail(c.image, `${containerLabel(c)} image ${c.image.value} is pinned by tag only, not by digest`, { key: containerKey(c, "image digest") });
    }),
});
