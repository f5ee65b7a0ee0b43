import type { NetworkSecurityRule } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armTemplate } from "./arm.js";
import { carries, internetSources, opensAllPorts, opensPort, ruleName } from "./nsg.js";
import { armNsg, tfNsg } from "./nsg-examples.js";

export default defineCheck<NetworkSecurityRule>({
  id: "MAM-AZ-010",
  title: "Network security rule opens RDP to the internet",
  severity: "high",
  description:
    "An inbound Allow rule lets any address (`*`, `Internet`, `Any`, `0.0.0.0/0`) reach TCP port 3389, inline in a " +
    "network security group or in a rule resource of its own. Remote Desktop reachable from the internet is brute-" +
    "forced around the clock and has a long record of pre-authentication flaws.",
  appliesTo: "azure.network.SecurityRule",
  references: { checkov: "CKV_AZURE_9", trivy: "AVD-AZU-0048" },
  compliance: [{ framework: "cis-azure-2.1", control: "6.1" }],
  remediation: {
    text: "Allow RDP only from known ranges (a VPN or office range), or remove the rule and use Azure Bastion or just-in-time VM access.",
    fix: 'source_address_prefix = "10.20.0.0/16"',
  },
  examples: {
    terraform: {
      bad: [
        tfNsg({ name: "rdp", protocol: "Tcp", ports: "3389", source: "*" }),
        `resource "azurerm_network_security_group" "win" {
  name                = "win"
  location            = "westeurope"
  resource_group_name = "storefront"
}

resource "azurerm_network_security_rule" "rdp" {
  name                        = "rdp"
  priority                    = 110
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_ranges     = ["443", "3000-4000"]
  source_address_prefix       = "Internet"
  destination_address_prefix  = "*"
  resource_group_name         = "storefront"
  network_security_group_name = azurerm_network_security_group.win.name
}`,
      ],
      good: [
        tfNsg({ name: "rdp", protocol: "Tcp", ports: "3389", source: "10.20.0.0/16" }),
        tfNsg({ name: "rdp", protocol: "Tcp", ports: "3389", source: "*", access: "Deny" }),
        tfNsg({ name: "rdp", protocol: "Tcp", ports: "*", source: "*" }),
      ],
    },
    arm: {
      bad: [
        armNsg({ name: "rdp", protocol: "Tcp", ports: "3389", source: "Internet" }),
        armTemplate(
          [
            `{
  "type": "Microsoft.Network/networkSecurityGroups/securityRules",
  "apiVersion": "2023-04-01",
  "name": "[concat(parameters('nsg'), '/rdp')]",
  "properties": {
    "priority": 100,
    "direction": "Inbound",
    "access": "Allow",
    "protocol": "*",
    "sourcePortRange": "*",
    "destinationPortRanges": ["3389"],
    "sourceAddressPrefix": "0.0.0.0/0",
    "destinationAddressPrefix": "*"
  }
}`,
          ],
          { parameters: `{ "nsg": { "type": "string", "defaultValue": "win" } }` },
        ),
      ],
      good: [
        armNsg({ name: "rdp", protocol: "Tcp", ports: "3389", source: "VirtualNetwork" }),
        armNsg({ name: "rdp", protocol: "Udp", ports: "3389", source: "*" }),
      ],
    },
  },
  evaluate(rule) {
    // A rule opening every port is MAM-AZ-012's to report.
    if (!carries(rule, "Tcp") || opensAllPorts(rule) || !opensPort(rule, 3389)) return undefined;
    return internetSources(rule).map((s) => fail(s, `${ruleName(rule)} allows ${s.value} to RDP (TCP 3389)`, { key: `${rule.address} rdp ${s.value}` }));
  },
});
