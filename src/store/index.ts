// Opening a store from what the user typed (`--store`), and where the embedded one lives by default.
import { homedir } from "node:os";
import { join } from "node:path";
import { InputError, NotAvailableError } from "../core/errors.js";
import { SqliteStore } from "./sqlite.js";
import type { Store } from "./types.js";

export { assetId } from "./asset-id.js";
export { SqliteStore } from "./sqlite.js";
export type * from "./types.js";

export type StoreLocation = { kind: "sqlite"; path: string } | { kind: "postgres"; url: string };

/** `$MAMORI_HOME/mamori.db` when MAMORI_HOME is set, else `~/.mamori/mamori.db`. */
export function defaultStorePath(): string {
  const home = process.env.MAMORI_HOME;
  return home !== undefined && home !== "" ? join(home, "mamori.db") : join(homedir(), ".mamori", "mamori.db");
}

/**
 * `sqlite:PATH`, `sqlite://PATH` (so `sqlite:///abs/path` is absolute), a bare path, or a
 * `postgres://` / `postgresql://` URL. A leading `~/` in a SQLite path is the home directory,
 * since no shell expands it inside `--store sqlite:~/...`.
 */
export function parseStoreUrl(url: string): StoreLocation {
  if (/^postgres(ql)?:\/\//i.test(url)) return { kind: "postgres", url };
  let path: string;
  if (/^sqlite:\/\//i.test(url)) path = url.slice("sqlite://".length);
  else if (/^sqlite:/i.test(url)) path = url.slice("sqlite:".length);
  else if (/^[a-z][a-z0-9+.-]+:\/\//i.test(url)) {
    throw new InputError(`${url}: unsupported store URL (use sqlite:PATH, a file path, or postgres://...)`);
  } else path = url;
  if (path === "") throw new InputError(`${url}: the store URL names no file`);
  if (path === "~" || path.startsWith("~/")) path = join(homedir(), path.slice(1));
  return { kind: "sqlite", path };
}

/** Opens (creating and migrating as needed) the store at `url`, or the default embedded one. */
export async function openStore(url?: string): Promise<Store> {
  const where = url === undefined ? ({ kind: "sqlite", path: defaultStorePath() } as const) : parseStoreUrl(url);
  if (where.kind === "postgres") throw new NotAvailableError("the PostgreSQL store", "the scale-out issue");
  return new SqliteStore(where.path);
}
