// ARM onto Azure SQL models: servers with their auditing settings and Entra administrator (inline
// or child resources), databases with their transparent data encryption, and firewall rules of
// SQL, PostgreSQL, MySQL and MariaDB servers, each tied to its server where the template allows.
import type { DbEngine, DbFirewallRule, SqlDatabase, SqlServer } from "../../models/azure.js";
import type { Val } from "../../models/value.js";
import type { ArmIndex, ArmResource } from "./types.js";
import { base, enabledOf, numberOf, orDefault, presenceOf, prop, stringOf } from "./util.js";

const SQL = "Microsoft.Sql/servers";

function auditingOf(index: ArmIndex, r: ArmResource): { auditing: Val<boolean>; retention?: Val<number> } {
  const found = ["auditingSettings", "extendedAuditingSettings"].map((t) => index.children(r, t));
  const settings = found.flatMap((f) => f.children);
  const unplaced = found.find((f) => f.unplaced)?.unplaced;
  const enabled = settings.map((s) => ({ s, on: enabledOf(prop(s, "properties.state")) }));
  const on = enabled.find((e) => e.on?.known && e.on.value === true);
  if (on) {
    const retention = numberOf(prop(on.s, "properties.retentionDays"));
    return retention ? { auditing: on.on as Val<boolean>, retention } : { auditing: on.on as Val<boolean> };
  }
  const maybe = enabled.find((e) => !e.on?.known);
  if (maybe) return { auditing: { value: undefined, known: false, range: maybe.s.range } };
  if (unplaced) return { auditing: { value: undefined, known: false, range: unplaced } };
  const off = enabled[0];
  return { auditing: off?.on ?? { value: false, known: true, range: r.range } };
}

function server(index: ArmIndex, r: ArmResource): SqlServer {
  const m: SqlServer = {
    ...base(r, "azure.sql.Server"),
    publicNetworkAccess: orDefault(enabledOf(prop(r, "properties.publicNetworkAccess")), true, r.range),
  };
  const tls = stringOf(prop(r, "properties.minimalTlsVersion"));
  if (tls) m.minTlsVersion = tls;
  const inlineAdmin = prop(r, "properties.administrators");
  const admins = index.children(r, "administrators");
  const admin = inlineAdmin?.t === "unknown" ? { value: undefined, known: false, range: inlineAdmin.range } : presenceOf(inlineAdmin ?? admins.children[0], admins.unplaced);
  if (admin) m.entraAdmin = admin as Val<true>;
  const audit = auditingOf(index, r);
  m.auditing = audit.auditing;
  if (audit.retention) m.auditRetentionDays = audit.retention;
  return m;
}

function database(index: ArmIndex, r: ArmResource): SqlDatabase {
  const m: SqlDatabase = base(r, "azure.sql.Database");
  const tde = index.children(r, "transparentDataEncryption").children[0];
  if (tde) {
    const state = enabledOf(prop(tde, "properties.state") ?? prop(tde, "properties.status"));
    if (state) m.transparentDataEncryption = state;
  }
  return m;
}

/** Server types whose `firewallRules` children are server firewall rules. */
export const FIREWALL_SERVERS: readonly [string, DbEngine][] = [
  [SQL, "sql"],
  ["Microsoft.DBforPostgreSQL/servers", "postgresql"],
  ["Microsoft.DBforPostgreSQL/flexibleServers", "postgresql"],
  ["Microsoft.DBforMySQL/servers", "mysql"],
  ["Microsoft.DBforMySQL/flexibleServers", "mysql"],
  ["Microsoft.DBforMariaDB/servers", "mariadb"],
];

function serverPublicAccess(s: ArmResource): Val<boolean> | undefined {
  return enabledOf(prop(s, "properties.publicNetworkAccess") ?? prop(s, "properties.network.publicNetworkAccess"));
}

function firewallRules(index: ArmIndex): DbFirewallRule[] {
  return FIREWALL_SERVERS.flatMap(([type, engine]) => {
    return index.ofType(`${type}/firewallRules`).map((r) => {
      const m: DbFirewallRule = { ...base(r, "azure.db.FirewallRule"), engine };
      const owner = index.parentOf(r);
      if (owner) {
        m.server = owner.address;
        const pna = serverPublicAccess(owner);
        if (pna) m.serverPublicNetworkAccess = pna;
      }
      const start = stringOf(prop(r, "properties.startIpAddress"));
      const end = stringOf(prop(r, "properties.endIpAddress"));
      if (start) m.startIp = start;
      if (end) m.endIp = end;
      return m;
    });
  });
}

export const armSqlMappers = [
  (index: ArmIndex) => index.ofType(SQL).map((r) => server(index, r)),
  (index: ArmIndex) => index.ofType(`${SQL}/databases`).map((r) => database(index, r)),
  firewallRules,
];
