import type { ComposeService } from "../../models/compose.js";
import { defineCheck, fail } from "../define.js";
import { composeFile, serviceLabel } from "./util.js";

export default defineCheck<ComposeService>({
  id: "MAM-DC-021",
  title: "Service is given host devices",
  severity: "medium",
  description:
    "The service's `devices` passes host device nodes into the container. Direct device access bypasses the " +
    "kernel's usual mediation: a disk device gives raw access to the host's file systems, /dev/mem or /dev/kmsg " +
    "to kernel memory and logs, and even a GPU or USB device widens the kernel code a compromised process can " +
    "reach. Each device should be one the service truly needs, read-only where it can be.",
  appliesTo: "compose.Service",
  compliance: [{ framework: "cis-docker-1.6", control: "5.18" }],
  remediation: {
    text: "Remove devices the service does not need; give the rest with the narrowest permissions (`:r`), and prefer device plugins or drivers (GPUs through `deploy.resources.reservations.devices`).",
    fix: "devices:\n  - \"/dev/ttyUSB0:/dev/ttyUSB0:r\"",
  },
  examples: {
    compose: {
      bad: [composeFile("backup", "devices:\n  - /dev/sda:/dev/sda"), composeFile("zigbee", "devices:\n  - source: /dev/ttyACM0\n    target: /dev/ttyACM0")],
      good: [composeFile("backup", "volumes:\n  - backups:/backups")],
    },
  },
  evaluate: (s) =>
    s.devices.flatMap((d) => {
      if (!d.known || d.value === undefined) return [];
      const device = d.value.split(":")[0] ?? d.value;
      return [fail(d, `${serviceLabel(s)} is given the host device ${device}`, { key: `device ${device}` })];
    }),
});
