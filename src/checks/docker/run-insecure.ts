import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { instructionKey } from "./util.js";

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-029",
  title: "RUN --security=insecure",
  severity: "medium",
  description:
    "BuildKit runs a `RUN --security=insecure` step without its sandbox: with all capabilities, no seccomp or " +
    "AppArmor profile and access to host devices, like `docker run --privileged`. Any code that step runs (a package's " +
    "install script, a downloaded tool) can take over the build host and, through it, other builds and their " +
    "secrets. The build only succeeds when the builder was started with the security.insecure entitlement, which " +
    "then also has to stay enabled.",
  appliesTo: "dockerfile.Dockerfile",
  remediation: {
    text: "Remove --security=insecure and find what the step really needs (often a capability for a test, or a kernel module that belongs on the host, not in the image); run such steps in a dedicated, isolated builder if they cannot be avoided.",
    fix: "RUN make test",
  },
  examples: {
    dockerfile: {
      bad: [
        `# syntax=docker/dockerfile:1
FROM ubuntu:24.04
RUN --security=insecure mount -t tmpfs none /mnt && make test`,
        `# syntax=docker/dockerfile:1-labs
FROM debian:12-slim
RUN --mount=type=cache,target=/root/.cache \\
    --security=insecure \\
    ./scripts/build-kernel-module.sh`,
      ],
      good: [
        `# syntax=docker/dockerfile:1
FROM ubuntu:24.04
RUN --security=sandbox make test`,
        `FROM ubuntu:24.04
RUN echo "--security=insecure is not used here" > /etc/motd`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const ins of model.instructions) {
      if (ins.keyword !== "RUN" || !ins.flags.some((f) => f.toLowerCase() === "--security=insecure")) continue;
      out.push(fail(ins, "RUN --security=insecure runs this step unsandboxed with full privileges on the build host", {
          key: instructionKey(ins),
          fix: `RUN ${[...ins.flags.filter((f) => !f.toLowerCase().startsWith("--security=")), ins.args].join(" ")}`,
        }));
    }
    return out;
  },
});
