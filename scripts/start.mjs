#!/usr/bin/env node
// `npm start`: build the demo's vulnerability database, scan the bundled demo estate into the
// embedded store, then serve the dashboard. Extra arguments go to `mamori serve` (npm start -- --port 9000).
import { spawnSync, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = fileURLToPath(new URL("../bin/mamori.js", import.meta.url));

function step(args, okCodes = [0]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: "inherit" });
  if (!okCodes.includes(r.status ?? 3)) process.exit(r.status ?? 3);
}

// The demo's advisories are records written for the demo (demo/osv), not a real feed: run
// `mamori db update` for the real one.
step(["db", "import", "demo/osv", "--kev", "demo/kev.json"]);
step(["scan", "iac", "demo", "--policy", "demo/policies"], [0, 1]);
step(["scan", "sbom", "demo/sbom/storefront.cdx.json"], [0, 1]);
// The demo image is built from files the script writes, the same bytes every time.
const build = spawnSync(process.execPath, [fileURLToPath(new URL("./build-demo-image.mjs", import.meta.url))], { cwd: root, stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 3);
step(["scan", "image", "demo/image/storefront.tar"], [0, 1]);

const serve = spawn(process.execPath, [bin, "serve", ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => serve.kill(sig));
serve.on("exit", (code) => process.exit(code ?? 0));
