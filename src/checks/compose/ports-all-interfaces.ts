import type { ComposeService } from "../../models/compose.js";
import { defineCheck, fail } from "../define.js";
import { composeFile, serviceLabel } from "./util.js";

const ANY_ADDRESS = new Set(["", "0.0.0.0", "::", "[::]"]);

export default defineCheck<ComposeService>({
  id: "MAM-DC-014",
  title: "Port published on every host interface",
  severity: "medium",
  description:
    "A `ports` entry gives no host address (or 0.0.0.0 / ::), so Docker publishes the port on every interface of " +
    "the host, public ones included. Docker writes its own firewall rules for published ports, ahead of host " +
    "firewalls such as ufw or firewalld, so a database or admin port meant for local use ends up reachable from " +
    "the network. A port given alone (`\"3000\"`) is published on every interface too, on a random host port.",
  appliesTo: "compose.Service",
  references: { kics: "451d79dc-0588-476a-ad03-3c7f0320abb3" },
  compliance: [{ framework: "cis-docker-1.6", control: "5.14" }],
  remediation: {
    text: "Bind the port to the interface that should serve it (127.0.0.1 for local use, a private address otherwise); let services talk to each other over the Compose network without publishing.",
    fix: "ports:\n  - \"127.0.0.1:5432:5432\"",
  },
  examples: {
    compose: {
      bad: [
        composeFile("db", "ports:\n  - \"5432:5432\"", "postgres:16.3"),
        composeFile("admin", "ports:\n  - target: 8080\n    published: 8080\n    host_ip: 0.0.0.0"),
        composeFile("app", "ports:\n  - 3000"),
      ],
      good: [
        composeFile("db", "ports:\n  - \"127.0.0.1:5432:5432\"", "postgres:16.3"),
        composeFile("admin", "ports:\n  - target: 8080\n    published: 8080\n    host_ip: 10.0.4.12"),
        composeFile("app", "expose:\n  - \"3000\""),
        composeFile("app", "ports:\n  - \"${BIND_ADDRESS}:3000:3000\""),
      ],
    },
  },
  evaluate: (s) =>
    s.ports.flatMap((p) => {
      if (!p.known || (p.hostIp && (!p.hostIp.known || !ANY_ADDRESS.has(p.hostIp.value ?? "")))) return [];
      const host = p.published?.value ? `host port ${p.published.value}` : "a random host port";
      return [fail(p, `${serviceLabel(s)} publishes container port ${p.target?.value ?? "?"} on ${host} of every interface`, { key: `port ${p.text}` })];
    }),
});
