#!/usr/bin/env node
// Secret scanning throughput, side by side (issue 4, "Figures"): ~200 MB of generated source
// code, configuration, documentation and minified bundles with a few planted fake secrets,
// scanned by Mamori's built-in rules, by ripgrep with equivalent patterns for five of them, and by
// secretlint's recommended preset when npm can install it. Run after `npm run build`.
//   node bench/secrets.mjs [--mb 200] [--secretlint-mb 10] [--no-ripgrep] [--no-secretlint]
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

const args = process.argv.slice(2);
const targetMb = Number(args[args.indexOf("--mb") + 1]) || 200;
const dist = new URL("../dist/secrets/index.js", import.meta.url);
if (!existsSync(dist)) {
  console.error("error: build first: npm run build");
  process.exit(2);
}
const { SecretScanner, BUILTIN_SECRET_RULES } = await import(dist.href);

// ---- the corpus: deterministic, generated once per size and kept under the temp directory ----

let seed = 0x2545f491;
const rand = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 0x100000000;
};
const int = (n) => Math.floor(rand() * n);
const pick = (xs) => xs[int(xs.length)];
const chars = (alphabet, n) => Array.from({ length: n }, () => alphabet[int(alphabet.length)]).join("");
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LOWER = "abcdefghijklmnopqrstuvwxyz";
const DIGITS = "0123456789";
const ALNUM = UPPER + LOWER + DIGITS;
const B64 = ALNUM + "+/";

const WORDS = ("user account order item price total value result data config client server request response handler " +
  "session cache index query filter page limit offset count name path file stream buffer event error status message " +
  "manager service factory builder parser lexer node tree list map set queue worker job task").split(" ");
// Lines that name credentials without holding one, as real code does now and then.
const CREDENTIAL_TALK = [
  () => `  const token = this.${ident()}.getToken(${ident()});`,
  () => `  password: process.env.${pick(WORDS).toUpperCase()}_PASSWORD,`,
  () => `    api_key = os.environ["${pick(WORDS).toUpperCase()}_API_KEY"]`,
  () => `  // the secret is read from the ${pick(WORDS)} store at start-up`,
  () => `  headers: { Authorization: \`Bearer \${accessToken}\` },`,
];
const sometimes = (line) => () => (rand() < 0.03 ? pick(CREDENTIAL_TALK)() : line());
const ident = () => pick(WORDS) + pick(["", "", pick(WORDS)[0].toUpperCase() + pick(WORDS).slice(1), "_" + pick(WORDS), "Id", "s"]);
const sentence = (n) => Array.from({ length: n }, () => pick(WORDS)).join(" ");

const jsLine = () =>
  pick([
    () => `  const ${ident()} = await ${ident()}.${ident()}(${ident()}, { ${ident()}: ${int(1000)} });`,
    () => `  if (${ident()}.${ident()} === "${pick(WORDS)}") return ${ident()};`,
    () => `  // ${sentence(8 + int(8))}`,
    () => `  const url = "https://${pick(WORDS)}.example.org/api/v${int(4)}/${pick(WORDS)}";`,
    () => `  for (const ${ident()} of ${ident()}) ${ident()}.push(${ident()}.${ident()});`,
    () => `  throw new Error(\`${sentence(5)}: \${${ident()}}\`);`,
    () => `  return ${ident()}.map((x) => x.${ident()}).filter(Boolean);`,
  ])();
const pyLine = () =>
  pick([
    () => `    ${ident()} = self.${ident()}(${ident()}, ${ident()}=${int(100)})`,
    () => `    # ${sentence(10)}`,
    () => `    if not ${ident()}:\n        raise ValueError("${sentence(4)}")`,
    () => `    return {"${pick(WORDS)}": ${ident()}, "${pick(WORDS)}": ${int(1e6)}}`,
  ])();
const goLine = () =>
  pick([
    () => `\t${ident()}, err := ${ident()}.${ident()}(ctx, ${ident()})\n\tif err != nil {\n\t\treturn nil, err\n\t}`,
    () => `\t// ${sentence(9)}`,
    () => `\t${ident()} := &${pick(WORDS)}{Name: "${pick(WORDS)}", Count: ${int(50)}}`,
  ])();

function source() {
  const kind = pick(["js", "js", "py", "go"]);
  const line = sometimes({ js: jsLine, py: pyLine, go: goLine }[kind]);
  const out = [];
  for (let f = 0; f < 20 + int(200); f++) {
    out.push(kind === "py" ? `def ${ident()}(${ident()}, ${ident()}):` : kind === "go" ? `func ${ident()}(ctx context.Context) error {` : `export async function ${ident()}(${ident()}) {`);
    for (let i = 0; i < 3 + int(25); i++) out.push(line());
    out.push(kind === "py" ? "" : "}");
  }
  return { ext: kind, text: out.join("\n") + "\n" };
}

function config() {
  const kind = pick(["yaml", "json", "env", "lock"]);
  const out = [];
  if (kind === "yaml") {
    for (let i = 0; i < 50 + int(400); i++) out.push(`${"  ".repeat(int(4))}${ident()}: ${pick([`"${sentence(3)}"`, int(9999), "true", `\${${pick(WORDS).toUpperCase()}}`, `${pick(WORDS)}-${int(99)}`])}`);
  } else if (kind === "json") {
    out.push("{");
    for (let i = 0; i < 50 + int(400); i++) out.push(`  "${ident()}": ${pick([`"${sentence(2)}"`, int(9999), "null", `["${pick(WORDS)}"]`])},`);
    out.push(`  "end": true\n}`);
  } else if (kind === "env") {
    for (let i = 0; i < 20 + int(80); i++) out.push(`${pick(WORDS).toUpperCase()}_${pick(WORDS).toUpperCase()}=${pick(["changeme", "", `\${${pick(WORDS).toUpperCase()}}`, String(int(65535)), pick(WORDS)])}`);
  } else {
    // Lock files: integrity hashes are high-entropy base64 that must not be reported.
    for (let i = 0; i < 200 + int(800); i++) {
      const name = `${pick(WORDS)}-${pick(WORDS)}`;
      out.push(`"node_modules/${name}": {\n  "version": "${int(9)}.${int(20)}.${int(9)}",\n  "resolved": "https://registry.npmjs.org/${name}/-/${name}-1.0.0.tgz",\n  "integrity": "sha512-${chars(B64, 86)}=="\n},`);
    }
  }
  return { ext: kind === "lock" ? "json" : kind, text: out.join("\n") + "\n" };
}

function docs() {
  const out = [];
  for (let i = 0; i < 30 + int(200); i++) {
    out.push(rand() < 0.02 ? "```sh\ncurl -H \"Authorization: Bearer $TOKEN\" https://api.example.org\n```" : pick([`## ${sentence(3)}`, sentence(12 + int(20)) + ".", ""]));
  }
  return { ext: "md", text: out.join("\n") + "\n" };
}

function minified() {
  const parts = [];
  const size = 50_000 + int(400_000);
  let n = 0;
  while (n < size) {
    const p = pick([
      `function ${chars(LOWER, 2)}(${chars(LOWER, 1)},${chars(LOWER, 1)}){return ${chars(LOWER, 1)}.${ident()}||${chars(LOWER, 1)}.${ident()}}`,
      `var ${chars(LOWER, 1)}=${int(1e6)},${chars(LOWER, 2)}="${sentence(2)}";`,
      `${chars(LOWER, 1)}.${ident()}=${chars(LOWER, 1)}.${ident()}(${int(99)});`,
      `if(!${chars(LOWER, 1)})throw new Error("${sentence(3)}");`,
      `${chars(LOWER, 1)}.${ident()}=${chars(LOWER, 1)}.${ident()}||{};`,
      rand() < 0.05 ? `${chars(LOWER, 1)}.headers.authorization="Bearer "+${chars(LOWER, 1)}.token;` : `${chars(LOWER, 1)}++;`,
    ]);
    parts.push(p);
    n += p.length;
  }
  return { ext: "min.js", text: parts.join("") + "\n" };
}

// Fake secrets made to documented formats, never real.
const plants = [
  () => `aws_access_key_id = AKIA${chars(UPPER + "234567", 16)}`,
  () => `GITHUB_TOKEN=ghp_${chars(ALNUM, 36)}`,
  () => `SLACK_BOT_TOKEN=xoxb-${chars(DIGITS, 12)}-${chars(DIGITS, 13)}-${chars(ALNUM, 24)}`,
  () => `stripe.api_key = "sk_live_${chars(ALNUM, 24)}"`,
  () => `-----BEGIN RSA PRIVATE KEY-----\n${Array.from({ length: 8 }, () => chars(B64, 64)).join("\n")}\n-----END RSA PRIVATE KEY-----`,
  () => `db_password: "${chars(ALNUM + "!#%", 20)}"`,
];

const GENERATORS = { source, config, docs, minified };
const SHARES = [["source", 0.55], ["config", 0.2], ["docs", 0.1], ["minified", 0.15]];
const made = { source: 0, config: 0, docs: 0, minified: 0 };

function generate(dir) {
  rmSync(dir, { recursive: true, force: true });
  const target = targetMb * 1024 * 1024;
  let bytes = 0;
  let files = 0;
  let planted = 0;
  while (bytes < target) {
    // By bytes: about half source code, a fifth configuration and lock files, a tenth
    // documentation, the rest minified bundles: each file is of the kind furthest below its share.
    const kind = SHARES.reduce((a, b) => (made[b[0]] / b[1] < made[a[0]] / a[1] ? b : a))[0];
    const { ext, text } = GENERATORS[kind]();
    made[kind] += text.length;
    let body = text;
    if (rand() < 0.02) {
      const lines = body.split("\n");
      lines.splice(int(lines.length), 0, pick(plants)());
      body = lines.join("\n");
      planted++;
    }
    const sub = join(dir, `pkg${Math.floor(files / 100)}`);
    if (files % 100 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `file${files}.${ext}`), body);
    bytes += Buffer.byteLength(body);
    files++;
  }
  writeFileSync(join(dir, "..", `${targetMb}.done`), JSON.stringify({ files, bytes, planted }));
}

const base = join(tmpdir(), "mamori-bench-secrets");
const corpus = join(base, `corpus-${targetMb}`);
const marker = join(base, `${targetMb}.done`);
if (!existsSync(marker) || !existsSync(corpus)) {
  mkdirSync(base, { recursive: true });
  process.stderr.write(`generating ${targetMb} MB under ${corpus} ...\n`);
  generate(corpus);
}
const info = JSON.parse(readFileSync(marker, "utf8"));

function walk(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}
const files = walk(corpus);
const totalMb = files.reduce((n, f) => n + statSync(f).size, 0) / 1e6;
const rate = (ms) => (totalMb / (ms / 1000)).toFixed(1);

// ---- Mamori: one thread, reading and scanning every file ----

function mamori(rules) {
  const scanner = new SecretScanner(rules);
  let best = Infinity;
  let findings = 0;
  for (let run = 0; run < 2; run++) {
    const started = performance.now();
    findings = 0;
    for (const f of files) findings += scanner.scan(readFileSync(f), relative(corpus, f)).findings.length;
    best = Math.min(best, performance.now() - started);
  }
  return { ms: best, findings };
}

// The rules that the five ripgrep patterns below stand for.
const SAME_FIVE = new Set(["MAM-SEC-100", "MAM-SEC-200", "MAM-SEC-201", "MAM-SEC-202", "MAM-SEC-203", "MAM-SEC-001", "MAM-SEC-300", "MAM-SEC-400"]);
const RG_PATTERNS = [
  "(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}",
  "gh[pousr]_[0-9A-Za-z]{36}",
  "-----BEGIN[ A-Z0-9]*PRIVATE KEY",
  "xoxb-[0-9]{8,14}-[0-9A-Za-z-]{10,}",
  "[sr]k_(?:live|test|prod)_[0-9A-Za-z]{10,}",
];

function haveCommand(cmd) {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" }).status === 0;
}

function ensureRipgrep() {
  if (haveCommand("rg")) return true;
  const install = () => spawnSync("apt-get", ["install", "-y", "-q", "ripgrep"], { encoding: "utf8", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status === 0;
  if (!install()) {
    spawnSync("apt-get", ["update", "-q"], { encoding: "utf8" });
    install();
  }
  return haveCommand("rg");
}

function ripgrep() {
  if (args.includes("--no-ripgrep") || !ensureRipgrep()) return undefined;
  const rgArgs = ["-j1", "-c", "--no-messages", "--no-ignore", "--hidden", ...RG_PATTERNS.flatMap((p) => ["-e", p]), corpus];
  let best = Infinity;
  let matches = 0;
  for (let run = 0; run < 2; run++) {
    const started = performance.now();
    const r = spawnSync("rg", rgArgs, { encoding: "utf8", maxBuffer: 1 << 28 });
    best = Math.min(best, performance.now() - started);
    matches = r.stdout.split("\n").filter(Boolean).reduce((n, l) => n + Number(l.slice(l.lastIndexOf(":") + 1)), 0);
  }
  return { ms: best, matches };
}

// secretlint reads about 100 times slower than Mamori here: it gets a sample of the same files
// (whole directories, the first --secretlint-mb of them) and a time limit, and its rate is of that.
const secretlintMb = Number(args[args.indexOf("--secretlint-mb") + 1]) || 10;

function secretlint() {
  if (args.includes("--no-secretlint")) return undefined;
  const pkg = ["exec", "--yes", "--package=secretlint", "--package=@secretlint/secretlint-rule-preset-recommend", "--"];
  const rc = join(base, ".secretlintrc.json");
  writeFileSync(rc, JSON.stringify({ rules: [{ id: "@secretlint/secretlint-rule-preset-recommend" }] }));
  // Installing is not part of the figure.
  const probe = spawnSync("npm", [...pkg, "secretlint", "--version"], { cwd: base, encoding: "utf8", timeout: 600_000 });
  if (probe.status !== 0) return undefined;
  const dirs = [];
  let mb = 0;
  for (const d of readdirSync(corpus).sort((a, b) => Number(a.slice(3)) - Number(b.slice(3)))) {
    if (mb >= secretlintMb) break;
    dirs.push(d);
    mb += readdirSync(join(corpus, d)).reduce((n, f) => n + statSync(join(corpus, d, f)).size, 0) / 1e6;
  }
  const globs = dirs.map((d) => `${relative(base, join(corpus, d))}/**/*`);
  const limit = 1_800_000;
  // A file, not a pipe: secretlint exits before a large report has drained through a pipe.
  const report = join(base, "secretlint-report.json");
  rmSync(report, { force: true });
  const started = performance.now();
  const r = spawnSync("npm", [...pkg, "secretlint", "--secretlintrc", rc, "--format", "json", "--output", report, ...globs], { cwd: base, encoding: "utf8", timeout: limit, maxBuffer: 1 << 26 });
  const ms = performance.now() - started;
  if (r.error?.code === "ETIMEDOUT") return { mb, ms, timedOut: true };
  if (r.error || (r.status !== 0 && r.status !== 1)) return { failed: (r.error?.message ?? r.stderr).split("\n")[0] };
  let findings = 0;
  try {
    for (const file of JSON.parse(readFileSync(report, "utf8"))) findings += file.messages?.length ?? 0;
  } catch {
    findings = NaN;
  }
  return { mb, ms, findings };
}

const all = mamori(BUILTIN_SECRET_RULES);
const five = mamori(BUILTIN_SECRET_RULES.filter((r) => SAME_FIVE.has(r.id)));
const rg = ripgrep();
const sl = secretlint();

const rgText = rg ? `ripgrep ${rate(rg.ms)} MB/s` : "ripgrep: not available";
const slRate = (r) => (r.mb / (r.ms / 1000)).toFixed(2);
const slText =
  sl === undefined ? "secretlint: not available" : sl.failed ? `secretlint: failed (${sl.failed})` : sl.timedOut ? `secretlint < ${slRate(sl)} MB/s (stopped after ${(sl.ms / 1000).toFixed(0)} s)` : `secretlint ${slRate(sl)} MB/s`;
console.log(`secrets: mamori ${rate(all.ms)} MB/s/core (${all.findings} findings); ${rgText}; ${slText}`);
console.log(
  `  corpus: ${files.length} files, ${totalMb.toFixed(0)} MB, ${info.planted} planted fake secrets; machine: ${(await import("node:os")).cpus().length} cores, one used by each tool` +
    ` | mamori, ${BUILTIN_SECRET_RULES.length} rules: ${(all.ms / 1000).toFixed(1)} s` +
    ` | mamori, the rules of the 5 ripgrep patterns: ${rate(five.ms)} MB/s (${five.findings} findings)` +
    (rg ? ` | ripgrep -j1, 5 patterns: ${(rg.ms / 1000).toFixed(1)} s (${rg.matches} matching lines)` : "") +
    (sl && !sl.failed && !sl.timedOut ? ` | secretlint preset-recommend on the first ${sl.mb.toFixed(0)} MB: ${(sl.ms / 1000).toFixed(1)} s (${sl.findings} findings)` : ""),
);
