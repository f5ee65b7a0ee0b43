import type { DiagnosticSetting } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armActivityLog, tfActivityLog } from "./diag-examples.js";
import { isKnown } from "./util.js";

const REQUIRED = ["Administrative", "Alert", "Policy", "Security"];
const ALL = ["Administrative", "Alert", "Policy", "Security", "ServiceHealth", "Recommendation", "Autoscale", "ResourceHealth"];

export default defineCheck<DiagnosticSetting>({
  id: "MAM-AZ-093",
  title: "Activity log diagnostic setting leaves out control-plane categories",
  severity: "medium",
  description:
    "A diagnostic setting on the subscription's activity log does not turn on all of `Administrative`, `Alert`, " +
    "`Policy` and `Security`. Changes to resources and role assignments, policy decisions and Defender alerts that " +
    "it leaves out never reach the workspace or archive the setting sends to, so alerting and investigations miss them.",
  appliesTo: "azure.monitor.DiagnosticSetting",
  references: { kics: "21fa1872-47b3-46ec-9775-f41e85d80cb4" },
  compliance: [{ framework: "cis-azure-2.1", control: "5.1.2" }],
  remediation: {
    text: "Turn on the Administrative, Alert, Policy and Security categories in the subscription's diagnostic setting.",
    fix: 'enabled_log {\n  category = "Administrative"\n}\nenabled_log {\n  category = "Alert"\n}\nenabled_log {\n  category = "Policy"\n}\nenabled_log {\n  category = "Security"\n}',
  },
  examples: {
    terraform: {
      bad: [tfActivityLog(["Administrative", "Alert"]), tfActivityLog(["Administrative"], '"/subscriptions/00000000-0000-0000-0000-000000000000"')],
      good: [tfActivityLog(REQUIRED), tfActivityLog(ALL), tfActivityLog(["Administrative"], "azurerm_key_vault.app.id")],
    },
    arm: {
      bad: [armActivityLog(["Administrative", "Security", "ServiceHealth"])],
      good: [armActivityLog(REQUIRED)],
    },
  },
  evaluate(s) {
    if (!s.subscription || s.logs.some((l) => !l.known)) return undefined;
    const have = new Set(s.logs.filter((l) => isKnown(l)).map((l) => (l.value ?? "").toLowerCase()));
    if (have.has("alllogs")) return undefined;
    const missing = REQUIRED.filter((c) => !have.has(c.toLowerCase()));
    if (missing.length === 0) return undefined;
    return fail(s.logs[0] ?? s.range, `${s.address} does not send the ${missing.join(", ")} activity log categories`, { key: `${s.address} categories` });
  },
});
