// A differential test against a real Maven repository where this machine has one (~/.m2): its
// layout <group path>/<artifact>/<version>/<artifact>-<version>.jar states each jar's coordinates,
// so every identity the detector gives a jar must be exactly that, and most jars must get one.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { javaArchivePackages } from "../../../src/packages/binary/java-archive.js";
import { fileEntry } from "./fixtures.js";

const REPO = join(homedir(), ".m2", "repository");
const SAMPLE = 150;

function* jars(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* jars(p);
    else if (name.endsWith(".jar")) yield p;
  }
}

describe("jars of a local Maven repository", () => {
  it("each identity given is the repository's coordinates, and most jars get one", async () => {
    if (!existsSync(REPO)) {
      console.warn(`skipped: no Maven repository at ${REPO}`);
      return;
    }
    let named = 0;
    let seen = 0;
    const wrong: string[] = [];
    for (const path of jars(REPO)) {
      const parts = relative(REPO, path).split(sep);
      const [file, version, artifact] = [parts.pop(), parts.pop(), parts.pop()];
      if (file !== `${artifact}-${version}.jar` || statSync(path).size > 8 * 1024 * 1024) continue; // classifiers, sources
      const buf = readFileSync(path);
      const out = await javaArchivePackages(fileEntry(file, buf, 0o644), buf);
      const own = out.packages?.find((p) => p.ref !== undefined);
      seen++;
      if (own !== undefined) {
        named++;
        expect(own.ref).toBe(`sha1:${createHash("sha1").update(buf).digest("hex")}`);
        if (own.name !== `${parts.join(".")}:${artifact}` || own.version !== version) wrong.push(`${file}: ${own.name}@${own.version}`);
      }
      if (seen >= SAMPLE) break;
    }
    expect(wrong).toEqual([]);
    expect(named / Math.max(1, seen)).toBeGreaterThan(0.6);
  }, 30_000);
});
