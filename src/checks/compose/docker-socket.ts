import type { ComposeService } from "../../models/compose.js";
import { defineCheck, fail } from "../define.js";
import { bindMounts, RUNTIME_SOCKET } from "./mounts.js";
import { composeFile, serviceLabel } from "./util.js";

export default defineCheck<ComposeService>({
  id: "MAM-DC-002",
  title: "Service mounts the container runtime's socket",
  severity: "high",
  description:
    "A volume of the service bind-mounts the Docker (or containerd, CRI-O, Podman) socket from the host. Whoever " +
    "controls the container can then ask the daemon to start a privileged container with the host's root " +
    "directory mounted: full control of the host. Mounting it read-only (`:ro`) changes nothing, since the API " +
    "is used over the socket, not written to it.",
  appliesTo: "compose.Service",
  references: { kics: "d6355c88-1e8d-49e9-b2f2-f8a1ca12c75b" },
  compliance: [{ framework: "cis-docker-1.6", control: "5.32" }],
  remediation: {
    text: "Remove the mount. Tools that only read container state can use a socket proxy that allows just those API calls (and never container creation).",
    fix: "environment:\n  DOCKER_HOST: tcp://socket-proxy:2375",
  },
  examples: {
    compose: {
      bad: [
        composeFile("traefik", "volumes:\n  - /var/run/docker.sock:/var/run/docker.sock:ro", "traefik:v3.0.4"),
        composeFile("runner", "volumes:\n  - type: bind\n    source: /run/containerd/containerd.sock\n    target: /run/containerd/containerd.sock"),
      ],
      good: [composeFile("traefik", "volumes:\n  - ./traefik.yml:/etc/traefik/traefik.yml:ro\n  - certs:/certs", "traefik:v3.0.4")],
    },
  },
  evaluate: (s) =>
    bindMounts(s)
      .filter((m) => RUNTIME_SOCKET.test(m.path))
      .map((m) => fail(m.volume, `${serviceLabel(s)} mounts ${m.path}, which gives control of the host's containers`, { key: `socket ${m.path}` })),
});
