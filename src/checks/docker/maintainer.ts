import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { instructionKey } from "./util.js";

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-020",
  title: "Deprecated MAINTAINER instruction",
  severity: "info",
  description:
    "MAINTAINER has been deprecated since Docker 1.13 and is not part of the OCI image annotations that tools read. " +
    "A LABEL with the standard `org.opencontainers.image.authors` key carries the same information where registries " +
    "and scanners look for it.",
  appliesTo: "dockerfile.Dockerfile",
  references: { checkov: "CKV_DOCKER_6", trivy: "AVD-DS-0022", hadolint: "DL4000" },
  remediation: { text: "Replace MAINTAINER with a LABEL.", fix: 'LABEL org.opencontainers.image.authors="team@example.com"' },
  examples: {
    dockerfile: {
      bad: [
        `FROM alpine:3.20
MAINTAINER Jane Doe <jane@example.com>`,
      ],
      good: [
        `FROM alpine:3.20
LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const ins of model.instructions) {
      if (ins.keyword !== "MAINTAINER") continue;
      const who = ins.args.replace(/"/g, '\\"');
      out.push(fail(ins, `MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors`, { key: instructionKey(ins), fix: `LABEL org.opencontainers.image.authors="${who}"` }));
    }
    return out;
  },
});
