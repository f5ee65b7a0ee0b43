import type { ComposeService } from "../../models/compose.js";
import { defineCheck, fail } from "../define.js";
import { composeFile, serviceLabel } from "./util.js";

export default defineCheck<ComposeService>({
  id: "MAM-DC-022",
  title: "Bind mount propagation is shared",
  severity: "medium",
  description:
    "A bind mount of the service sets propagation to `shared` or `rshared`. Mounts made inside the container " +
    "under that path then appear on the host, and the other way round: a container with mount rights can place " +
    "file systems where host processes will use them. Private propagation (the default) keeps the container's " +
    "mounts to itself.",
  appliesTo: "compose.Service",
  compliance: [{ framework: "cis-docker-1.6", control: "5.20" }],
  remediation: {
    text: "Remove the propagation setting (rprivate is the default), or use rslave where the container only needs to see the host's mounts.",
    fix: "volumes:\n  - type: bind\n    source: /mnt/data\n    target: /data\n    bind:\n      propagation: rslave",
  },
  examples: {
    compose: {
      bad: [
        composeFile("storage", "volumes:\n  - /mnt/data:/data:rshared"),
        composeFile("storage", "volumes:\n  - type: bind\n    source: /mnt/data\n    target: /data\n    bind:\n      propagation: shared"),
      ],
      good: [composeFile("storage", "volumes:\n  - /mnt/data:/data:rslave"), composeFile("storage", "volumes:\n  - /mnt/data:/data")],
    },
  },
  evaluate: (s) =>
    s.volumes.flatMap((v) => {
      const p = v.propagation;
      if (!p?.known || (p.value !== "shared" && p.value !== "rshared")) return [];
      return [fail(p, `${serviceLabel(s)} mounts ${v.target?.value ?? "a path"} with ${p.value} propagation: mounts cross between host and container`, { key: `propagation ${v.target?.value ?? ""}` })];
    }),
});
