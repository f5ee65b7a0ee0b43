# The storefront's Azure estate, deliberately flawed for the demo: a storage account open to every
# network that lets containers go public (and one that is), SSH open to the internet, a SQL server
# whose firewall admits everyone, and a key vault without purge protection.

variable "sql_password" {
  type      = string
  sensitive = true
}

resource "azurerm_storage_account" "assets" {
  name                            = "storefrontassets"
  resource_group_name             = "storefront"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  min_tls_version                 = "TLS1_0"
  allow_nested_items_to_be_public = true
}

resource "azurerm_storage_container" "invoices" {
  name                  = "invoices"
  storage_account_name  = azurerm_storage_account.assets.name
  container_access_type = "blob"
}

resource "azurerm_network_security_group" "web" {
  name                = "storefront-web"
  location            = "westeurope"
  resource_group_name = "storefront"

  security_rule {
    name                       = "https"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefix      = "Internet"
    destination_address_prefix = "*"
  }

  security_rule {
    name                       = "ssh"
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
}

resource "azurerm_mssql_server" "orders" {
  name                         = "storefront-orders"
  resource_group_name          = "storefront"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = var.sql_password
  minimum_tls_version          = "1.2"
}

resource "azurerm_mssql_firewall_rule" "everyone" {
  name             = "everyone"
  server_id        = azurerm_mssql_server.orders.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "255.255.255.255"
}

resource "azurerm_key_vault" "app" {
  name                = "storefront-kv"
  location            = "westeurope"
  resource_group_name = "storefront"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
}
