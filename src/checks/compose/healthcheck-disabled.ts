import type { ComposeService } from "../../models/compose.js";
import { defineCheck, fail } from "../define.js";
import { composeFile, knownTrue, serviceLabel } from "./util.js";

export default defineCheck<ComposeService>({
  id: "MAM-DC-017",
  title: "Service turns its health check off",
  severity: "low",
  description:
    "The service sets `healthcheck: { disable: true }` or `test: [\"NONE\"]`, which also turns off a HEALTHCHECK " +
    "the image defines. Docker and whatever watches it then cannot tell a hung or degraded container from a " +
    "healthy one: it is not restarted, and services that `depends_on` it with `condition: service_healthy` " +
    "cannot wait for it. Services that define no healthcheck are not reported: the image may have one.",
  appliesTo: "compose.Service",
  compliance: [{ framework: "cis-docker-1.6", control: "5.27" }],
  remediation: {
    text: "Remove the disabling setting, or replace it by a check of the service's own health endpoint.",
    fix: "healthcheck:\n  test: [\"CMD\", \"wget\", \"-qO-\", \"http://localhost:8080/healthz\"]\n  interval: 30s\n  timeout: 5s\n  retries: 3",
  },
  examples: {
    compose: {
      bad: [composeFile("api", "healthcheck:\n  disable: true"), composeFile("api", "healthcheck:\n  test: [\"NONE\"]")],
      good: [composeFile("api", "healthcheck:\n  test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8080/healthz\"]\n  interval: 30s"), composeFile("api", "")],
    },
  },
  evaluate: (s) => (knownTrue(s.healthcheckDisabled) ? fail(s.healthcheckDisabled, `${serviceLabel(s)} turns its health check off`, { key: "healthcheck" }) : undefined),
});
