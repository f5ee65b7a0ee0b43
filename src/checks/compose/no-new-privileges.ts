import type { ComposeService } from "../../models/compose.js";
import { defineCheck, fail } from "../define.js";
import { composeFile, securityOption, serviceLabel } from "./util.js";

export default defineCheck<ComposeService>({
  id: "MAM-DC-013",
  title: "Service allows privilege escalation (no-new-privileges not set)",
  severity: "low",
  description:
    "The service's `security_opt` does not include `no-new-privileges:true`. Without it a process in the " +
    "container can gain privileges through setuid or setgid binaries (su, sudo, a planted one) or file " +
    "capabilities, turning a foothold as an unprivileged user into root in the container. Services that extend " +
    "another (`extends:`) are not reported: the setting may come from there.",
  appliesTo: "compose.Service",
  references: { kics: "27fcc7d6-c49b-46e0-98f1-6c082a6a2750" },
  compliance: [{ framework: "cis-docker-1.6", control: "5.26" }],
  remediation: {
    text: "Add no-new-privileges:true to security_opt (or set it for every container in the daemon's configuration).",
    fix: "security_opt:\n  - no-new-privileges:true",
  },
  examples: {
    compose: {
      bad: [composeFile("api", ""), composeFile("api", "security_opt:\n  - no-new-privileges:false")],
      good: [composeFile("api", "security_opt:\n  - no-new-privileges:true"), composeFile("api", "security_opt: [no-new-privileges]")],
    },
  },
  evaluate(s) {
    if (s.extends) return undefined;
    let explicitOff: (typeof s.securityOpt)[number] | undefined;
    for (const o of s.securityOpt) {
      if (!o.known || o.value === undefined) return undefined;
      const { option, value } = securityOption(o.value);
      if (option !== "no-new-privileges") continue;
      if (value === "" || value.toLowerCase() === "true") return undefined;
      explicitOff = o;
    }
    return fail(explicitOff ?? s.keyRange, `${serviceLabel(s)} does not set no-new-privileges: setuid binaries can raise a process's privileges`, { key: "no-new-privileges" });
  },
});
