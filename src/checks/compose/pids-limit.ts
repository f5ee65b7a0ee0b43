import type { ComposeService } from "../../models/compose.js";
import { defineCheck, fail } from "../define.js";
import { composeFile, isKnown, serviceLabel } from "./util.js";

export default defineCheck<ComposeService>({
  id: "MAM-DC-023",
  title: "Service has no process limit",
  severity: "low",
  description:
    "The service sets neither `pids_limit` nor `deploy.resources.limits.pids` (or sets -1 or 0, which mean no " +
    "limit), so its container may start processes until the host's process table is full. A fork bomb, or a " +
    "runaway worker pool, then stops every other container and the host itself from starting new processes. " +
    "Services that extend another are not reported when the setting is absent: the limit may come from there.",
  appliesTo: "compose.Service",
  compliance: [{ framework: "cis-docker-1.6", control: "5.29" }],
  remediation: {
    text: "Set a process limit comfortably above what the service normally runs.",
    fix: "pids_limit: 200",
  },
  examples: {
    compose: {
      bad: [composeFile("worker", ""), composeFile("worker", "pids_limit: -1")],
      good: [composeFile("worker", "pids_limit: 200"), composeFile("worker", "deploy:\n  resources:\n    limits:\n      pids: 100"), composeFile("worker", "pids_limit: ${PIDS}")],
    },
  },
  evaluate(s) {
    const v = s.pidsLimit;
    if (v === undefined) return s.extends ? undefined : fail(s.keyRange, `${serviceLabel(s)} has no process limit: it may exhaust the host's process table`, { key: "pids limit" });
    if (isKnown(v) && v.value <= 0) return fail(v, `${serviceLabel(s)} sets its process limit to ${v.value}, which means no limit`, { key: "pids limit" });
    return undefined;
  },
});
