import type { ComposeService } from "../../models/compose.js";
import { defineCheck, fail } from "../define.js";
import { composeFile, knownTrue, serviceLabel } from "./util.js";

export default defineCheck<ComposeService>({
  id: "MAM-DC-001",
  title: "Service runs privileged",
  severity: "high",
  description:
    "The service sets `privileged: true`. The container then gets every capability, every host device and no " +
    "seccomp, AppArmor or SELinux confinement: root in it is root on the host in all but name, able to load " +
    "kernel modules, mount the host's disks and reach every other container.",
  appliesTo: "compose.Service",
  references: { kics: "ae5b6871-7f45-42e0-bb4c-ab300c4d2026" },
  compliance: [{ framework: "cis-docker-1.6", control: "5.5" }],
  remediation: {
    text: "Remove privileged; add the one capability or device the service needs (cap_add, devices) instead.",
    fix: "cap_drop: [ALL]\ncap_add: [NET_BIND_SERVICE]",
  },
  examples: {
    compose: {
      bad: [composeFile("agent", "privileged: true"), composeFile("agent", "privileged: \"true\"")],
      good: [composeFile("agent", ""), composeFile("agent", "privileged: false")],
    },
  },
  evaluate: (s) => (knownTrue(s.privileged) ? fail(s.privileged, `${serviceLabel(s)} runs privileged: it has full access to the host`, { key: "privileged" }) : undefined),
});
