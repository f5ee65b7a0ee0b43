// Example building blocks shared by the AKS checks.
import { armTemplate } from "./arm.js";

const lines = (extra: string): string =>
  extra
    .split("\n")
    .map((l) => (l ? `  ${l}` : l))
    .join("\n");

/** An azurerm_kubernetes_cluster with extra lines (attributes and blocks). */
export function tfCluster(extra: string): string {
  return `resource "azurerm_kubernetes_cluster" "main" {
  name                = "storefront-aks"
  location            = "westeurope"
  resource_group_name = "storefront"
  dns_prefix          = "storefront"

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }

  identity {
    type = "SystemAssigned"
  }
${lines(extra)}
}`;
}

/** A hardened cluster body: every AKS check stays quiet on it, so examples change one thing at a time. */
export const TF_HARDENED = `private_cluster_enabled = true
local_account_disabled  = true

azure_active_directory_role_based_access_control {
  azure_rbac_enabled = true
}

network_profile {
  network_plugin = "azure"
  network_policy = "calico"
}

oms_agent {
  log_analytics_workspace_id = azurerm_log_analytics_workspace.main.id
}`;

/** An ARM managed cluster with the given properties (besides the node pool). */
export function armCluster(properties: string): string {
  return armTemplate([
    `{
  "type": "Microsoft.ContainerService/managedClusters",
  "apiVersion": "2023-08-01",
  "name": "storefront-aks",
  "location": "westeurope",
  "identity": { "type": "SystemAssigned" },
  "properties": {
    "dnsPrefix": "storefront",
    "agentPoolProfiles": [{ "name": "system", "count": 3, "vmSize": "Standard_D4s_v5", "mode": "System" }]${properties ? `,\n    ${properties}` : ""}
  }
}`,
  ]);
}

export const ARM_HARDENED = `"enableRBAC": true,
    "disableLocalAccounts": true,
    "aadProfile": { "managed": true, "enableAzureRBAC": true },
    "networkProfile": { "networkPlugin": "azure", "networkPolicy": "azure" },
    "apiServerAccessProfile": { "enablePrivateCluster": true },
    "addonProfiles": { "omsagent": { "enabled": true, "config": { "logAnalyticsWorkspaceResourceID": "[parameters('workspaceId')]" } } }`;
