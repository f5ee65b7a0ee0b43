import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { copySources, instructionKey, isRemoteSource, quoteList } from "./util.js";

// ADD unpacks local tar archives (plain or compressed): for those ADD does what COPY cannot.
const ARCHIVE = /\.(?:tar|tgz|tbz2?|txz|tzst|gz|bz2|xz|zst)$/i;
// Flags only ADD accepts; a COPY fix leaves them out.
const ADD_ONLY_FLAGS = /^--(?:checksum|keep-git-dir|unpack)\b/;

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-003",
  title: "ADD used where COPY would do",
  severity: "low",
  description:
    "ADD copies local files like COPY, but also unpacks archives and fetches URLs. Using it for plain files hides " +
    "that behaviour in the build: a file that later turns into an archive is silently extracted into the image " +
    "(with the risks of archive traversal), and reviewers cannot tell intent. COPY does only what it says. Sources " +
    "that are tar archives, URLs (see MAM-DF-002) or unexpanded variables are left alone.",
  appliesTo: "dockerfile.Dockerfile",
  references: { checkov: "CKV_DOCKER_4", trivy: "AVD-DS-0005", hadolint: "DL3020" },
  compliance: [{ framework: "cis-docker-1.6", control: "4.9" }],
  remediation: { text: "Replace ADD by COPY for local files and directories; keep ADD only to unpack a local tar archive." },
  examples: {
    dockerfile: {
      bad: [
        `FROM nginx:1.27-alpine
ADD nginx.conf /etc/nginx/nginx.conf
ADD public/ /usr/share/nginx/html/`,
        `FROM python:3.12-slim
ADD ["requirements.txt", "constraints.txt", "/app/"]`,
        `FROM alpine:3.20
ADD --chown=10001:10001 \\
    dist/app.zip \\
    /opt/app/`,
      ],
      good: [
        `FROM nginx:1.27-alpine
COPY nginx.conf /etc/nginx/nginx.conf
COPY public/ /usr/share/nginx/html/`,
        `FROM alpine:3.20
# a local tarball is unpacked by ADD on purpose
ADD rootfs.tar.gz /`,
        `FROM alpine:3.20
ARG BUNDLE
ADD \${BUNDLE} /opt/bundle/`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const ins of model.instructions) {
      if (ins.keyword !== "ADD") continue;
      const { sources } = copySources(ins);
      if (sources.length === 0 || sources.some((s) => isRemoteSource(s) || ARCHIVE.test(s) || s.includes("$"))) continue;
      const flags = ins.flags.filter((f) => !ADD_ONLY_FLAGS.test(f));
      const fix = ins.exec ? `COPY ${[...flags, JSON.stringify(ins.exec)].join(" ")}` : `COPY ${[...flags, ins.args].join(" ")}`;
      const shown = sources.map((s) => (s.startsWith("<<") ? "a here-document" : s));
      out.push(fail(ins, `ADD of local ${quoteList(shown)}: COPY does the same without ADD's unpacking and URL handling`, { key: instructionKey(ins), fix }));
    }
    return out;
  },
});
