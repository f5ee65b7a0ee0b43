import type { NetworkSecurityRule } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { internetSources, opensAllPorts, ruleName } from "./nsg.js";
import { armNsg, tfNsg } from "./nsg-examples.js";

export default defineCheck<NetworkSecurityRule>({
  id: "MAM-AZ-012",
  title: "Network security rule opens every port to the internet",
  severity: "high",
  description:
    "An inbound Allow rule lets any address reach every destination port (`*` or `0-65535`). Whatever listens behind " +
    "the group, management ports, databases and debug endpoints included, is then on the internet, and the group no " +
    "longer filters anything.",
  appliesTo: "azure.network.SecurityRule",
  remediation: {
    text: "Open only the ports the workload serves (usually 443), from the sources that need them.",
    fix: 'destination_port_range = "443"',
  },
  examples: {
    terraform: {
      bad: [tfNsg({ name: "any", protocol: "*", ports: "*", source: "*" }), tfNsg({ name: "any", protocol: "Tcp", ports: "0-65535", source: "Internet" })],
      good: [tfNsg({ name: "https", protocol: "Tcp", ports: "443", source: "*" }), tfNsg({ name: "any", protocol: "*", ports: "*", source: "VirtualNetwork" })],
    },
    arm: {
      bad: [armNsg({ name: "any", protocol: "*", ports: "*", source: "*" })],
      good: [armNsg({ name: "any", protocol: "*", ports: "*", source: "*", access: "Deny" })],
    },
  },
  evaluate(rule) {
    if (!opensAllPorts(rule)) return undefined;
    return internetSources(rule).map((s) => fail(s, `${ruleName(rule)} allows ${s.value} to every port`, { key: `${rule.address} all-ports ${s.value}` }));
  },
});
