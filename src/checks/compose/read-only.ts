import type { ComposeService } from "../../models/compose.js";
import { defineCheck, fail } from "../define.js";
import { composeFile, isKnown, serviceLabel } from "./util.js";

export default defineCheck<ComposeService>({
  id: "MAM-DC-016",
  title: "Service root filesystem is writable",
  severity: "low",
  description:
    "The service does not set `read_only: true`, so a compromised process can write anywhere in the container's " +
    "file system: drop tools, replace the binaries the application runs, or persist between requests. With a " +
    "read-only root and tmpfs mounts for the few paths the application writes, none of that works. Services " +
    "that extend another are not reported when they say nothing: the setting may come from there.",
  appliesTo: "compose.Service",
  compliance: [{ framework: "cis-docker-1.6", control: "5.13" }],
  remediation: {
    text: "Set read_only: true and mount a tmpfs (or a volume) at each path the application writes to.",
    fix: "read_only: true\ntmpfs:\n  - /tmp",
  },
  examples: {
    compose: {
      bad: [composeFile("api", ""), composeFile("api", "read_only: false")],
      good: [composeFile("api", "read_only: true\ntmpfs:\n  - /tmp"), composeFile("api", "extends:\n  file: common.yml\n  service: hardened")],
    },
  },
  evaluate(s) {
    const v = s.readOnly;
    if (v && (!isKnown(v) || v.value === true)) return undefined;
    if (!v && s.extends) return undefined;
    return fail(v ?? s.keyRange, `${serviceLabel(s)} can write to its root filesystem`, { key: "read_only" });
  },
});
