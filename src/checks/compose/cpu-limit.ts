import type { ComposeService } from "../../models/compose.js";
import { defineCheck, fail } from "../define.js";
import { composeFile, serviceLabel } from "./util.js";

export default defineCheck<ComposeService>({
  id: "MAM-DC-024",
  title: "Service has no CPU limit or share",
  severity: "low",
  description:
    "The service sets none of `cpus`, `cpu_shares`, `cpu_quota` or `deploy.resources.limits.cpus`, so its " +
    "container competes for CPU on equal terms with everything else on the host and may use all of it. A busy " +
    "loop, a crypto miner or a burst of load then starves the other services. Services that extend another are " +
    "not reported: the setting may come from there.",
  appliesTo: "compose.Service",
  compliance: [{ framework: "cis-docker-1.6", control: "5.12" }],
  remediation: {
    text: "Limit the CPUs the service may use, or give it a relative share that reflects its priority.",
    fix: 'deploy:\n  resources:\n    limits:\n      cpus: "1.0"',
  },
  examples: {
    compose: {
      bad: [composeFile("worker", ""), composeFile("worker", "mem_limit: 512m")],
      good: [composeFile("worker", 'cpus: "0.5"'), composeFile("worker", "cpu_shares: 512"), composeFile("worker", 'deploy:\n  resources:\n    limits:\n      cpus: "2"')],
    },
  },
  evaluate: (s) =>
    s.cpuLimit || s.extends ? undefined : fail(s.keyRange, `${serviceLabel(s)} has no CPU limit or share: it may take all of the host's CPU`, { key: "cpu limit" }),
});
