import type { ComposeService } from "../../models/compose.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { composeFile, isKnown, serviceLabel } from "./util.js";

/** `on-failure:5` → 5; `on-failure` → undefined (no bound). */
function retries(restart: string): number | undefined {
  const m = /^on-failure:\s*(\d+)$/.exec(restart);
  return m ? Number(m[1]) : undefined;
}

function fromRestart(s: ComposeService): Violation | undefined {
  const v = s.restart;
  if (!isKnown(v)) return undefined;
  const mode = v.value.trim().toLowerCase();
  if (mode === "always" || mode === "unless-stopped") {
    return fail(v, `${serviceLabel(s)} sets restart: ${mode}, so a failing container is restarted without end`, { key: "restart" });
  }
  if (mode === "on-failure") return fail(v, `${serviceLabel(s)} sets restart: on-failure without a retry count`, { key: "restart" });
  if (mode.startsWith("on-failure:") && (retries(mode) ?? 0) <= 0) return fail(v, `${serviceLabel(s)} sets restart: ${mode}, which bounds nothing`, { key: "restart" });
  return undefined;
}

function fromPolicy(s: ComposeService): Violation | undefined {
  const p = s.restartPolicy;
  if (!p || p.maxAttempts) return undefined;
  const condition = p.condition;
  if (condition && (!isKnown(condition) || condition.value.trim().toLowerCase() === "none")) return undefined;
  return fail(p.range, `${serviceLabel(s)} has a restart_policy without max_attempts, so a failing container is restarted without end`, { key: "restart" });
}

export default defineCheck<ComposeService>({
  id: "MAM-DC-025",
  title: "Service restarts without a bound",
  severity: "low",
  description:
    "The service restarts its container `always` or `unless-stopped`, or on failure without a retry count, so a " +
    "container that keeps crashing is restarted for ever. Each restart re-runs start-up work, fills the logs, and " +
    "can hide a crash loop (an exploit attempt, a corrupt volume) that should have stopped the service and drawn " +
    "attention. A bounded `on-failure` policy gives up after a few attempts.",
  appliesTo: "compose.Service",
  compliance: [{ framework: "cis-docker-1.6", control: "5.15" }],
  remediation: {
    text: "Restart on failure only, a bounded number of times.",
    fix: 'restart: "on-failure:5"',
  },
  examples: {
    compose: {
      bad: [
        composeFile("api", "restart: always"),
        composeFile("api", "restart: unless-stopped"),
        composeFile("api", "restart: on-failure"),
        composeFile("api", "deploy:\n  restart_policy:\n    condition: on-failure"),
      ],
      good: [
        composeFile("api", ""),
        composeFile("api", 'restart: "on-failure:5"'),
        composeFile("api", "restart: \"no\""),
        composeFile("api", "deploy:\n  restart_policy:\n    condition: on-failure\n    max_attempts: 5"),
      ],
    },
  },
  evaluate: (s) => fromRestart(s) ?? fromPolicy(s),
});
