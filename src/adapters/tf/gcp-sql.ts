// Terraform onto Cloud SQL instances: network exposure, TLS, backups and database flags.
import type { SourceRange } from "../../checks/types.js";
import type { SqlInstance } from "../../models/gcp.js";
import type { Val } from "../../models/value.js";
import type { TfBlock } from "../terraform-hcl.js";
import { blockOf, boolAt, childOf, childrenOf, stringAt } from "./gcp-util.js";
import type { TfMapper, TfResource } from "./types.js";
import { base, isString, stringOf, unknownVal, valueOf } from "./util.js";

function authorizedNetworks(settings: TfBlock | undefined): Val<string>[] {
  const ip = childOf(settings, "ip_configuration");
  if (ip && "unreadable" in ip) return [unknownVal(ip.unreadable)];
  return childrenOf(blockOf(ip), "authorized_networks").map((c) =>
    "unreadable" in c ? unknownVal<string>(c.unreadable) : (stringOf(c.block.attrs.get("value")) ?? unknownVal<string>(c.block.range)),
  );
}

function flags(settings: TfBlock | undefined): { flags: Map<string, Val<string>>; unreadable?: SourceRange } {
  const out = new Map<string, Val<string>>();
  let unreadable: SourceRange | undefined;
  for (const c of childrenOf(settings, "database_flags")) {
    if ("unreadable" in c) {
      unreadable ??= c.unreadable;
      continue;
    }
    const name = valueOf(c.block.attrs.get("name"), isString);
    if (!name?.known || name.value === undefined) {
      unreadable ??= c.block.range;
      continue;
    }
    out.set(name.value.trim().toLowerCase(), stringOf(c.block.attrs.get("value")) ?? unknownVal<string>(c.block.range));
  }
  return unreadable ? { flags: out, unreadable } : { flags: out };
}

function sqlInstance(r: TfResource): SqlInstance {
  const b = r.block;
  const settingsChild = childOf(b, "settings");
  const settings = blockOf(settingsChild);
  const unreadable = settingsChild && "unreadable" in settingsChild ? settingsChild.unreadable : undefined;
  const f = unreadable ? { flags: new Map<string, Val<string>>(), unreadable } : flags(settings);
  const m: SqlInstance = {
    ...base(r, "gcp.sql.Instance"),
    replica: b.attrs.has("master_instance_name") || b.blocks.some((x) => x.type === "replica_configuration"),
    settingsRange: settings?.range ?? unreadable ?? b.range,
    authorizedNetworks: unreadable ? [unknownVal(unreadable)] : authorizedNetworks(settings),
    flags: f.flags,
  };
  if (f.unreadable) m.flagsUnreadable = f.unreadable;
  const version = stringAt(b, "database_version");
  if (version) m.databaseVersion = version;
  // Under an unreadable settings block, these come back unknown.
  const ipv4 = boolAt(b, "settings.ip_configuration.ipv4_enabled");
  if (ipv4) m.ipv4Enabled = ipv4;
  const requireSsl = boolAt(b, "settings.ip_configuration.require_ssl");
  if (requireSsl) m.requireSsl = requireSsl;
  const sslMode = stringAt(b, "settings.ip_configuration.ssl_mode");
  if (sslMode) m.sslMode = sslMode;
  const backup = boolAt(b, "settings.backup_configuration.enabled");
  if (backup) m.backupEnabled = backup;
  return m;
}

export const gcpSqlMappers: readonly TfMapper[] = [(index) => index.ofType("google_sql_database_instance").map(sqlInstance)];
