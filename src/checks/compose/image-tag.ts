import type { ComposeService } from "../../models/compose.js";
import { defineCheck, fail } from "../define.js";
import { tagOf } from "../kubernetes/image.js";
import { composeFile, isKnown, serviceLabel } from "./util.js";

export default defineCheck<ComposeService>({
  id: "MAM-DC-018",
  title: "Service image uses the latest tag or no tag",
  severity: "medium",
  description:
    "The service's image has no tag or the tag `latest`, so what runs depends on when the host last pulled it: " +
    "two hosts run different code, a rollback does not roll back, and a compromised or broken push is picked up " +
    "on the next `docker compose pull` without any change to the file. Services that build their image " +
    "(`build:`) are not reported, since `image` then names the result. Tags given by a variable are not judged.",
  appliesTo: "compose.Service",
  remediation: {
    text: "Pin the image to a version tag, better with its digest, and change it through the Compose file.",
    fix: "image: postgres:16.3@sha256:<digest>",
  },
  examples: {
    compose: {
      bad: [composeFile("cache", "", "redis"), composeFile("web", "", "registry.example.com:5000/web:latest")],
      good: [
        composeFile("cache", "", "redis:7.2.4"),
        composeFile("web", "build: .", "registry.example.com/web:latest"),
        composeFile("web", "", "registry.example.com/web:${WEB_TAG:-latest}"),
      ],
    },
  },
  evaluate(s) {
    if (s.build || !isKnown(s.image)) return undefined;
    const tag = tagOf(s.image.value);
    if (tag !== undefined && tag !== "latest") return undefined;
    return fail(s.image, `${serviceLabel(s)} image ${s.image.value} ${tag === undefined ? "has no tag (so it means latest)" : "uses the latest tag"}`, { key: "image" });
  },
});
