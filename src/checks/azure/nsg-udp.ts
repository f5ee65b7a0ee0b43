import type { NetworkSecurityRule } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { internetSources, opensAllPorts, ruleName } from "./nsg.js";
import { armNsg, tfNsg } from "./nsg-examples.js";
import { isWord } from "./util.js";

export default defineCheck<NetworkSecurityRule>({
  id: "MAM-AZ-013",
  title: "Network security rule opens UDP to the internet",
  severity: "medium",
  description:
    "An inbound Allow rule for UDP lets any address in. UDP services (DNS, NTP, SSDP, CLDAP, memcached) reachable " +
    "from the internet are abused as amplifiers in denial-of-service attacks on others, and their answers to spoofed " +
    "requests count against your bandwidth. Rules that open every port are MAM-AZ-012's.",
  appliesTo: "azure.network.SecurityRule",
  references: { checkov: "CKV_AZURE_77" },
  compliance: [{ framework: "cis-azure-2.1", control: "6.3" }],
  remediation: {
    text: "Allow UDP only from the networks that need it; put public UDP services behind a service built for it (Azure Front Door or a managed DNS).",
    fix: 'source_address_prefix = "10.20.0.0/16"',
  },
  examples: {
    terraform: {
      bad: [tfNsg({ name: "dns", protocol: "Udp", ports: "53", source: "*" })],
      good: [tfNsg({ name: "dns", protocol: "Udp", ports: "53", source: "10.0.0.0/8" }), tfNsg({ name: "https", protocol: "Tcp", ports: "443", source: "*" })],
    },
    arm: {
      bad: [armNsg({ name: "ntp", protocol: "Udp", ports: "123", source: "Internet" })],
      good: [armNsg({ name: "ntp", protocol: "Udp", ports: "123", source: "VirtualNetwork" })],
    },
  },
  evaluate(rule) {
    if (!isWord(rule.protocol, "Udp") || opensAllPorts(rule)) return undefined;
    return internetSources(rule).map((s) => fail(s, `${ruleName(rule)} allows ${s.value} to UDP ports ${rule.ports.map((p) => p.value ?? "?").join(", ")}`, { key: `${rule.address} udp ${s.value}` }));
  },
});
