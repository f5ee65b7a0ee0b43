// seccomp, AppArmor and SELinux turned off through security_opt: one factory, three checks.
import type { ComposeService } from "../../models/compose.js";
import type { PeerReferences } from "../../core/model.js";
import { defineCheck, fail } from "../define.js";
import type { Check } from "../types.js";
import { composeFile, securityOption, serviceLabel } from "./util.js";

interface Spec {
  id: string;
  option: string;
  off: string;
  title: string;
  description: string;
  what: string;
  remediation: string;
  fix: string;
  control: string;
  references?: PeerReferences;
  good: string;
}

export function securityOptCheck(spec: Spec): Check<ComposeService> {
  return defineCheck<ComposeService>({
    id: spec.id,
    title: spec.title,
    severity: "medium",
    description: spec.description,
    appliesTo: "compose.Service",
    ...(spec.references ? { references: spec.references } : {}),
    compliance: [{ framework: "cis-docker-1.6", control: spec.control }],
    remediation: { text: spec.remediation, fix: spec.fix },
    examples: {
      compose: {
        bad: [composeFile("app", `security_opt:\n  - ${spec.option}:${spec.off}`), composeFile("app", `security_opt: ["no-new-privileges:true", "${spec.option}=${spec.off}"]`)],
        good: [composeFile("app", `security_opt:\n  - ${spec.good}`), composeFile("app", "")],
      },
    },
    evaluate: (s) =>
      s.securityOpt.flatMap((o) => {
        if (!o.known || o.value === undefined) return [];
        const { option, value } = securityOption(o.value);
        if (option !== spec.option || value.toLowerCase() !== spec.off) return [];
        return [fail(o, `${serviceLabel(s)} ${spec.what}`, { key: `security_opt ${spec.option}` })];
      }),
  });
}
