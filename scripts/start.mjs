#!/usr/bin/env node
// `npm start`: scan the bundled demo estate into the embedded store, then serve the dashboard.
// Extra arguments go to `mamori serve` (npm start -- --port 9000).
import { spawnSync, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = fileURLToPath(new URL("../bin/mamori.js", import.meta.url));

const scan = spawnSync(process.execPath, [bin, "scan", "iac", "demo"], { cwd: root, stdio: "inherit" });
if (scan.status !== 0 && scan.status !== 1) process.exit(scan.status ?? 3);

const serve = spawn(process.execPath, [bin, "serve", ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => serve.kill(sig));
serve.on("exit", (code) => process.exit(code ?? 0));
