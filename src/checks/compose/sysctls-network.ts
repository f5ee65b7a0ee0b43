import type { ComposeService } from "../../models/compose.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { composeFile, isKnown, serviceLabel } from "./util.js";

/** Network sysctls that, set to 1, make a container route or accept traffic it otherwise would not. */
const RISKY = [/^net\.ipv4\.ip_forward$/, /^net\.ipv6\.conf\.[^.]+\.forwarding$/, /^net\.ipv4\.conf\.[^.]+\.(?:forwarding|route_localnet|accept_source_route)$/, /^net\.ipv6\.conf\.[^.]+\.accept_source_route$/];

export default defineCheck<ComposeService>({
  id: "MAM-DC-027",
  title: "Service turns on packet forwarding or source routing",
  severity: "low",
  description:
    "The service sets a sysctl that makes its network namespace forward packets between interfaces, route " +
    "traffic addressed to 127.0.0.0/8 (`route_localnet`), or accept source-routed packets. A container so " +
    "configured can act as a router between the networks it is attached to, or expose services bound to " +
    "localhost, bypassing the isolation Compose networks give. VPN and router containers need forwarding; " +
    "others do not.",
  appliesTo: "compose.Service",
  remediation: {
    text: "Remove the sysctl, or set it to 0, unless the service is a router or VPN gateway by design.",
    fix: "sysctls:\n  net.ipv4.ip_forward: 0",
  },
  examples: {
    compose: {
      bad: [composeFile("edge", "sysctls:\n  net.ipv4.ip_forward: 1"), composeFile("edge", "sysctls:\n  - net.ipv4.conf.all.route_localnet=1")],
      good: [composeFile("edge", ""), composeFile("edge", "sysctls:\n  net.core.somaxconn: 1024\n  net.ipv4.ip_forward: 0")],
    },
  },
  evaluate(s) {
    const out: Violation[] = [];
    for (const x of s.sysctls) {
      if (!RISKY.some((r) => r.test(x.name)) || !isKnown(x.value) || x.value.value.trim() !== "1") continue;
      out.push(fail(x.value, `${serviceLabel(s)} sets ${x.name}=1`, { key: `sysctl ${x.name}` }));
    }
    return out;
  },
});
