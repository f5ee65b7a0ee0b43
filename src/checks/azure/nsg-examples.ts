// Example building blocks shared by the network security rule checks.
import { armTemplate } from "./arm.js";

/** An azurerm network security group with one inline rule. */
export function tfNsg(rule: { name: string; protocol: string; ports: string; source: string; access?: string; direction?: string }): string {
  return `resource "azurerm_network_security_group" "web" {
  name                = "web"
  location            = "westeurope"
  resource_group_name = "storefront"

  security_rule {
    name                       = "${rule.name}"
    priority                   = 100
    direction                  = "${rule.direction ?? "Inbound"}"
    access                     = "${rule.access ?? "Allow"}"
    protocol                   = "${rule.protocol}"
    source_port_range          = "*"
    destination_port_range     = "${rule.ports}"
    source_address_prefix      = "${rule.source}"
    destination_address_prefix = "*"
  }
}`;
}

/** An ARM network security group with one inline rule. */
export function armNsg(rule: { name: string; protocol: string; ports: string; source: string; access?: string }): string {
  return armTemplate([
    `{
  "type": "Microsoft.Network/networkSecurityGroups",
  "apiVersion": "2023-04-01",
  "name": "web",
  "location": "westeurope",
  "properties": {
    "securityRules": [
      {
        "name": "${rule.name}",
        "properties": {
          "priority": 100,
          "direction": "Inbound",
          "access": "${rule.access ?? "Allow"}",
          "protocol": "${rule.protocol}",
          "sourcePortRange": "*",
          "destinationPortRange": "${rule.ports}",
          "sourceAddressPrefix": "${rule.source}",
          "destinationAddressPrefix": "*"
        }
      }
    ]
  }
}`,
  ]);
}
