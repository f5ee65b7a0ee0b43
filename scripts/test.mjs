#!/usr/bin/env node
// `npm test`: build (which type-checks the sources), type-check tests and benchmarks, lint, then
// the test suite. Ends with the line CI reads: "N passed, N failed" (the build, type-check and lint
// steps count as one test each).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const steps = [
  ["build", ["npm", "run", "build", "--silent"]],
  ["type-check", ["npx", "tsc", "-p", "tsconfig.json", "--noEmit"]],
  ["lint", ["npx", "eslint", "."]],
];

let passed = 0;
let failed = 0;
let skipped = 0;

for (const [name, [cmd, ...args]] of steps) {
  process.stdout.write(`\n== ${name}: ${cmd} ${args.join(" ")}\n`);
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  if (r.status === 0) passed++;
  else {
    failed++;
    process.stdout.write(`== ${name} FAILED\n`);
  }
}

const dir = mkdtempSync(join(tmpdir(), "mamori-test-"));
const out = join(dir, "vitest.json");
process.stdout.write("\n== tests: vitest run\n");
const extra = process.argv.slice(2);
const r = spawnSync("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`, ...extra], {
  stdio: "inherit",
});
try {
  const res = JSON.parse(readFileSync(out, "utf8"));
  passed += res.numPassedTests;
  failed += res.numFailedTests;
  skipped += res.numPendingTests + (res.numTodoTests ?? 0);
  // A file that fails to load has no failed tests but is a failure all the same.
  const brokenSuites = (res.testResults ?? []).filter((t) => t.status === "failed" && (t.assertionResults ?? []).every((a) => a.status !== "failed"));
  failed += brokenSuites.length;
} catch {
  failed++;
  process.stdout.write(`== vitest produced no results (exit ${r.status})\n`);
}
rmSync(dir, { recursive: true, force: true });

process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}\n`);
process.exit(failed > 0 ? 1 : 0);
