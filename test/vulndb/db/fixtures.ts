// Shared fixtures for the vulnerability database tests: temp dirs, small OSV records, the shared data.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import type { OsvRecord } from "../../../src/vulndb/types.js";

export const repoRoot = resolve(import.meta.dirname, "../../..");
/** Real public data (SOURCES.md): `../shared/data` from the repository root. */
export const sharedData = resolve(repoRoot, "../shared/data");
export const osvData = join(sharedData, "osv");
export const haveOsvData = existsSync(join(osvData, "go")) && existsSync(join(osvData, "rustsec")) && existsSync(join(osvData, "pypi"));

export function tempDir(prefix = "mamori-vulndb-"): { dir: string; db: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, db: join(dir, "vulndb.db"), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A small valid record: `id` affecting `name` in `ecosystem`, fixed in 1.2.3. */
export function osv(id: string, extra: Partial<OsvRecord> & { ecosystem?: string; name?: string } = {}): OsvRecord {
  const { ecosystem = "npm", name = "left-pad", ...rest } = extra;
  return {
    id,
    modified: "2024-01-01T00:00:00Z",
    aliases: [],
    affected: [{ package: { ecosystem, name }, ranges: [{ type: "SEMVER", events: [{ introduced: "0" }, { fixed: "1.2.3" }] }] }],
    ...rest,
  };
}

/** Writes `files` (relative path → content; objects as JSON) under `dir`. */
export function writeTree(dir: string, files: Record<string, string | object>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = join(dir, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  }
}
