// The secret scanner as an Analyzer (what the image and directory drivers call), and scanText
// for image config entries.
import { describe, expect, it } from "vitest";
import type { FileEntry } from "../../src/artifacts/types.js";
import { BUILTIN_SECRET_RULES, scanText, secretAnalyzer } from "../../src/secrets/index.js";
import { fake } from "../../src/secrets/rules/fake.js";

const GH = "ghp" + "_" + fake("A-Za-z0-9", 36, "analyzer");
const REG = 0o100644;

function file(path: string, content: string | Buffer, layer = true): FileEntry & { reads: number } {
  const data = typeof content === "string" ? Buffer.from(content) : content;
  const entry = {
    path,
    size: data.length,
    mode: REG,
    reads: 0,
    async read() {
      entry.reads++;
      return data;
    },
    ...(layer ? { layer: { index: 2, digest: "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" } } : {}),
  };
  return entry;
}

describe("secretAnalyzer", () => {
  const analyzer = secretAnalyzer();

  it("names itself and its kind", () => {
    expect(analyzer.name).toBe("secrets");
    expect(analyzer.kind).toBe("secrets");
    expect(Number.isInteger(analyzer.version)).toBe(true);
  });

  it.each([
    ["app/.env", REG, true],
    ["etc/ssl/private/server.key", REG, true],
    ["usr/lib/libfoo.so.1", REG, true],
    ["certs/client.p12", REG, true],
    ["no-extension", 0o644, true],
    ["usr/share/icons/logo.PNG", REG, false],
    ["srv/backup.tar.gz", REG, false],
    ["fonts/a.woff2", REG, false],
    ["app/lib.jar", REG, false],
    ["bin/link", 0o120777, false],
    ["dev/null", 0o020666, false],
    ["var/run/x.sock", 0o140755, false],
  ] as [string, number, boolean][])("wants %s (mode %o): %s", (path, mode, wanted) => {
    expect(analyzer.wants(path, 100, mode)).toBe(wanted);
  });

  it("reports secrets with the layer named by digest, masked", async () => {
    const out = await analyzer.analyze(file("app/.env", `A=1\nGITHUB_TOKEN=${GH}\n`), { source: "img" });
    expect(out?.findings?.map((f) => [f.ruleId, f.location.path, f.location.startLine])).toEqual([["MAM-SEC-200", "app/.env", 2]]);
    expect(out?.findings?.[0]?.message).toBe("GitHub personal access token (classic) found in layer sha256:0123456789ab");
    expect(JSON.stringify(out)).not.toContain(GH);
  });

  it("returns nothing for a clean file, and for a binary one", async () => {
    expect(await analyzer.analyze(file("app/main.py", "print('hello')\n"), { source: "img" })).toBeUndefined();
    expect(await analyzer.analyze(file("usr/bin/x", Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(GH)])), { source: "img" })).toBeUndefined();
  });

  it("does not want a file over its size limit; offered one anyway, does not read it and says so", async () => {
    const small = secretAnalyzer(BUILTIN_SECRET_RULES, { maxFileSize: 16 });
    expect(small.wants("app/big.txt", 17, REG)).toBe(false);
    expect(small.wants("app/small.txt", 16, REG)).toBe(true);
    const f = file("app/big.txt", `x=${GH}`);
    const out = await small.analyze(f, { source: "img" });
    expect(f.reads).toBe(0);
    expect(out?.findings).toEqual([]);
    expect(out?.warnings).toEqual([`app/big.txt: not scanned for secrets: ${f.size} bytes is over the 16-byte limit`]);
  });

  it("still names a key store over the size limit by its path", async () => {
    const small = secretAnalyzer(BUILTIN_SECRET_RULES, { maxFileSize: 4 });
    const out = await small.analyze(file("certs/client.p12", Buffer.alloc(64, 1)), { source: "img" });
    expect(out?.findings?.map((f) => f.ruleId)).toEqual(["MAM-SEC-003"]);
  });

  it("changes version with its rules and options (cached layer results are redone)", () => {
    expect(secretAnalyzer().version).toBe(analyzer.version);
    expect(secretAnalyzer(BUILTIN_SECRET_RULES.slice(1)).version).not.toBe(analyzer.version);
    expect(secretAnalyzer(BUILTIN_SECRET_RULES, { maxFileSize: 1 }).version).not.toBe(analyzer.version);
  });
});

describe("scanText (image config)", () => {
  it("finds a secret in an Env entry and names the entry", () => {
    const found = scanText(`GITHUB_TOKEN=${GH}`, "image-config:Env[3]");
    expect(found.map((f) => [f.ruleId, f.location.path, f.snippet])).toEqual([["MAM-SEC-200", "image-config:Env[3]", `GITHUB_TOKEN=${GH.slice(0, 4)}${"*".repeat(16)}`]]);
  });

  it("finds one in a history line", () => {
    const line = `/bin/sh -c curl -H "Authorization: Bearer ${fake("A-Za-z0-9", 40, "hist")}" https://artifacts.internal/x | sh`;
    expect(scanText(line, "image-config:history[7]").map((f) => f.ruleId)).toEqual(["MAM-SEC-008"]);
  });

  it("finds nothing in ordinary entries", () => {
    for (const env of ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8", "GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D", "PYTHON_VERSION=3.12.4"]) {
      expect(scanText(env, "image-config:Env[0]")).toEqual([]);
    }
  });
});
