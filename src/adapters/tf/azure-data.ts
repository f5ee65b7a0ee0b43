// azurerm onto the database models: SQL servers (auditing policies and Entra administrators
// inline or in companion resources) and databases, PostgreSQL / MySQL / MariaDB servers with the
// server parameters their configuration resources set, server firewall rules tied to their
// server, and Cosmos DB accounts.
import type { CosmosAccount, DbEngine, DbFirewallRule, DbServer, SqlDatabase, SqlServer } from "../../models/azure.js";
import type { Val } from "../../models/value.js";
import { attrOf, blockPresent, boolAttr, joinVia, negate, orDefault, stringAttr } from "./azure-util.js";
import type { TfIndex, TfResource } from "./types.js";
import { base, boolOf, companion, numberOf, stringOf, stringsOf, unknownVal, type Joined } from "./util.js";

const SQL_SERVERS = ["azurerm_mssql_server", "azurerm_sql_server"];

interface SqlJoins {
  audits: Joined[];
  admins: Joined[];
}

function sqlServer(r: TfResource, j: SqlJoins): SqlServer {
  const b = r.block;
  const m: SqlServer = { ...base(r, "azure.sql.Server"), publicNetworkAccess: orDefault(boolAttr(b, "public_network_access_enabled"), true, b.range) };
  const tls = stringAttr(b, "minimum_tls_version");
  if (tls) m.minTlsVersion = tls;
  const inlineAdmin = blockPresent(b, "azuread_administrator");
  const admin = j.admins.map((x) => companion(x, r.address)).find((x) => x);
  if (inlineAdmin.value !== false) m.entraAdmin = inlineAdmin as Val<true>;
  else if (admin) m.entraAdmin = { value: true, known: true, range: admin.block.range };
  else {
    const unplaced = j.admins.find((x) => x.unplaced)?.unplaced;
    if (unplaced) m.entraAdmin = unknownVal(unplaced);
  }
  const inlineAudit = b.blocks.find((x) => x.type === "extended_auditing_policy");
  const audit = inlineAudit ?? j.audits.map((x) => companion(x, r.address)).find((x) => x)?.block;
  if (audit) {
    m.auditing = orDefault(boolOf(audit.attrs.get("enabled")), true, audit.range);
    const days = numberOf(audit.attrs.get("retention_in_days"));
    if (days) m.auditRetentionDays = days;
  } else {
    const unplaced = j.audits.find((x) => x.unplaced)?.unplaced;
    m.auditing = unplaced ? unknownVal(unplaced) : { value: false, known: true, range: b.range };
  }
  return m;
}

function sqlServers(index: TfIndex): SqlServer[] {
  return SQL_SERVERS.flatMap((type) => {
    const j: SqlJoins = {
      audits: [joinVia(index, "azurerm_mssql_server_extended_auditing_policy", ["server_id"], type)],
      admins: [joinVia(index, "azurerm_sql_active_directory_administrator", ["server_name"], type)],
    };
    return index.ofType(type).map((r) => sqlServer(r, j));
  });
}

function sqlDatabase(r: TfResource): SqlDatabase {
  const m: SqlDatabase = base(r, "azure.sql.Database");
  m.transparentDataEncryption = orDefault(boolAttr(r.block, "transparent_data_encryption_enabled"), true, r.block.range);
  return m;
}

/** Firewall rule types, the attribute naming their server, and the server types it may name. */
const FIREWALLS: readonly [string, string, readonly string[], DbEngine][] = [
  ["azurerm_mssql_firewall_rule", "server_id", ["azurerm_mssql_server"], "sql"],
  ["azurerm_sql_firewall_rule", "server_name", ["azurerm_sql_server", "azurerm_mssql_server"], "sql"],
  ["azurerm_postgresql_firewall_rule", "server_name", ["azurerm_postgresql_server"], "postgresql"],
  ["azurerm_postgresql_flexible_server_firewall_rule", "server_id", ["azurerm_postgresql_flexible_server"], "postgresql"],
  ["azurerm_mysql_firewall_rule", "server_name", ["azurerm_mysql_server"], "mysql"],
  ["azurerm_mysql_flexible_server_firewall_rule", "server_id", ["azurerm_mysql_flexible_server"], "mysql"],
  ["azurerm_mariadb_firewall_rule", "server_name", ["azurerm_mariadb_server"], "mariadb"],
];

function firewallRules(index: TfIndex): DbFirewallRule[] {
  return FIREWALLS.flatMap(([type, via, servers, engine]) => {
    const joined = servers.map((s) => ({ j: joinVia(index, type, [via], s), byAddress: new Map(index.ofType(s).map((x) => [x.address, x])) }));
    return index.ofType(type).map((r) => {
      const m: DbFirewallRule = { ...base(r, "azure.db.FirewallRule"), engine };
      for (const { j, byAddress } of joined) {
        const target = j.target.get(r);
        const server = target === undefined ? undefined : byAddress.get(target);
        if (!server) continue;
        m.server = server.address;
        const pna = boolAttr(server.block, "public_network_access_enabled") ?? (server.block.attrs.has("delegated_subnet_id") ? { value: false, known: true, range: server.block.range } : undefined);
        if (pna) m.serverPublicNetworkAccess = pna;
        else if (!server.type.includes("flexible")) m.serverPublicNetworkAccess = { value: true, known: true, range: server.block.range };
        break;
      }
      const start = stringOf(r.block.attrs.get("start_ip_address"));
      const end = stringOf(r.block.attrs.get("end_ip_address"));
      if (start) m.startIp = start;
      if (end) m.endIp = end;
      return m;
    });
  });
}

/** Server types, their configuration resource, the attribute naming the server, engine, flexible. */
const DB_SERVERS: readonly [string, string, string, DbServer["engine"], boolean][] = [
  ["azurerm_postgresql_server", "azurerm_postgresql_configuration", "server_name", "postgresql", false],
  ["azurerm_postgresql_flexible_server", "azurerm_postgresql_flexible_server_configuration", "server_id", "postgresql", true],
  ["azurerm_mysql_server", "azurerm_mysql_configuration", "server_name", "mysql", false],
  ["azurerm_mysql_flexible_server", "azurerm_mysql_flexible_server_configuration", "server_id", "mysql", true],
  ["azurerm_mariadb_server", "azurerm_mariadb_configuration", "server_name", "mariadb", false],
];

function dbServer(r: TfResource, configs: Joined, engine: DbServer["engine"], flexible: boolean): DbServer {
  const b = r.block;
  const parameters = new Map<string, Val<string>>();
  for (const c of configs.byTarget.get(r.address) ?? []) {
    const name = stringOf(c.block.attrs.get("name"));
    const value = stringOf(c.block.attrs.get("value"));
    if (name?.known && name.value && value) parameters.set(name.value.toLowerCase(), value);
  }
  const m: DbServer = { ...base(r, "azure.rdbms.Server"), engine, flexible, parameters };
  if (configs.unplaced) m.parametersUnplaced = configs.unplaced;
  const pna = boolAttr(b, "public_network_access_enabled");
  if (flexible) {
    const p = pna ?? (b.attrs.has("delegated_subnet_id") ? { value: false, known: true, range: b.range } : undefined);
    if (p) m.publicNetworkAccess = p;
    const secure = parameters.get("require_secure_transport");
    if (secure) m.sslEnforced = secure.known ? { ...secure, value: (secure.value ?? "").toLowerCase() !== "off" } : { ...secure, value: undefined };
  } else {
    m.publicNetworkAccess = orDefault(pna, true, b.range);
    const ssl = boolAttr(b, "ssl_enforcement_enabled") ?? sslWord(stringAttr(b, "ssl_enforcement"));
    if (ssl) m.sslEnforced = ssl;
    const tls = stringAttr(b, "ssl_minimal_tls_version_enforced");
    if (tls) m.minTlsVersion = tls;
  }
  return m;
}

/** Provider 2.x wrote `ssl_enforcement = "Enabled"`. */
function sslWord(v: Val<string> | undefined): Val<boolean> | undefined {
  if (!v) return undefined;
  return v.known ? { ...v, value: (v.value ?? "").toLowerCase() === "enabled" } : { ...v, value: undefined };
}

function dbServers(index: TfIndex): DbServer[] {
  return DB_SERVERS.flatMap(([type, config, via, engine, flexible]) => {
    const configs = joinVia(index, config, [via], type);
    return index.ofType(type).map((r) => dbServer(r, configs, engine, flexible));
  });
}

function cosmos(r: TfResource): CosmosAccount {
  const b = r.block;
  const at = b.range;
  const filter = attrOf(b, "ip_range_filter");
  const ipRules = filter?.t === "prim" && typeof filter.value === "string" ? filter.value.split(",").map((s) => s.trim()).filter((s) => s !== "").map((value) => ({ value, known: true, range: filter.range })) : stringsOf(filter);
  return {
    ...base(r, "azure.cosmosdb.Account"),
    publicNetworkAccess: orDefault(boolAttr(b, "public_network_access_enabled"), true, at),
    ipRules,
    virtualNetworkFilter: orDefault(boolAttr(b, "is_virtual_network_filter_enabled"), false, at),
    localAuthDisabled: orDefault(boolAttr(b, "local_authentication_disabled") ?? negate(boolAttr(b, "local_authentication_enabled")), false, at),
    keyMetadataWriteDisabled: orDefault(negate(boolAttr(b, "access_key_metadata_writes_enabled")), false, at),
  };
}

export const tfDataMappers = [
  sqlServers,
  (index: TfIndex) => index.ofType("azurerm_mssql_database").map(sqlDatabase),
  firewallRules,
  dbServers,
  (index: TfIndex) => index.ofType("azurerm_cosmosdb_account").map(cosmos),
];
