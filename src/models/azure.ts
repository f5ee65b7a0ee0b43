// Azure resources normalized for checks, the same whether they come from Terraform (azurerm) or an
// ARM template. Mappers fill in a platform default (placed on the resource) only where it is the
// same for every provider and API version; a default that differs between versions is left
// undefined, and a value that could not be worked out is `known: false`, so checks stay quiet.
import type { ResourceModel, SourceRange } from "../checks/types.js";
import type { Val } from "./value.js";

export interface AzureResource extends ResourceModel {
  /** `azurerm_storage_account.logs`, or the ARM resource path `Microsoft.Storage/storageAccounts/logs`. */
  address: string;
}

export interface StorageAccount extends AzureResource {
  modelType: "azure.storage.Account";
  httpsOnly?: Val<boolean>;
  /** `TLS1_0`, `TLS1_1`, `TLS1_2`, ... */
  minTlsVersion?: Val<string>;
  /** Whether containers may be made readable anonymously. */
  allowBlobPublicAccess?: Val<boolean>;
  publicNetworkAccess?: Val<boolean>;
  /** `Allow` or `Deny`: what happens to traffic that no network rule matches. */
  networkDefaultAction?: Val<string>;
  /** Traffic that skips the network rules: `AzureServices`, `Logging`, `Metrics`, `None`. */
  networkBypass: Val<string>[];
  infrastructureEncryption?: Val<boolean>;
  /** Blob soft delete: known false when not configured. */
  blobSoftDelete?: Val<boolean>;
}

export interface StorageContainer extends AzureResource {
  modelType: "azure.storage.Container";
  /** `private`, `blob` or `container` (ARM's `None` is read as `private`). */
  publicAccess?: Val<string>;
  /** Address of the storage account, when the container could be tied to one in the file. */
  account?: string;
}

/** One network security rule, inline in its group or a resource of its own. */
export interface NetworkSecurityRule extends AzureResource {
  modelType: "azure.network.SecurityRule";
  /** Address of the network security group, when the rule could be tied to one in the file. */
  group?: string;
  name?: Val<string>;
  /** `Inbound` or `Outbound`. */
  direction?: Val<string>;
  /** `Allow` or `Deny`. */
  access?: Val<string>;
  /** `Tcp`, `Udp`, `Icmp`, `*`, ... */
  protocol?: Val<string>;
  /** Source prefixes (`*`, `Internet`, `10.0.0.0/8`, service tags); one unknown entry when the list is unknown. */
  sources: Val<string>[];
  /** Destination ports (`22`, `1000-2000`, `*`). */
  ports: Val<string>[];
}

export interface KeyVault extends AzureResource {
  modelType: "azure.keyvault.Vault";
  purgeProtection?: Val<boolean>;
  softDeleteRetentionDays?: Val<number>;
  /** Default action of the vault's network ACLs; `Allow` when it has none. */
  networkDefaultAction?: Val<string>;
  publicNetworkAccess?: Val<boolean>;
  rbacAuthorization?: Val<boolean>;
  /** The diagnostic settings in the file that are attached to the vault. */
  diagnostics?: DiagnosticsOf;
}

export interface KeyVaultSecret extends AzureResource {
  modelType: "azure.keyvault.Secret";
  /** The expiry as written; undefined when none is set. */
  expires?: Val<unknown>;
  contentType?: Val<string>;
}

export interface KeyVaultKey extends AzureResource {
  modelType: "azure.keyvault.Key";
  expires?: Val<unknown>;
}

export interface SqlServer extends AzureResource {
  modelType: "azure.sql.Server";
  publicNetworkAccess?: Val<boolean>;
  /** `1.0`, `1.1`, `1.2`, `Disabled`. */
  minTlsVersion?: Val<string>;
  /** A Microsoft Entra administrator is set (inline or by a companion resource). */
  entraAdmin?: Val<true>;
  /** Server auditing: known false when no auditing policy in the file is tied to the server. */
  auditing?: Val<boolean>;
  /** Audit log retention in days; 0 keeps logs forever. */
  auditRetentionDays?: Val<number>;
}

export interface SqlDatabase extends AzureResource {
  modelType: "azure.sql.Database";
  transparentDataEncryption?: Val<boolean>;
}

export type DbEngine = "sql" | "postgresql" | "mysql" | "mariadb";

/** A server-level firewall rule of a database server, joined to its server where the file allows. */
export interface DbFirewallRule extends AzureResource {
  modelType: "azure.db.FirewallRule";
  engine: DbEngine;
  /** Address of the server, when the rule could be tied to one in the file. */
  server?: string;
  /** The server's public network access, when the server is in the file. */
  serverPublicNetworkAccess?: Val<boolean>;
  startIp?: Val<string>;
  endIp?: Val<string>;
}

/** Azure Database for PostgreSQL / MySQL / MariaDB: single servers and flexible servers. */
export interface DbServer extends AzureResource {
  modelType: "azure.rdbms.Server";
  engine: Exclude<DbEngine, "sql">;
  flexible: boolean;
  sslEnforced?: Val<boolean>;
  publicNetworkAccess?: Val<boolean>;
  /** `TLS1_0`, `TLS1_1`, `TLS1_2`, `TLSEnforcementDisabled`. */
  minTlsVersion?: Val<string>;
  /** Server parameters set in the file, by lower-case name. */
  parameters: Map<string, Val<string>>;
  /** Where a configuration resource is that could not be tied to any server (parameters may be missing). */
  parametersUnplaced?: SourceRange;
}

export interface WebApp extends AzureResource {
  modelType: "azure.appservice.App";
  kind: "web" | "function";
  httpsOnly?: Val<boolean>;
  /** `1.0`, `1.1`, `1.2`, `1.3`. */
  minTlsVersion?: Val<string>;
  /** `AllAllowed`, `FtpsOnly` or `Disabled`. */
  ftpsState?: Val<string>;
  http2?: Val<boolean>;
  clientCertEnabled?: Val<boolean>;
  remoteDebugging?: Val<boolean>;
  /** A system- or user-assigned managed identity. */
  managedIdentity?: Val<boolean>;
}

export interface AksCluster extends AzureResource {
  modelType: "azure.aks.Cluster";
  rbacEnabled?: Val<boolean>;
  /** Microsoft Entra ID integration (managed AAD). */
  entraIntegration?: Val<boolean>;
  /** `azure`, `calico`, `cilium`, or `none` when none is set. */
  networkPolicy?: Val<string>;
  privateCluster?: Val<boolean>;
  /** API server authorized IP ranges; one unknown entry when the list is unknown. */
  authorizedIpRanges: Val<string>[];
  localAccountsDisabled?: Val<boolean>;
  /** Container insights (the monitoring agent add-on). */
  monitoring?: Val<boolean>;
}

export interface LogProfile extends AzureResource {
  modelType: "azure.monitor.LogProfile";
  categories: Val<string>[];
  retentionEnabled?: Val<boolean>;
  retentionDays?: Val<number>;
}

export interface CosmosAccount extends AzureResource {
  modelType: "azure.cosmosdb.Account";
  publicNetworkAccess?: Val<boolean>;
  /** IP ranges of the account firewall; one unknown entry when they could not be read. */
  ipRules: Val<string>[];
  virtualNetworkFilter?: Val<boolean>;
  localAuthDisabled?: Val<boolean>;
  keyMetadataWriteDisabled?: Val<boolean>;
}

export interface ContainerRegistry extends AzureResource {
  modelType: "azure.containerregistry.Registry";
  adminUserEnabled?: Val<boolean>;
  anonymousPull?: Val<boolean>;
  publicNetworkAccess?: Val<boolean>;
}

export interface VirtualMachine extends AzureResource {
  modelType: "azure.compute.VirtualMachine";
  /** Undefined when the OS cannot be told from the resource. */
  os?: "linux" | "windows";
  scaleSet: boolean;
  /** Whether an administrator may sign in with a password (Linux). */
  passwordAuthentication?: Val<boolean>;
  encryptionAtHost?: Val<boolean>;
}

/** The diagnostic settings in the file attached to one resource. */
export interface DiagnosticsOf {
  /** Each setting tied to the resource: where it is, and the log categories and category groups it turns on. */
  settings: { range: SourceRange; logs: Val<string>[] }[];
  /** Where a diagnostic setting is whose target could not be worked out (it may be attached to this resource). */
  unplaced?: SourceRange;
}

/** A diagnostic setting: where a resource's logs, or the subscription's activity log, are sent. */
export interface DiagnosticSetting extends AzureResource {
  modelType: "azure.monitor.DiagnosticSetting";
  /** Attached to the subscription (its activity log) rather than to a resource. */
  subscription: boolean;
  /** Address of the resource it is attached to, when that could be worked out. */
  target?: string;
  /** Log categories and category groups it turns on (`Administrative`, `AuditEvent`, `allLogs`); one unknown entry for each it cannot read. */
  logs: Val<string>[];
}
