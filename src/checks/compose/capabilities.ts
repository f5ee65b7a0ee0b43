import type { ComposeService } from "../../models/compose.js";
import { defineCheck, fail } from "../define.js";
import { BASELINE_CAPABILITIES, DANGEROUS_CAPABILITIES, normalizeCapability } from "../kubernetes/capabilities.js";
import type { Violation } from "../types.js";
import { composeFile, serviceLabel } from "./util.js";

export default defineCheck<ComposeService>({
  id: "MAM-DC-009",
  title: "Service adds a capability beyond Docker's default set",
  severity: "medium",
  description:
    "The service's `cap_add` lists a Linux capability Docker does not grant by default. Those that amount to " +
    "root on the host (ALL, SYS_ADMIN, NET_ADMIN, SYS_MODULE, SYS_PTRACE, SYS_RAWIO, DAC_READ_SEARCH, BPF, " +
    "SYS_BOOT) are reported as high, the others (SYS_TIME, SYS_NICE, IPC_LOCK, SYS_RESOURCE, ...) as medium. " +
    "Each one widens what a compromised process can do to the host kernel. NET_RAW, part of Docker's default " +
    "set, is not reported.",
  appliesTo: "compose.Service",
  compliance: [{ framework: "cis-docker-1.6", control: "5.4" }],
  remediation: {
    text: "Remove the capability, or replace it by the narrowest one the process needs; drop ALL and add back only what is required.",
    fix: "cap_drop: [ALL]\ncap_add: [NET_BIND_SERVICE]",
  },
  examples: {
    compose: {
      bad: [composeFile("vpn", "cap_add:\n  - NET_ADMIN\n  - SYS_MODULE"), composeFile("ntp", "cap_add: [CAP_SYS_TIME]")],
      good: [composeFile("web", "cap_drop: [ALL]\ncap_add: [NET_BIND_SERVICE, CHOWN]"), composeFile("web", "")],
    },
  },
  evaluate(s) {
    const out: Violation[] = [];
    for (const cap of s.capAdd) {
      if (!cap.known || cap.value === undefined) continue;
      const name = normalizeCapability(cap.value);
      // NET_RAW is not in the Pod Security baseline but is in Docker's default set.
      if (BASELINE_CAPABILITIES.has(name) || name === "NET_RAW") continue;
      const dangerous = DANGEROUS_CAPABILITIES.has(name);
      out.push(
        fail(cap, `${serviceLabel(s)} adds the capability ${name}${dangerous ? ", which is close to root on the host" : ""}`, {
          key: `cap_add ${name}`,
          ...(dangerous ? { severity: "high" as const } : {}),
        }),
      );
    }
    return out;
  },
});
