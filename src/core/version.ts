import { readFileSync } from "node:fs";

// Read once from package.json (two levels up from both src/core and dist/core).
let cached: string | undefined;

export function mamoriVersion(): string {
  if (cached === undefined) {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    cached = pkg.version;
  }
  return cached;
}
