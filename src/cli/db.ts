// `mamori db import|update|status`: the vulnerability database. The implementation (SQLite, the
// YAML and zip readers, undici) loads only when one of these commands runs.
import { Option, type Command } from "commander";
import { InputError } from "../core/errors.js";
import type { ImportResult, VulnDb, VulnDbStatus } from "../vulndb/index.js";
import { contextOf, type CliContext } from "./context.js";
import { progress } from "./progress.js";

const DB_OPTION = "the vulnerability database file (default $MAMORI_HOME/vulndb.db, else ~/.mamori/vulndb.db)";
/** Skipped files listed after an import; --debug lists them all. */
const SKIPPED_SHOWN = 20;

interface ImportFlags {
  db?: string;
  kev?: string;
  epss?: string;
}
interface UpdateFlags {
  db?: string;
  source?: string;
  ecosystem?: string[];
}
interface StatusFlags {
  db?: string;
  format: "table" | "json";
}

export function register(program: Command): void {
  const db = program.command("db").description("the vulnerability database: OSV advisories, CISA KEV and EPSS");
  db.command("import")
    .description("import OSV records from a directory, a zip (such as osv.dev's all.zip) or a file; and KEV/EPSS data")
    .argument("[source]", "an OSV directory, zip or .json/.yaml file")
    .option("--db <path>", DB_OPTION)
    .option("--kev <file>", "CISA's known_exploited_vulnerabilities.json")
    .option("--epss <file>", "FIRST's EPSS scores (.csv or .csv.gz)")
    .action(async (source: string | undefined, flags: ImportFlags, cmd: Command) => runImport(source, flags, contextOf(cmd)));
  db.command("update")
    .description("download osv.dev's per-ecosystem archives and import them (the only command that uses the network)")
    .option("--source <url>", "base URL of the <ecosystem>/all.zip archives (default: osv.dev's, https://osv-vulnerabilities.storage.googleapis.com)")
    .option("--ecosystem <name...>", "ecosystems to fetch (default: those Mamori inventories: npm, PyPI, Go, crates.io, Maven, ..., Debian, Ubuntu, Alpine, ...)")
    .option("--db <path>", DB_OPTION)
    .action(async (flags: UpdateFlags, cmd: Command) => runUpdate(flags, contextOf(cmd)));
  db.command("status")
    .description("ecosystems, record counts, KEV/EPSS entries and age of the database")
    .option("--db <path>", DB_OPTION)
    .addOption(new Option("--format <format>", "output format").choices(["table", "json"]).default("table"))
    .action(async (flags: StatusFlags, cmd: Command) => runStatus(flags, contextOf(cmd)));
}

async function openDb(path: string | undefined, create: boolean): Promise<VulnDb> {
  const { VulnDb, resolveVulnDbPath } = await import("../vulndb/index.js");
  return VulnDb.open(resolveVulnDbPath(path), create ? { create: true } : { readonly: true });
}

function summaryLine(r: ImportResult): string {
  return `imported ${r.imported} records (${r.updated} updated, ${r.unchanged} unchanged, ${r.withdrawn} withdrawn, ${r.skipped.length} skipped) in ${r.seconds.toFixed(1)} s`;
}

function noteSkipped(r: ImportResult, ctx: CliContext): void {
  const shown = ctx.debug ? r.skipped : r.skipped.slice(0, SKIPPED_SHOWN);
  for (const s of shown) ctx.note(`skipped ${s.source}: ${s.reason}`);
  if (shown.length < r.skipped.length) ctx.note(`... and ${r.skipped.length - shown.length} more skipped (--debug lists them all)`);
  ctx.trace(`${r.files} files read, ${r.unchanged} records unchanged, ${r.notMatchable} stored without an affected package`);
}

async function runImport(source: string | undefined, flags: ImportFlags, ctx: CliContext): Promise<void> {
  if (source === undefined && flags.kev === undefined && flags.epss === undefined) {
    throw new InputError("db import: name an OSV source (a directory, a zip or a file), or give --kev FILE or --epss FILE");
  }
  const { importOsv, importKev, importEpss } = await import("../vulndb/index.js");
  const db = await openDb(flags.db, true);
  try {
    if (source !== undefined) {
      const bar = progress(ctx.quiet);
      let result: ImportResult;
      try {
        result = await importOsv(db, source, { onProgress: (p) => bar.update(`importing: ${p.records} records from ${p.files} files (${p.current})`) });
      } finally {
        bar.done();
      }
      noteSkipped(result, ctx);
      process.stdout.write(`${summaryLine(result)}\n`);
    }
    if (flags.kev !== undefined) {
      const r = importKev(db, flags.kev);
      for (const s of r.skipped) ctx.note(`skipped ${s.source}: ${s.reason}`);
      process.stdout.write(`imported ${r.entries} KEV entries${r.skippedCount > 0 ? ` (${r.skippedCount} skipped)` : ""}\n`);
    }
    if (flags.epss !== undefined) {
      const r = await importEpss(db, flags.epss);
      for (const s of r.skipped.slice(0, SKIPPED_SHOWN)) ctx.note(`skipped ${s.source}: ${s.reason}`);
      const date = r.scoreDate === undefined ? "" : ` (scored ${r.scoreDate.slice(0, 10)})`;
      process.stdout.write(`imported ${r.entries} EPSS scores${date}${r.skippedCount > 0 ? `, ${r.skippedCount} rows skipped` : ""}\n`);
    }
  } finally {
    db.close();
  }
}

function splitList(values: string[] | undefined): string[] | undefined {
  return values?.flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== "");
}

async function runUpdate(flags: UpdateFlags, ctx: CliContext): Promise<void> {
  const { updateDb } = await import("../vulndb/index.js");
  const db = await openDb(flags.db, true);
  const bar = progress(ctx.quiet);
  try {
    const ecosystems = splitList(flags.ecosystem);
    const result = await updateDb(db, {
      ...(flags.source === undefined ? {} : { source: flags.source }),
      ...(ecosystems === undefined ? {} : { ecosystems }),
      onProgress: (text) => bar.update(text),
    });
    bar.done();
    for (const e of result.ecosystems) {
      noteSkipped(e.import, ctx);
      const mb = (e.bytes / (1024 * 1024)).toFixed(1);
      process.stdout.write(`${e.ecosystem}: ${summaryLine(e.import)} (${mb} MB downloaded${e.resumed ? ", resumed" : ""})\n`);
    }
  } finally {
    bar.done();
    db.close();
  }
}

function daysText(days: number): string {
  const d = Math.floor(days);
  return d === 0 ? "today" : d === 1 ? "1 day ago" : `${d} days ago`;
}

function statusTable(s: VulnDbStatus, ageDays: number | undefined): string {
  const lines = [
    `database   ${s.path} (schema ${s.schemaVersion})`,
    `source     ${s.source ?? "-"}`,
    `imported   ${s.importedAt === undefined ? "never" : `${s.importedAt}${ageDays === undefined ? "" : ` (${daysText(ageDays)})`}`}`,
    `records    ${s.totalRecords}${s.withdrawnRecords > 0 ? ` (and ${s.withdrawnRecords} withdrawn)` : ""}`,
    `KEV        ${s.kevEntries} entries${s.kevCatalogVersion === undefined ? "" : ` (catalogue ${s.kevCatalogVersion})`}`,
    `EPSS       ${s.epssEntries} scores${s.epssScoreDate === undefined ? "" : ` (scored ${s.epssScoreDate.slice(0, 10)})`}`,
  ];
  if (s.ecosystems.length > 0) {
    const width = Math.max("ECOSYSTEM".length, ...s.ecosystems.map((e) => e.ecosystem.length));
    lines.push("", `${"ECOSYSTEM".padEnd(width)}  ${"RECORDS".padStart(8)}  NEWEST MODIFIED`);
    for (const e of s.ecosystems) lines.push(`${e.ecosystem.padEnd(width)}  ${String(e.records).padStart(8)}  ${e.newestModified ?? "-"}`);
  }
  return `${lines.join("\n")}\n`;
}

async function runStatus(flags: StatusFlags, ctx: CliContext): Promise<void> {
  const { dbAgeDays, dbIsStale, STALE_AFTER_DAYS } = await import("../vulndb/index.js");
  const db = await openDb(flags.db, false);
  try {
    const status = db.status();
    const now = new Date();
    const ageDays = dbAgeDays(status, now);
    const stale = dbIsStale(status, now);
    if (flags.format === "json") {
      const age = ageDays === undefined ? {} : { ageDays: Math.floor(ageDays) };
      process.stdout.write(`${JSON.stringify({ ...status, ...age, stale }, null, 2)}\n`);
    } else {
      process.stdout.write(statusTable(status, ageDays));
    }
    if (status.totalRecords === 0) ctx.note("warning: the vulnerability database holds no records; run `mamori db update` or `mamori db import`");
    else if (stale) {
      const age = ageDays === undefined ? "of unknown age" : `${Math.floor(ageDays)} days old`;
      ctx.note(`warning: the vulnerability database is ${age} (more than ${STALE_AFTER_DAYS}); run \`mamori db update\``);
    }
  } finally {
    db.close();
  }
}
