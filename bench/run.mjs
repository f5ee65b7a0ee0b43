#!/usr/bin/env node
// `npm run bench`: named benchmarks, one line each with its figures. Run after `npm run build`.
// Usage: npm run bench [-- NAME ...]   (names: dockerfiles-10k, terraform-10k, report-formats, startup)
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateDockerfile } from "./generate.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "bin", "mamori.js");
const measure = join(root, "bench", "measure.mjs");
if (!existsSync(join(root, "dist", "cli", "main.js"))) {
  console.error("error: build first: npm run build");
  process.exit(2);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Runs a measured child (bench/measure.mjs) and returns its { ms, maxRssMB, ... } line. */
function measured(args) {
  const r = spawnSync(process.execPath, [measure, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`measure ${args.join(" ")} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

const benches = {
  "dockerfiles-10k"() {
    const dir = join(tmpdir(), "mamori-bench-dockerfiles-10k");
    if (!existsSync(join(dir, "done"))) {
      rmSync(dir, { recursive: true, force: true });
      for (let i = 0; i < 10_000; i++) {
        const d = join(dir, `svc${Math.floor(i / 100)}`, `app${i}`);
        mkdirSync(d, { recursive: true });
        writeFileSync(join(d, "Dockerfile"), generateDockerfile(i));
      }
      writeFileSync(join(dir, "done"), "");
    }
    const runs = [1, 2, 3].map(() => measured(["scan", dir]));
    const last = runs[runs.length - 1];
    return `dockerfiles-10k: ${last.files} Dockerfiles, ${last.findings} findings: median ${median(runs.map((r) => r.ms))} ms (${Math.round((last.files / median(runs.map((r) => r.ms))) * 1000)} files/s), peak RSS ${median(runs.map((r) => r.maxRssMB))} MB`;
  },
  async "terraform-10k"() {
    const { generateTerraformTree } = await import("./generate-terraform.mjs");
    const dir = join(tmpdir(), "mamori-bench-terraform-10k");
    if (!existsSync(join(dir, "done"))) {
      rmSync(dir, { recursive: true, force: true });
      generateTerraformTree(dir, 10_000);
      writeFileSync(join(dir, "done"), "");
    }
    const runs = [1, 2, 3].map(() => measured(["scan", dir]));
    const last = runs[runs.length - 1];
    const one = [];
    for (let i = 0; i < 7; i++) {
      const t = process.hrtime.bigint();
      spawnSync(process.execPath, [bin, "scan", "iac", join(root, "demo", "terraform", "main.tf"), "--no-store", "--format", "json", "-o", "/dev/null"]);
      one.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    return `terraform-10k: ${last.files} .tf files (about 1M lines), ${last.findings} findings: median ${median(runs.map((r) => r.ms))} ms, peak RSS ${median(runs.map((r) => r.maxRssMB))} MB; one small file with process start-up median ${median(one).toFixed(0)} ms`;
  },
  "report-formats"() {
    const parts = [];
    for (const format of ["json", "sarif", "html", "junit", "table"]) {
      const runs = [1, 2, 3].map(() => measured(["render", format, "100000"]));
      parts.push(`${format} ${median(runs.map((r) => r.renderOnlyMs))} ms / ${median(runs.map((r) => r.maxRssMB))} MB / ${runs[0].outMB} MB out`);
    }
    const base = measured(["render", "none", "100000"]);
    return `report-formats (100,000 findings; render time / peak RSS of the whole process / output size; the findings alone take ${base.maxRssMB} MB): ${parts.join("; ")}`;
  },
  async image() {
    const { generateImage } = await import("./generate-image.mjs");
    const dir = join(tmpdir(), "mamori-bench-image-1g");
    const archive = join(dir, "image.tar");
    if (!existsSync(join(dir, "done"))) await generateImage(dir, { files: 100_000, totalBytes: 1e9, layers: 4 });
    const home = join(tmpdir(), "mamori-bench-image-home");
    rmSync(home, { recursive: true, force: true });
    const data = join(root, "..", "shared", "data", "osv");
    spawnSync(process.execPath, [bin, "db", "import", existsSync(data) ? join(data, "go") : join(root, "demo", "osv")], { env: { ...process.env, MAMORI_HOME: home } });
    spawnSync(process.execPath, [bin, "db", "import", join(root, "demo", "osv")], { env: { ...process.env, MAMORI_HOME: home } });
    const first = measured(["scan-image", archive, home, "--no-store"]);
    const cold = measured(["scan-image", archive, home]);
    const warm = [1, 2, 3].map(() => measured(["scan-image", archive, home]));
    const w = median(warm.map((r) => r.ms));
    return `image: 1 GB docker-archive, 100,000 files, 4 layers: full scan (packages, vulnerabilities, secrets, malware, config) ${first.ms} ms, peak RSS ${first.maxRssMB} MB; rescan from the layer cache ${w} ms (${Math.round((w / cold.ms) * 100)}% of the first scan with the cache filled, ${cold.ms} ms), peak RSS ${median(warm.map((r) => r.maxRssMB))} MB`;
  },
  // Opt-in (npm run bench -- image-5g): writes about 10 GB to the temporary directory.
  async "image-5g"() {
    const { generateImage } = await import("./generate-image.mjs");
    const dir = join(tmpdir(), "mamori-bench-image-5g");
    const archive = join(dir, "image.tar");
    if (!existsSync(join(dir, "done"))) await generateImage(dir, { files: 200_000, totalBytes: 5e9, layers: 8 });
    const home = join(tmpdir(), "mamori-bench-image-home");
    spawnSync(process.execPath, [bin, "db", "import", join(root, "demo", "osv")], { env: { ...process.env, MAMORI_HOME: home } });
    const r = measured(["scan-image", archive, home, "--no-store"]);
    return `image-5g: 5 GB docker-archive, 200,000 files, 8 layers: full scan ${r.ms} ms, peak RSS ${r.maxRssMB} MB`;
  },
  "vulndb"() {
    const data = join(root, "..", "shared", "data", "osv");
    if (!existsSync(data)) return "vulndb: skipped (../shared/data/osv is absent)";
    const db = join(tmpdir(), "mamori-bench-vulndb.db");
    const imports = [1, 2, 3].map(() => measured(["import-osv", db, join(data, "go"), join(data, "rustsec"), join(data, "pypi")]));
    const matches = [1, 2, 3].map(() => measured(["match", db, "10000"]));
    return `vulndb: import Go + RustSec + PyPI (${imports[0].records} records) median ${median(imports.map((r) => r.ms))} ms, peak RSS ${median(imports.map((r) => r.maxRssMB))} MB; open ${median(matches.map((r) => r.openMs))} ms; match ${matches[0].packages} packages median ${median(matches.map((r) => r.matchMs))} ms (${matches[0].findings} findings)`;
  },
  secrets() {
    const r = spawnSync(process.execPath, [join(root, "bench", "secrets.mjs")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    return r.stdout.trim();
  },
  versions() {
    const r = spawnSync(process.execPath, [join(root, "bench", "versions.mjs")], { encoding: "utf8" });
    return r.stdout.trim();
  },
  startup() {
    const times = [];
    for (let i = 0; i < 15; i++) {
      const t = process.hrtime.bigint();
      spawnSync(process.execPath, [bin, "--version"]);
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const help = [];
    for (let i = 0; i < 7; i++) {
      const t = process.hrtime.bigint();
      spawnSync(process.execPath, [bin, "rules", "list", "--format", "json"]);
      help.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    return `startup: mamori --version median ${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}); mamori rules list (full CLI load) median ${median(help).toFixed(1)} ms`;
  },
};

const wanted = process.argv.slice(2);
const OPT_IN = new Set(["image-5g"]);
for (const name of wanted.length ? wanted : Object.keys(benches).filter((n) => !OPT_IN.has(n))) {
  const fn = benches[name];
  if (!fn) {
    console.error(`error: unknown benchmark "${name}" (known: ${Object.keys(benches).join(", ")})`);
    process.exit(2);
  }
  console.log(await fn());
}
