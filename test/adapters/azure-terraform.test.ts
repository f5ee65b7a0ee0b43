// The azurerm mappers: provider-version spellings, defaults, dynamic blocks, and companion
// resources joined to the resource they configure.
import { describe, expect, it } from "vitest";
import { terraformAdapter } from "../../src/adapters/terraform.js";
import type { ResourceModel } from "../../src/checks/types.js";
import type { AksCluster, DbFirewallRule, DbServer, NetworkSecurityRule, SqlServer, StorageAccount, StorageContainer, VirtualMachine, WebApp } from "../../src/models/azure.js";

function models<T extends ResourceModel>(text: string, type: string): T[] {
  return terraformAdapter.parse(text, "main.tf").models.filter((m) => m.modelType === type) as T[];
}

function one<T extends ResourceModel>(text: string, type: string): T {
  const all = models<T>(text, type);
  expect(all).toHaveLength(1);
  return all[0] as T;
}

const account = (body: string): string => `resource "azurerm_storage_account" "logs" {
  name                     = "storefrontlogs"
  resource_group_name      = "storefront"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
${body}
}`;

describe("azurerm storage accounts", () => {
  it("fills in the defaults every provider version shares, and leaves the others undefined", () => {
    const a = one<StorageAccount>(account(""), "azure.storage.Account");
    expect(a).toMatchObject({
      address: "azurerm_storage_account.logs",
      httpsOnly: { value: true, known: true },
      publicNetworkAccess: { value: true, known: true },
      networkDefaultAction: { value: "Allow", known: true },
      infrastructureEncryption: { value: false, known: true },
      blobSoftDelete: { value: false, known: true },
    });
    expect(a.minTlsVersion).toBeUndefined();
    expect(a.allowBlobPublicAccess).toBeUndefined();
  });

  it.each([
    { body: "  enable_https_traffic_only = false", field: "httpsOnly", value: false },
    { body: "  https_traffic_only_enabled = var.https", field: "httpsOnly", value: undefined },
    { body: "  allow_blob_public_access = true", field: "allowBlobPublicAccess", value: true },
    { body: "  allow_nested_items_to_be_public = false", field: "allowBlobPublicAccess", value: false },
  ])("$body", ({ body, field, value }) => {
    expect(one<StorageAccount>(account(body), "azure.storage.Account")[field as keyof StorageAccount]).toMatchObject({ value, known: value !== undefined });
  });

  it("reads network rules inline, from a companion resource, and as unknown when generated or not tied", () => {
    expect(one<StorageAccount>(account('  network_rules {\n    default_action = "Deny"\n    bypass = ["None"]\n  }'), "azure.storage.Account")).toMatchObject({
      networkDefaultAction: { value: "Deny", known: true, range: { startLine: 8, endLine: 8 } },
      networkBypass: [{ value: "None", known: true }],
    });
    const companion = `${account("")}
resource "azurerm_storage_account_network_rules" "logs" {
  storage_account_id = azurerm_storage_account.logs.id
  default_action     = "Deny"
}`;
    expect(one<StorageAccount>(companion, "azure.storage.Account").networkDefaultAction).toMatchObject({ value: "Deny", known: true, range: { startLine: 11, endLine: 11 } });
    expect(one<StorageAccount>(companion.replace("azurerm_storage_account.logs.id", "var.account_id"), "azure.storage.Account").networkDefaultAction).toMatchObject({ known: false });
    expect(one<StorageAccount>(account('  dynamic "network_rules" {\n    for_each = var.rules\n    content {}\n  }'), "azure.storage.Account").networkDefaultAction).toMatchObject({ known: false });
  });

  it("ties a container to its account by reference or by literal name", () => {
    const text = `${account("")}
resource "azurerm_storage_container" "a" {
  name                 = "a"
  storage_account_name = azurerm_storage_account.logs.name
}
resource "azurerm_storage_container" "b" {
  name                  = "b"
  storage_account_name  = "storefrontlogs"
  container_access_type = "blob"
}`;
    expect(models<StorageContainer>(text, "azure.storage.Container").map((c) => [c.account, c.publicAccess?.value])).toEqual([
      ["azurerm_storage_account.logs", "private"],
      ["azurerm_storage_account.logs", "blob"],
    ]);
  });
});

describe("azurerm network security rules", () => {
  it("reads inline rules and rule resources, tied to their group by reference or name", () => {
    const text = `resource "azurerm_network_security_group" "web" {
  name                = "web"
  location            = "westeurope"
  resource_group_name = "storefront"

  security_rule {
    name                       = "ssh"
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    destination_port_range     = "22"
    source_address_prefixes    = ["10.0.0.0/8", "0.0.0.0/0"]
  }
}

resource "azurerm_network_security_rule" "rdp" {
  name                        = "rdp"
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  destination_port_ranges     = ["3389", "5985-5986"]
  source_address_prefix       = "*"
  network_security_group_name = azurerm_network_security_group.web.name
}

resource "azurerm_network_security_rule" "other" {
  name                        = "other"
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Udp"
  destination_port_range      = "53"
  source_address_prefix       = "*"
  network_security_group_name = "elsewhere"
}`;
    const rules = models<NetworkSecurityRule>(text, "azure.network.SecurityRule");
    expect(rules.map((r) => [r.address, r.group, r.sources.map((s) => s.value), r.ports.map((p) => p.value)])).toEqual([
      ["azurerm_network_security_group.web.security_rule.ssh", "azurerm_network_security_group.web", ["10.0.0.0/8", "0.0.0.0/0"], ["22"]],
      ["azurerm_network_security_rule.rdp", "azurerm_network_security_group.web", ["*"], ["3389", "5985-5986"]],
      ["azurerm_network_security_rule.other", undefined, ["*"], ["53"]],
    ]);
    expect(rules[0]?.range).toEqual({ startLine: 6, endLine: 13 });
  });
});

describe("azurerm databases", () => {
  const server = `resource "azurerm_mssql_server" "db" {
  name                         = "storefront-sql"
  resource_group_name          = "storefront"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = var.sql_password
  public_network_access_enabled = false
}`;

  it("joins auditing policies, Entra administrators and firewall rules to their SQL server", () => {
    const text = `${server}
resource "azurerm_mssql_server_extended_auditing_policy" "db" {
  server_id         = azurerm_mssql_server.db.id
  retention_in_days = 30
}
resource "azurerm_sql_active_directory_administrator" "db" {
  server_name         = "storefront-sql"
  resource_group_name = "storefront"
  login               = "sql-admins"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  object_id           = "11111111-1111-1111-1111-111111111111"
}
resource "azurerm_mssql_firewall_rule" "all" {
  name             = "all"
  server_id        = azurerm_mssql_server.db.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "255.255.255.255"
}`;
    expect(one<SqlServer>(text, "azure.sql.Server")).toMatchObject({
      publicNetworkAccess: { value: false, known: true },
      auditing: { value: true, known: true, range: { startLine: 10, endLine: 13 } },
      auditRetentionDays: { value: 30, known: true },
      entraAdmin: { value: true, known: true, range: { startLine: 14, endLine: 20 } },
    });
    expect(one<DbFirewallRule>(text, "azure.db.FirewallRule")).toMatchObject({
      engine: "sql",
      server: "azurerm_mssql_server.db",
      serverPublicNetworkAccess: { value: false, known: true },
      startIp: { value: "0.0.0.0" },
      endIp: { value: "255.255.255.255" },
    });
  });

  it("makes auditing unknown, not absent, when a policy cannot be tied to a server", () => {
    const text = `${server}
resource "azurerm_mssql_server_extended_auditing_policy" "db" {
  server_id = var.server_id
}`;
    expect(one<SqlServer>(text, "azure.sql.Server").auditing).toMatchObject({ known: false });
  });

  it("collects server parameters, and reads SSL enforcement of single and flexible servers", () => {
    const text = `resource "azurerm_postgresql_server" "a" {
  name                    = "a"
  ssl_enforcement_enabled = false
}
resource "azurerm_postgresql_configuration" "a" {
  name        = "LOG_CHECKPOINTS"
  server_name = azurerm_postgresql_server.a.name
  value       = "off"
}
resource "azurerm_mysql_server" "b" {
  name            = "b"
  ssl_enforcement = "Enabled"
}
resource "azurerm_postgresql_flexible_server" "c" {
  name                = "c"
  delegated_subnet_id = azurerm_subnet.db.id
}
resource "azurerm_postgresql_flexible_server_configuration" "c" {
  name      = "require_secure_transport"
  server_id = azurerm_postgresql_flexible_server.c.id
  value     = "OFF"
}`;
    const servers = models<DbServer>(text, "azure.rdbms.Server");
    expect(servers.map((s) => [s.address, s.engine, s.flexible, s.sslEnforced?.value, s.publicNetworkAccess?.value])).toEqual([
      ["azurerm_postgresql_server.a", "postgresql", false, false, true],
      ["azurerm_mysql_server.b", "mysql", false, true, true],
      ["azurerm_postgresql_flexible_server.c", "postgresql", true, false, false],
    ]);
    expect(servers[0]?.parameters.get("log_checkpoints")).toMatchObject({ value: "off", known: true, range: { startLine: 8, endLine: 8 } });
  });
});

describe("azurerm compute", () => {
  it.each([
    { attrs: "role_based_access_control_enabled = false", field: "rbacEnabled", value: false },
    { attrs: "role_based_access_control {\n    enabled = false\n  }", field: "rbacEnabled", value: false },
    { attrs: "role_based_access_control {\n    enabled = true\n    azure_active_directory {\n      managed = true\n    }\n  }", field: "entraIntegration", value: true },
    { attrs: "azure_active_directory_role_based_access_control {\n    azure_rbac_enabled = true\n  }", field: "entraIntegration", value: true },
    { attrs: "addon_profile {\n    oms_agent {\n      enabled = false\n    }\n  }", field: "monitoring", value: false },
    { attrs: 'network_profile {\n    network_plugin = "azure"\n  }', field: "networkPolicy", value: "none" },
  ])("AKS: $attrs", ({ attrs, field, value }) => {
    const c = one<AksCluster>(`resource "azurerm_kubernetes_cluster" "main" {\n  name = "aks"\n  ${attrs}\n}`, "azure.aks.Cluster");
    expect(c[field as keyof AksCluster]).toMatchObject({ value, known: true });
  });

  it("reads both site_config spellings and the managed identity of web and function apps", () => {
    const text = `resource "azurerm_app_service" "a" {
  name = "a"
  site_config {
    min_tls_version = "1.0"
  }
  identity {
    type = "SystemAssigned"
  }
}
resource "azurerm_linux_function_app" "b" {
  name = "b"
  site_config {
    minimum_tls_version = "1.2"
    http2_enabled       = true
  }
  identity {
    type = var.identity
  }
}`;
    const apps = models<WebApp>(text, "azure.appservice.App");
    expect(apps.map((a) => [a.kind, a.minTlsVersion?.value, a.http2?.value, a.managedIdentity?.known, a.managedIdentity?.value])).toEqual([
      ["web", "1.0", false, true, true],
      ["function", "1.2", true, false, undefined],
    ]);
  });

  it("reads the OS and password sign-in of current and legacy VM resources", () => {
    const text = `resource "azurerm_linux_virtual_machine" "a" {
  name = "a"
}
resource "azurerm_windows_virtual_machine" "b" {
  name                       = "b"
  encryption_at_host_enabled = true
}
resource "azurerm_virtual_machine" "c" {
  name = "c"
  os_profile_linux_config {
    disable_password_authentication = false
  }
}`;
    const vms = models<VirtualMachine>(text, "azure.compute.VirtualMachine");
    expect(vms.map((v) => [v.os, v.passwordAuthentication?.value, v.encryptionAtHost?.value])).toEqual([
      ["linux", false, false],
      ["windows", undefined, true],
      ["linux", true, undefined],
    ]);
  });
});
