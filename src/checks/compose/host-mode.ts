// network_mode, pid, ipc, uts and userns_mode set to `host` are one setting each: one check
// factory serves all five.
import type { ComposeService } from "../../models/compose.js";
import type { ComplianceRef, PeerReferences, Severity } from "../../core/model.js";
import { defineCheck, fail } from "../define.js";
import type { Check } from "../types.js";
import { composeFile, isHostMode, serviceLabel } from "./util.js";

type Field = "networkMode" | "pid" | "ipc" | "uts" | "usernsMode";

interface HostModeSpec {
  id: string;
  field: Field;
  key: string;
  title: string;
  severity: Severity;
  description: string;
  consequence: string;
  remediation: string;
  references?: PeerReferences;
  control: string;
  /** A value of the setting that is not the host's, for a good example. */
  goodValue?: string;
}

export function hostModeCheck(spec: HostModeSpec): Check<ComposeService> {
  const compliance: ComplianceRef[] = [{ framework: "cis-docker-1.6", control: spec.control }];
  return defineCheck<ComposeService>({
    id: spec.id,
    title: spec.title,
    severity: spec.severity,
    description: spec.description,
    appliesTo: "compose.Service",
    ...(spec.references ? { references: spec.references } : {}),
    compliance,
    remediation: { text: spec.remediation, fix: `# remove \`${spec.key}: host\`` },
    examples: {
      compose: {
        bad: [composeFile("agent", `${spec.key}: host`), composeFile("agent", `${spec.key}: "host"`)],
        good: [composeFile("agent", ""), ...(spec.goodValue ? [composeFile("agent", `${spec.key}: ${spec.goodValue}`)] : [])],
      },
    },
    evaluate(s) {
      const v = s[spec.field];
      return isHostMode(v) ? fail(v, `${serviceLabel(s)} sets ${spec.key}: host, so ${spec.consequence}`, { key: spec.key }) : undefined;
    },
  });
}
