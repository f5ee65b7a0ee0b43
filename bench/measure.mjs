// One measured piece of work in its own process, so peak RSS is that work's alone.
// Prints one JSON line: { ms, maxRssMB, ... }.
import { createWriteStream } from "node:fs";
import { stat, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { syntheticReport } from "./generate.mjs";

const [what, ...args] = process.argv.slice(2);
const t0 = performance.now();
let extra = {};

if (what === "scan") {
  const { scanIac } = await import("../dist/scan/iac.js");
  const { writeReport } = await import("../dist/report/index.js");
  const r = await scanIac({ target: args[0], cwd: process.cwd() });
  const out = createWriteStream("/dev/null");
  await writeReport({ schemaVersion: 1, tool: { name: "mamori", version: "bench" }, scannedAt: new Date().toISOString(), targets: [r.target], findings: r.findings, summary: {} }, "json", { color: false }, out);
  out.end();
  extra = { files: r.filesScanned, findings: r.findings.length };
} else if (what === "render") {
  const { writeReport } = await import("../dist/report/index.js");
  const [format, n] = args;
  const report = syntheticReport(Number(n));
  if (format === "none") {
    console.log(JSON.stringify({ ms: Math.round(performance.now() - t0), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
    process.exit(0);
  }
  const file = join(tmpdir(), `mamori-bench-${process.pid}.${format}`);
  const t1 = performance.now();
  const out = createWriteStream(file);
  await writeReport(report, format, { color: false, width: 100 }, out);
  await new Promise((ok) => out.end(ok));
  extra = { renderOnlyMs: Math.round(performance.now() - t1), outMB: Math.round((await stat(file)).size / 1e5) / 10 };
  await rm(file);
} else if (what === "scan-image") {
  // The whole CLI path of `mamori scan image`, in this process: open, analyze, match, report.
  const { run } = await import("../dist/cli/main.js");
  const [ref, home, ...flags] = args;
  process.env.MAMORI_HOME = home;
  process.env.CI = "true";
  const code = await run(["node", "mamori", "scan", "image", ref, "--format", "json", "-o", "/dev/null", "--quiet", ...flags]);
  extra = { code };
} else if (what === "import-osv") {
  const { VulnDb, importOsv } = await import("../dist/vulndb/index.js");
  const [dbPath, ...sources] = args;
  await rm(dbPath, { force: true });
  const db = VulnDb.open(dbPath, { create: true });
  let records = 0;
  for (const src of sources) records += (await importOsv(db, src, {})).imported;
  db.close();
  extra = { records };
} else if (what === "match") {
  const { VulnDb } = await import("../dist/vulndb/index.js");
  const { matchPackages } = await import("../dist/vulndb/match.js");
  const [dbPath, n] = args;
  const t1 = performance.now();
  const db = VulnDb.open(dbPath, { readonly: true });
  const openMs = performance.now() - t1;
  // Real package names from the database, at versions spread over their ranges' history.
  const names = db.db.prepare("SELECT DISTINCT ecosystem, name FROM affected LIMIT ?").all(Number(n));
  const versions = { Go: ["v0.1.0", "v1.2.3", "v0.0.0-20200101000000-abcdefabcdef"], "crates.io": ["0.1.0", "1.0.0", "0.3.17"], PyPI: ["1.0", "2.2.1", "0.9.5"] };
  const pkgs = [];
  for (let i = 0; pkgs.length < Number(n); i++) {
    const row = names[i % names.length];
    const v = (versions[row.ecosystem] ?? ["1.0.0"])[i % 3];
    pkgs.push({ name: row.name, version: v, ecosystem: row.ecosystem, purl: "" });
  }
  const t2 = performance.now();
  const r = matchPackages(pkgs, db);
  extra = { openMs: Math.round(openMs * 10) / 10, matchMs: Math.round(performance.now() - t2), packages: pkgs.length, findings: r.findings.length };
  db.close();
} else {
  console.error(`unknown work ${what}`);
  process.exit(2);
}

const ms = Math.round(performance.now() - t0);
console.log(JSON.stringify({ ms, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), ...extra }));
