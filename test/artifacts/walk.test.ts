import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { walkFiles } from "../../src/artifacts/walk.js";
import { decodeText, readTextFile, UnreadableFile } from "../../src/artifacts/textfile.js";
import type { ScanWarning } from "../../src/core/model.js";

const dirs: string[] = [];
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "mamori-walk-"));
  dirs.push(root);
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(join(root, p, ".."), { recursive: true });
    writeFileSync(join(root, p), content);
  }
  return root;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function walk(root: string, opts: { exclude?: string[]; maxFiles?: number; maxDepth?: number } = {}) {
  const warnings: ScanWarning[] = [];
  const files: string[] = [];
  for await (const f of walkFiles(root, {
    wants: () => true,
    warn: (w) => warnings.push(w),
    ...(opts.exclude ? { exclude: opts.exclude } : {}),
    limits: { ...(opts.maxFiles ? { maxFiles: opts.maxFiles } : {}), ...(opts.maxDepth ? { maxDepth: opts.maxDepth } : {}) },
  })) files.push(f.relPath);
  return { files: files.sort(), warnings };
}

describe("walkFiles", () => {
  it("yields regular files with root-relative paths, skipping .git and node_modules", async () => {
    const root = tree({ "a/Dockerfile": "x", "b/c/d.txt": "y", ".git/config": "z", "node_modules/m/Dockerfile": "w", "top": "t" });
    expect((await walk(root)).files).toEqual(["a/Dockerfile", "b/c/d.txt", "top"]);
  });

  it("honours exclude globs", async () => {
    const root = tree({ "a/Dockerfile": "x", "vendor/x/Dockerfile": "y" });
    expect((await walk(root, { exclude: ["vendor/**"] })).files).toEqual(["a/Dockerfile"]);
    expect((await walk(root, { exclude: ["vendor"] })).files).toEqual(["a/Dockerfile"]);
  });

  it("follows links inside the root once, never out of it", async () => {
    const outside = tree({ "secret.txt": "s" });
    const root = tree({ "a/f": "x" });
    symlinkSync(join(root, "a"), join(root, "link-to-a"));
    symlinkSync("..", join(root, "a", "loop"));
    symlinkSync(outside, join(root, "out"));
    symlinkSync(join(outside, "secret.txt"), join(root, "secret-link"));
    symlinkSync(join(root, "nowhere"), join(root, "dangling"));
    const { files, warnings } = await walk(root);
    expect(files).toEqual(["a/f"]);
    const msgs = warnings.map((w) => `${w.path}: ${w.message}`).sort();
    expect(msgs).toEqual(
      expect.arrayContaining([
        "dangling: skipped: broken symbolic link",
        "out: skipped: symbolic link points outside the scanned directory",
        "secret-link: skipped: symbolic link points outside the scanned directory",
      ]),
    );
    expect(msgs.filter((m) => m.includes("symbolic link loop")).length).toBeGreaterThanOrEqual(1);
  });

  it("stops at maxFiles and maxDepth with a warning", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 20; i++) files[`f${i}`] = "x";
    const root = tree(files);
    const r = await walk(root, { maxFiles: 5 });
    expect(r.files).toHaveLength(5);
    expect(r.warnings[0]?.message).toMatch(/stopped after 5 files .*partial/);
    const deep = tree({ "1/2/3/4/5/f": "x", "1/g": "y" });
    const d = await walk(deep, { maxDepth: 2 });
    expect(d.files).toEqual(["1/g"]);
    expect(d.warnings[0]?.message).toMatch(/deeper than 2 directories/);
  });
});

describe("text files", () => {
  it("refuses binary content and files over the limit", async () => {
    expect(() => decodeText(Buffer.from([0x41, 0, 0x42]))).toThrow(UnreadableFile);
    const root = tree({ big: "x".repeat(2000) });
    await expect(readTextFile(join(root, "big"), 1000)).rejects.toThrow(/larger than the 1000 bytes limit/);
    expect((await readTextFile(join(root, "big"), 4000)).text).toHaveLength(2000);
  });

  it("decodes invalid UTF-8 with replacement characters, strips a BOM, splits any line ending", () => {
    const t = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("a\r\nb\rc\n"), Buffer.from([0xc3, 0x28])]));
    expect(t.invalidUtf8).toBe(true);
    expect(t.lines).toEqual(["a", "b", "c", "\ufffd("]);
    expect(decodeText(Buffer.from("ok")).invalidUtf8).toBe(false);
  });
});
