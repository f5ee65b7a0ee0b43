#!/usr/bin/env node
// Entry point. `--version` answers without loading the CLI: it runs in pre-commit hooks.
import { readFileSync, existsSync } from "node:fs";

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  process.stdout.write(`${pkg.version}\n`);
} else {
  // The bundled CLI starts faster (scripts/bundle.mjs); the per-module build is the fallback.
  const bundle = new URL("../dist/bundle/mamori.mjs", import.meta.url);
  const main = existsSync(bundle) ? bundle : new URL("../dist/cli/main.js", import.meta.url);
  if (!existsSync(main)) {
    process.stderr.write("error: Mamori is not built: run `npm run build` (npm ci does it)\n");
    process.exit(3);
  }
  const { run } = await import(main.href);
  process.exitCode = await run(process.argv);
}
