#!/usr/bin/env node
// Version comparisons per second for every ordering, as the matcher uses them: one installed version
// against the bounds of many advisories. Build first (npm run build), then: node bench/versions.mjs
// Prints one line per scheme, "versions: dpkg 2.3M cmp/s (...)"; the "cold" lines use more distinct
// versions than the parse caches hold, so every comparison parses. --check exits 1 when dpkg or
// semver falls below 1M cmp/s.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const index = fileURLToPath(new URL("../dist/vulndb/versions/index.js", import.meta.url));
if (!existsSync(index)) {
  console.error("error: build first: npm run build");
  process.exit(2);
}
const { SCHEMES } = await import(index);

/** Deterministic PRNG, so every run measures the same versions. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rnd = random(1);
const n = (max) => Math.floor(rnd() * max);
const pick = (xs) => xs[n(xs.length)];

/** A realistic version of each ecosystem, built from the shapes its advisories use. */
const MAKERS = {
  dpkg: () => `${rnd() < 0.1 ? "1:" : ""}${n(10)}.${n(40)}.${n(20)}${pick(["", "", "~rc1", "+dfsg", "+ds"])}-${pick(["1", "2", "1ubuntu0.", "2+deb12u", "0ubuntu1~22.04."])}${n(12)}`,
  rpm: () => `${rnd() < 0.1 ? "1:" : ""}${n(10)}.${n(40)}.${n(20)}-${n(500)}.${pick(["el9", "el9_2", "el8_7", "fc39"])}${rnd() < 0.3 ? `.${n(5)}` : ""}`,
  apk: () => `${n(10)}.${n(40)}.${n(20)}${pick(["", "", "_rc1", "_p2", "_git20230101"])}-r${n(12)}`,
  semver: () => `${n(10)}.${n(40)}.${n(20)}${rnd() < 0.1 ? pick(["-rc.1", "-beta.2", "-alpha"]) : ""}`,
  go: () => (rnd() < 0.2 ? `v0.0.0-2023${String(1000000000 + n(99999999)).slice(1)}-abcdef123456` : `v${n(10)}.${n(40)}.${n(20)}`),
  pep440: () => `${n(10)}.${n(40)}.${n(20)}${pick(["", "", "", "rc1", ".post1", "a2", ".dev3"])}`,
  maven: () => `${n(10)}.${n(40)}.${n(20)}${pick(["", "", "", ".Final", "-SNAPSHOT", "-RC1", ".RELEASE"])}`,
  rubygems: () => `${n(10)}.${n(40)}.${n(20)}${pick(["", "", "", ".rc1", ".beta2", ".1"])}`,
  nuget: () => `${n(10)}.${n(40)}.${n(20)}${pick(["", "", "", ".1", "-preview.1", "-rc.2"])}`,
  packagist: () => `${pick(["", "v"])}${n(10)}.${n(40)}.${n(20)}${pick(["", "", "", "-RC1", "-beta2", "-p1"])}`,
  hex: () => `${n(10)}.${n(40)}.${n(20)}${pick(["", "", "", "-rc.1"])}`,
  pub: () => `${n(10)}.${n(40)}.${n(20)}${pick(["", "", "", "-dev.1", "+1"])}`,
};

/** Comparisons per second over `pairs`, repeated for about `ms` milliseconds after a warm-up. */
function measure(scheme, pairs, ms = 400) {
  let sink = 0;
  for (const [a, b] of pairs.slice(0, 2000)) sink += scheme.compare(a, b);
  let count = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(ms) * 1_000_000n;
  let elapsed = 0n;
  while (elapsed < budget) {
    for (let k = 0; k < pairs.length; k++) sink += scheme.compare(pairs[k][0], pairs[k][1]);
    count += pairs.length;
    elapsed = process.hrtime.bigint() - start;
  }
  if (Number.isNaN(sink)) console.log(sink);
  return count / (Number(elapsed) / 1e9);
}

function pairsFrom(versions, count) {
  const out = [];
  for (let k = 0; k < count; k++) out.push([pick(versions), pick(versions)]);
  return out;
}

function rate(x) {
  return x >= 1e6 ? `${(x / 1e6).toFixed(1)}M` : `${(x / 1e3).toFixed(0)}k`;
}

const results = {};
for (const scheme of SCHEMES) {
  const make = MAKERS[scheme.name];
  if (make === undefined) continue;
  // through JSON, as versions arrive from advisories and package databases: flat strings, not the
  // concatenation trees the makers build
  const warm = JSON.parse(JSON.stringify(Array.from({ length: 1000 }, make)));
  const cold = JSON.parse(JSON.stringify(Array.from({ length: 50_000 }, make)));
  for (const v of [...warm, ...cold.slice(0, 100)]) if (!scheme.isValid(v)) throw new Error(`bench made an invalid ${scheme.name} version: ${v}`);
  const hot = measure(scheme, pairsFrom(warm, 20_000));
  const coldRate = measure(scheme, cold.map((v, k) => [v, cold[(k * 7919) % cold.length]]));
  results[scheme.name] = hot;
  console.log(`versions: ${scheme.name} ${rate(hot)} cmp/s (1,000 distinct versions); cold ${rate(coldRate)} cmp/s (50,000 distinct versions)`);
}

if (process.argv.includes("--check")) {
  const slow = ["dpkg", "semver"].filter((name) => !(results[name] >= 1e6));
  if (slow.length > 0) {
    console.error(`error: below 1M cmp/s: ${slow.join(", ")}`);
    process.exit(1);
  }
}
