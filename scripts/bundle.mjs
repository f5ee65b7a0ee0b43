#!/usr/bin/env node
// Part of `npm run build`: the compiled CLI bundled into a few files (dist/bundle/), which the
// `mamori` command loads. Node's ES module loader costs ~0.2 ms per file, and the CLI is some 800
// compiled files (one per check), so a scan of one small file spent more time loading modules than
// scanning; bundled, it starts in about half the time. Packages stay external, loaded from node_modules.
import { builtinModules } from "node:module";
import { readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "rolldown";

const root = new URL("../", import.meta.url);
const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));
const packages = Object.keys(pkg.dependencies ?? {});
const outDir = fileURLToPath(new URL("dist/bundle/", root));

rmSync(outDir, { recursive: true, force: true });
await build({
  input: fileURLToPath(new URL("dist/cli/main.js", root)),
  platform: "node",
  logLevel: "warn",
  external: (id) => id.startsWith("node:") || builtinModules.includes(id) || packages.some((p) => id === p || id.startsWith(`${p}/`)),
  output: { dir: outDir, format: "esm", entryFileNames: "mamori.mjs", chunkFileNames: "[name]-[hash].mjs", sourcemap: true },
});
