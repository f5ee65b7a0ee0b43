import type { ComposeService } from "../../models/compose.js";
import { defineCheck, fail } from "../define.js";
import { bindMounts, systemPath } from "./mounts.js";
import { composeFile, serviceLabel } from "./util.js";

export default defineCheck<ComposeService>({
  id: "MAM-DC-003",
  title: "Service mounts a sensitive host directory",
  severity: "high",
  description:
    "A volume of the service bind-mounts the host's root directory or a system directory (/boot, /dev, /etc, " +
    "/lib, /proc, /sys, /usr, /root, /run, /var/lib/docker, ...), or a path inside one. Written to, these change " +
    "the host (its users, its services, the kernel's settings, other containers' data); read, they expose its " +
    "secrets. A read-only mount of a path inside such a directory is reported as medium; the host's time zone " +
    "files are not reported. Runtime sockets are MAM-DC-002.",
  appliesTo: "compose.Service",
  references: { kics: "1c1325ff-831d-43a1-973e-839ae57dfcc0" },
  compliance: [{ framework: "cis-docker-1.6", control: "5.6" }],
  remediation: {
    text: "Mount a named volume or a directory of the project instead, read-only where possible; node agents that must read the host should mount only the few paths they read, read-only.",
    fix: "volumes:\n  - app-data:/data\n  - ./config:/etc/app:ro",
  },
  examples: {
    compose: {
      bad: [
        composeFile("backup", "volumes:\n  - /:/host"),
        composeFile("agent", "volumes:\n  - /etc:/host/etc"),
        composeFile("exporter", "volumes:\n  - /proc/sys/kernel:/host/kernel:ro"),
      ],
      good: [composeFile("app", "volumes:\n  - ./data:/data\n  - /etc/localtime:/etc/localtime:ro\n  - /srv/app/uploads:/uploads")],
    },
  },
  evaluate: (s) =>
    bindMounts(s).flatMap((m) => {
      const where = systemPath(m.path);
      if (!where) return [];
      const minor = where === "inside" && m.volume.readOnly === true;
      const mode = m.volume.readOnly === true ? "read-only" : "writable";
      return [
        fail(m.volume, `${serviceLabel(s)} mounts the host's ${m.path} (${mode})`, {
          key: `mount ${m.path}`,
          ...(minor ? { severity: "medium" as const } : {}),
        }),
      ];
    }),
});
