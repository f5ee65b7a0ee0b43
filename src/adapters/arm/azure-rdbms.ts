// ARM onto Azure Database for PostgreSQL / MySQL / MariaDB servers (single and flexible), with
// the server parameters their `configurations` children set.
import type { DbServer } from "../../models/azure.js";
import type { Val } from "../../models/value.js";
import type { ArmIndex, ArmResource } from "./types.js";
import { base, enabledOf, orDefault, prop, stringOf } from "./util.js";

const SERVERS: readonly [string, DbServer["engine"], boolean][] = [
  ["Microsoft.DBforPostgreSQL/servers", "postgresql", false],
  ["Microsoft.DBforPostgreSQL/flexibleServers", "postgresql", true],
  ["Microsoft.DBforMySQL/servers", "mysql", false],
  ["Microsoft.DBforMySQL/flexibleServers", "mysql", true],
  ["Microsoft.DBforMariaDB/servers", "mariadb", false],
];

function lastSegment(name: string | undefined): string | undefined {
  return name?.split("/").at(-1)?.toLowerCase();
}

function server(index: ArmIndex, r: ArmResource, engine: DbServer["engine"], flexible: boolean): DbServer {
  const configs = index.children(r, "configurations");
  const parameters = new Map<string, Val<string>>();
  for (const c of configs.children) {
    const name = lastSegment(c.name);
    const value = stringOf(prop(c, "properties.value"));
    if (name && value) parameters.set(name, value);
  }
  const m: DbServer = { ...base(r, "azure.rdbms.Server"), engine, flexible, parameters };
  if (configs.unplaced) m.parametersUnplaced = configs.unplaced;
  if (flexible) {
    const pna = enabledOf(prop(r, "properties.network.publicNetworkAccess"));
    if (pna) m.publicNetworkAccess = pna;
    const secure = parameters.get("require_secure_transport");
    if (secure) m.sslEnforced = secure.known ? { ...secure, value: (secure.value ?? "").toLowerCase() !== "off" } : { ...secure, value: undefined };
  } else {
    m.publicNetworkAccess = orDefault(enabledOf(prop(r, "properties.publicNetworkAccess")), true, r.range);
    const ssl = enabledOf(prop(r, "properties.sslEnforcement"));
    if (ssl) m.sslEnforced = ssl;
    const tls = stringOf(prop(r, "properties.minimalTlsVersion"));
    if (tls) m.minTlsVersion = tls;
  }
  return m;
}

export const armRdbmsMappers = [(index: ArmIndex) => SERVERS.flatMap(([type, engine, flexible]) => index.ofType(type).map((r) => server(index, r, engine, flexible)))];
