import type { ComposeService } from "../../models/compose.js";
import { defineCheck, fail } from "../define.js";
import { composeFile, serviceLabel } from "./util.js";

export default defineCheck<ComposeService>({
  id: "MAM-DC-019",
  title: "Service has no memory limit",
  severity: "medium",
  description:
    "The service sets neither `mem_limit` nor `deploy.resources.limits.memory`, so its container may use all of " +
    "the host's memory. A leak, a flood of requests or a miner run by an intruder then pushes the host into " +
    "swapping and the kernel's OOM killer, which may pick the database next door. Services that extend another " +
    "are not reported: the limit may come from there.",
  appliesTo: "compose.Service",
  references: { kics: "bb9ac4f7-e13b-423d-a010-c74a1bfbe492" },
  compliance: [{ framework: "cis-docker-1.6", control: "5.11" }],
  remediation: {
    text: "Set a memory limit sized from the service's observed use.",
    fix: "deploy:\n  resources:\n    limits:\n      memory: 512M",
  },
  examples: {
    compose: {
      bad: [composeFile("worker", "")],
      good: [composeFile("worker", "mem_limit: 512m"), composeFile("worker", "deploy:\n  resources:\n    limits:\n      cpus: \"0.50\"\n      memory: 256M")],
    },
  },
  evaluate: (s) =>
    s.memoryLimit || s.extends ? undefined : fail(s.keyRange, `${serviceLabel(s)} has no memory limit: it may use all of the host's memory`, { key: "memory limit" }),
});
