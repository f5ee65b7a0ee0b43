import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { boundedKey, copySources, isRemoteSource, quoteList } from "./util.js";

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-002",
  title: "ADD downloads a remote file without a checksum",
  severity: "medium",
  description:
    "ADD with a URL or git source fetches it at build time and puts it in the image without any integrity check: " +
    "whoever controls the server, the DNS or the network path controls what ends up in the image, and the build is " +
    "not reproducible. ADD --checksum (BuildKit) pins the content; downloading with curl and verifying a SHA-256 in " +
    "the same RUN does the same and keeps the download out of the final layer when it is cleaned up.",
  appliesTo: "dockerfile.Dockerfile",
  references: { checkov: "CKV_DOCKER_4" },
  compliance: [{ framework: "cis-docker-1.6", control: "4.9" }],
  remediation: {
    text: "Pin the content with ADD --checksum=sha256:<digest>, or download with curl in a RUN and verify the SHA-256 before use; use COPY for local files.",
    fix: 'RUN curl -fsSLo /tmp/tool.tar.gz https://example.com/tool.tar.gz \\\n && echo "<sha256>  /tmp/tool.tar.gz" | sha256sum -c - \\\n && tar -xzf /tmp/tool.tar.gz -C /opt && rm /tmp/tool.tar.gz',
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM debian:12-slim
ADD https://github.com/krallin/tini/releases/download/v0.19.0/tini /usr/local/bin/tini
RUN chmod +x /usr/local/bin/tini
ENTRYPOINT ["/usr/local/bin/tini", "--"]`,
        `FROM alpine:3.20
ADD --chown=10001:10001 \\
    https://downloads.example.com/agent/agent-2.4.1.tar.gz \\
    /opt/agent/`,
        `FROM alpine:3.20
ADD ["https://example.com/config/app.yaml", "/etc/app/app.yaml"]`,
        `FROM alpine:3.20
ADD git@github.com:example/private-tools.git /src/tools`,
      ],
      good: [
        `FROM debian:12-slim
# the digest is kept next to the version and passed in by CI
ARG TINI_SHA256
ADD --checksum=sha256:\${TINI_SHA256} \\
    https://github.com/krallin/tini/releases/download/v0.19.0/tini /usr/local/bin/tini`,
        `FROM debian:12-slim
ARG TINI_SHA256
RUN curl -fsSLo /usr/local/bin/tini https://github.com/krallin/tini/releases/download/v0.19.0/tini \\
 && echo "\${TINI_SHA256}  /usr/local/bin/tini" | sha256sum -c - \\
 && chmod +x /usr/local/bin/tini`,
        `FROM alpine:3.20
ADD vendor/agent-2.4.1.tar.gz /opt/agent/
COPY config/app.yaml /etc/app/app.yaml`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const ins of model.instructions) {
      if (ins.keyword !== "ADD" || ins.flags.some((f) => f.startsWith("--checksum="))) continue;
      const { sources, dest } = copySources(ins);
      const remote = sources.filter(isRemoteSource);
      const first = remote[0];
      if (first === undefined) continue;
      const http = remote.length === 1 && /^https?:\/\//i.test(first);
      out.push(
        fail(ins, `ADD fetches ${quoteList(remote, 3)} at build time without verifying the content`, {
          key: boundedKey(`ADD ${remote.join(" ")}`),
          ...(http ? { fix: `ADD --checksum=sha256:<sha256 of the file> ${first} ${dest}` } : {}),
        }),
      );
    }
    return out;
  },
});
