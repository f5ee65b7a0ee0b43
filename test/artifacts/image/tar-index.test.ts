import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BlobStore } from "../../../src/artifacts/image/blob-store.js";
import { indexTar, parsePax } from "../../../src/artifacts/image/tar-index.js";
import { cleanup, tarOf, tempDir } from "./fixtures.js";

afterEach(cleanup);

const gnuTar = spawnSync("tar", ["--version"]).stdout?.toString().includes("GNU tar") ?? false;

async function read(store: BlobStore, path: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of store.open(path, path)) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString();
}

const longDir = `${"d".repeat(120)}/${"e".repeat(60)}`;
const longName = `${longDir}/${"f".repeat(90)}.txt`;

function tree(): string {
  const dir = tempDir();
  mkdirSync(join(dir, longDir), { recursive: true });
  writeFileSync(join(dir, longName), "long");
  writeFileSync(join(dir, "short.txt"), "short");
  writeFileSync(join(dir, `${"u".repeat(150)}`), "ünïcode-free");
  symlinkSync("short.txt", join(dir, "link.txt"));
  return dir;
}

describe("indexTar", () => {
  it.skipIf(!gnuTar).each(["gnu", "pax", "ustar"])("reads %s archives: long names, links, bodies by offset", async (format) => {
    const dir = tree();
    const file = join(tempDir(), `${format}.tar`);
    const names = format === "ustar" ? ["short.txt", "link.txt"] : ["short.txt", "link.txt", longName, "u".repeat(150)];
    const r = spawnSync("tar", [`--format=${format}`, "-C", dir, "-cf", file, ...names]);
    expect(r.status, r.stderr.toString()).toBe(0);
    const index = indexTar(file, 1000);
    expect([...index.entries.keys()].sort()).toEqual([...names].sort());
    const store = BlobStore.fromTar(index);
    expect(await read(store, "short.txt")).toBe("short");
    expect(await read(store, "./link.txt")).toBe("short");
    if (format !== "ustar") {
      expect(await read(store, longName)).toBe("long");
      expect(store.size(`/${longName}`)).toBe(4);
    }
  });

  it("reads the ustar prefix field that tar-stream writes for long paths", async () => {
    const name = `${"p".repeat(140)}/file.txt`;
    const file = join(tempDir(), "t.tar");
    writeFileSync(file, await tarOf([{ name, content: "prefixed" }]));
    expect(await read(BlobStore.fromTar(indexTar(file, 10)), name)).toBe("prefixed");
  });

  it("follows symlinks inside the archive only, a bounded number of times", async () => {
    const file = join(tempDir(), "links.tar");
    writeFileSync(
      file,
      await tarOf([
        { name: "blobs/sha256/abc", content: "layer" },
        { name: "id1/layer.tar", type: "symlink", linkname: "../blobs/sha256/abc" },
        { name: "hard", type: "link", linkname: "blobs/sha256/abc" },
        { name: "escape", type: "symlink", linkname: "../../../etc/passwd" },
        { name: "abs", type: "symlink", linkname: "/etc/passwd" },
        { name: "loop1", type: "symlink", linkname: "loop2" },
        { name: "loop2", type: "symlink", linkname: "loop1" },
      ]),
    );
    const store = BlobStore.fromTar(indexTar(file, 100));
    expect(await read(store, "id1/layer.tar")).toBe("layer");
    expect(await read(store, "hard")).toBe("layer");
    for (const p of ["escape", "abs", "loop1"]) expect(store.has(p), p).toBe(false);
    expect(() => store.has("../outside")).toThrow(/a path outside the image/);
  });

  it("refuses truncated archives and too many entries, by name", async () => {
    const dir = tempDir();
    const full = await tarOf([{ name: "a", content: "x".repeat(2000) }, { name: "b", content: "y" }]);
    const truncated = join(dir, "cut.tar");
    writeFileSync(truncated, full.subarray(0, 1500));
    expect(() => indexTar(truncated, 10)).toThrow(/cut.tar: truncated archive \(entry "a" ends past the end of the file\)/);
    const ok = join(dir, "ok.tar");
    writeFileSync(ok, full);
    expect(() => indexTar(ok, 1)).toThrow(/more than 1 archive entries \(limits.maxArchiveEntries\)/);
    const corrupt = Buffer.from(full);
    corrupt[512 * 5 + 10] = 0x41; // inside the second header
    const bad = join(dir, "bad.tar");
    writeFileSync(bad, corrupt);
    expect(() => indexTar(bad, 10)).toThrow(/corrupt tar header at byte 2560/);
    expect(readFileSync(ok).length).toBeGreaterThan(0);
  });

  it("parses PAX records, keeping '=' and newlines in values", () => {
    const rec = (k: string, v: string): string => {
      const body = ` ${k}=${v}\n`;
      let n = body.length + 1;
      while (`${n}${body}`.length !== n) n++;
      return `${n}${body}`;
    };
    const pax = Buffer.from(rec("path", "a=b/c") + rec("size", "12") + rec("comment", "x\ny"));
    expect(parsePax(pax)).toEqual({ path: "a=b/c", size: "12", comment: "x\ny" });
    expect(parsePax(Buffer.from("99 path=x\n"))).toEqual({});
  });
});
