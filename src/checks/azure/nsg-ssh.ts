import type { NetworkSecurityRule } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { carries, internetSources, opensAllPorts, opensPort, ruleName } from "./nsg.js";
import { armNsg, tfNsg } from "./nsg-examples.js";

export default defineCheck<NetworkSecurityRule>({
  id: "MAM-AZ-011",
  title: "Network security rule opens SSH to the internet",
  severity: "high",
  description:
    "An inbound Allow rule lets any address (`*`, `Internet`, `Any`, `0.0.0.0/0`) reach TCP port 22. SSH exposed to " +
    "the internet is scanned within minutes of going up; weak or leaked credentials and unpatched daemons then give " +
    "a shell on the machine.",
  appliesTo: "azure.network.SecurityRule",
  references: { checkov: "CKV_AZURE_10", trivy: "AVD-AZU-0050" },
  compliance: [{ framework: "cis-azure-2.1", control: "6.2" }],
  remediation: {
    text: "Allow SSH only from known ranges, or remove the rule and use Azure Bastion or just-in-time VM access.",
    fix: 'source_address_prefix = "10.20.0.0/16"',
  },
  examples: {
    terraform: {
      bad: [tfNsg({ name: "ssh", protocol: "Tcp", ports: "22", source: "*" }), tfNsg({ name: "admin", protocol: "*", ports: "20-25", source: "0.0.0.0/0" })],
      good: [tfNsg({ name: "ssh", protocol: "Tcp", ports: "22", source: "AzureLoadBalancer" }), tfNsg({ name: "ssh", protocol: "Tcp", ports: "22", source: "*", direction: "Outbound" })],
    },
    arm: {
      bad: [armNsg({ name: "ssh", protocol: "Tcp", ports: "22", source: "Any" })],
      good: [armNsg({ name: "ssh", protocol: "Tcp", ports: "22", source: "203.0.113.0/24" }), armNsg({ name: "web", protocol: "Tcp", ports: "443", source: "*" })],
    },
  },
  evaluate(rule) {
    if (!carries(rule, "Tcp") || opensAllPorts(rule) || !opensPort(rule, 22)) return undefined;
    return internetSources(rule).map((s) => fail(s, `${ruleName(rule)} allows ${s.value} to SSH (TCP 22)`, { key: `${rule.address} ssh ${s.value}` }));
  },
});
