// Test inputs for the OS package detectors: in-memory file entries, RPM header blobs, and the two
// rpmdb container formats that no tool here can write (Berkeley DB hash, rpm's ndb), built from the
// format facts the readers follow, so that the readers are tested on real-format bytes.
import { spawnSync } from "node:child_process";
import type { AnalyzerOutput } from "../../../src/analyzers/types.js";
import type { FileEntry } from "../../../src/artifacts/types.js";
import { adler32 } from "../../../src/packages/os/rpm-ndb.js";

export function memoryFile(path: string, content: Buffer | string, mode = 0o100644): FileEntry {
  const buf = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return {
    path,
    size: buf.length,
    mode,
    read: async (maxBytes?: number) => {
      if (maxBytes !== undefined && buf.length > maxBytes) throw new Error(`${path}: larger than ${maxBytes} bytes`);
      return buf;
    },
  };
}

export function hasCommand(cmd: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" }).status === 0;
}

/** Name, version and the rest of a package, as rpm -q would print them, for comparisons. */
export function summarize(out: AnalyzerOutput | undefined): string[] {
  return (out?.packages ?? []).map((p) => `${p.name} ${p.version} ${p.source ? `${p.source.name}@${p.source.version}` : "-"} ${p.license ?? "-"}`).sort();
}

// ---- RPM header blobs ------------------------------------------------------------------------

export type HeaderValue = { tag: number; type: "int32"; value: number[] } | { tag: number; type: "string" | "i18n"; value: string } | { tag: number; type: "strings"; value: string[] };

const TYPE_CODE = { int32: 4, string: 6, strings: 8, i18n: 9 } as const;

/** An rpm header blob (without the 8-byte magic, as databases store it). */
export function headerBlob(values: HeaderValue[]): Buffer {
  const index = Buffer.alloc(values.length * 16);
  const chunks: Buffer[] = [];
  let size = 0;
  values.forEach((v, i) => {
    let data: Buffer;
    let count: number;
    if (v.type === "int32") {
      // int32 data is 4-byte aligned in the data section.
      const pad = (4 - (size % 4)) % 4;
      if (pad) {
        chunks.push(Buffer.alloc(pad));
        size += pad;
      }
      data = Buffer.alloc(v.value.length * 4);
      v.value.forEach((n, j) => data.writeInt32BE(n, j * 4));
      count = v.value.length;
    } else if (v.type === "strings") {
      data = Buffer.concat(v.value.map((s) => Buffer.from(`${s}\0`, "utf8")));
      count = v.value.length;
    } else {
      data = Buffer.from(`${v.value}\0`, "utf8");
      count = 1;
    }
    index.writeUInt32BE(v.tag, i * 16);
    index.writeUInt32BE(TYPE_CODE[v.type], i * 16 + 4);
    index.writeUInt32BE(size, i * 16 + 8);
    index.writeUInt32BE(count, i * 16 + 12);
    chunks.push(data);
    size += data.length;
  });
  const intro = Buffer.alloc(8);
  intro.writeUInt32BE(values.length, 0);
  intro.writeUInt32BE(size, 4);
  return Buffer.concat([intro, index, ...chunks]);
}

export interface TestRpm {
  name: string;
  version: string;
  release: string;
  epoch?: number;
  arch?: string;
  license?: string;
  sourceRpm?: string;
  files?: string[];
}

/** A header with the tags a package inventory reads, files in the compressed (dirnames) form. */
export function rpmHeader(p: TestRpm): Buffer {
  const values: HeaderValue[] = [
    { tag: 1000, type: "string", value: p.name },
    { tag: 1001, type: "string", value: p.version },
    { tag: 1002, type: "string", value: p.release },
  ];
  if (p.epoch !== undefined) values.push({ tag: 1003, type: "int32", value: [p.epoch] });
  if (p.license !== undefined) values.push({ tag: 1014, type: "string", value: p.license });
  if (p.arch !== undefined) values.push({ tag: 1022, type: "string", value: p.arch });
  if (p.sourceRpm !== undefined) values.push({ tag: 1044, type: "string", value: p.sourceRpm });
  if (p.files && p.files.length > 0) {
    const dirs: string[] = [];
    const indexes: number[] = [];
    const bases: string[] = [];
    for (const f of p.files) {
      const slash = f.lastIndexOf("/") + 1;
      const dir = f.slice(0, slash);
      if (!dirs.includes(dir)) dirs.push(dir);
      indexes.push(dirs.indexOf(dir));
      bases.push(f.slice(slash));
    }
    values.push({ tag: 1116, type: "int32", value: indexes }, { tag: 1117, type: "strings", value: bases }, { tag: 1118, type: "strings", value: dirs });
  }
  return headerBlob(values);
}

// ---- Berkeley DB hash (rpm's Packages before 4.16) --------------------------------------------

const BDB_PAGE = 4096;

interface BdbOptions {
  bigEndian?: boolean;
  /** Buckets over which the records are spread (a power of two). */
  buckets?: number;
  /** Values at most this long stay on their hash page; longer ones go to overflow pages. */
  onPageMax?: number;
}

/**
 * A Berkeley DB hash file (version 9) holding rpm's records: key = 4-byte instance number in the
 * file's byte order, value = header blob; record 0 holds the next instance number, as rpm writes it.
 */
export function bdbPackages(blobs: Buffer[], options: BdbOptions = {}): Buffer {
  const be = options.bigEndian ?? false;
  const buckets = options.buckets ?? 4;
  const onPageMax = options.onPageMax ?? 256;
  const u32 = (buf: Buffer, v: number, at: number): void => void (be ? buf.writeUInt32BE(v, at) : buf.writeUInt32LE(v, at));
  const u16 = (buf: Buffer, v: number, at: number): void => void (be ? buf.writeUInt16BE(v, at) : buf.writeUInt16LE(v, at));
  const key = (n: number): Buffer => {
    const k = Buffer.alloc(4);
    u32(k, n, 0);
    return k;
  };
  const counter = Buffer.alloc(4);
  u32(counter, blobs.length + 1, 0);
  const records: { key: Buffer; value: Buffer }[] = [{ key: key(0), value: counter }, ...blobs.map((b, i) => ({ key: key(i + 1), value: b }))];

  const pages: Buffer[] = [Buffer.alloc(BDB_PAGE)];
  const newPage = (type: number): { no: number; page: Buffer } => {
    const page = Buffer.alloc(BDB_PAGE);
    const no = pages.length;
    pages.push(page);
    u32(page, no, 8);
    page[25] = type;
    return { no, page };
  };
  // Bucket pages first, so that bucket b is page b + 1 (spares all 1).
  const bucketPages = Array.from({ length: buckets }, () => newPage(13));
  const overflow = (value: Buffer): number => {
    const room = BDB_PAGE - 26;
    let first = 0;
    let prev: { no: number; page: Buffer } | undefined;
    for (let at = 0; at < value.length; at += room) {
      const p = newPage(7);
      const part = value.subarray(at, at + room);
      part.copy(p.page, 26);
      u16(p.page, part.length, 22);
      if (prev) {
        u32(prev.page, p.no, 16);
        u32(p.page, prev.no, 12);
      } else first = p.no;
      prev = p;
    }
    return first;
  };
  // Fill each bucket's chain of hash pages, items packed downwards from the page end.
  const chains = bucketPages.map((p) => ({ current: p, used: 0, free: BDB_PAGE }));
  records.forEach((r, i) => {
    const chain = chains[i % buckets]!;
    let valueItem: Buffer;
    if (r.value.length <= onPageMax) valueItem = Buffer.concat([Buffer.from([1]), r.value]);
    else {
      valueItem = Buffer.alloc(12);
      valueItem[0] = 3;
      u32(valueItem, overflow(r.value), 4);
      u32(valueItem, r.value.length, 8);
    }
    const keyItem = Buffer.concat([Buffer.from([1]), r.key]);
    if (chain.free - keyItem.length - valueItem.length < 26 + (chain.used + 2) * 2) {
      const next = newPage(13);
      u32(chain.current.page, next.no, 16);
      u32(next.page, chain.current.no, 12);
      chain.current = next;
      chain.used = 0;
      chain.free = BDB_PAGE;
    }
    const { page } = chain.current;
    for (const item of [keyItem, valueItem]) {
      chain.free -= item.length;
      item.copy(page, chain.free);
      u16(page, chain.free, 26 + chain.used * 2);
      chain.used++;
    }
    u16(page, chain.used, 20);
    u16(page, chain.free, 22);
  });
  const meta = pages[0]!;
  u32(meta, 0x00061561, 12);
  u32(meta, 9, 16);
  u32(meta, BDB_PAGE, 20);
  meta[25] = 8;
  u32(meta, pages.length - 1, 32);
  u32(meta, records.length, 40);
  u32(meta, records.length, 44);
  u32(meta, buckets - 1, 72);
  u32(meta, buckets - 1, 76);
  u32(meta, Math.max(0, buckets / 2 - 1), 80);
  for (let i = 0; i < 32; i++) u32(meta, i <= Math.log2(buckets) ? 1 : 0, 96 + i * 4);
  return Buffer.concat(pages);
}

// ---- rpm ndb (Packages.db) --------------------------------------------------------------------

/** An ndb database with one slot page; package indexes from 1 in blob order. */
export function ndbPackages(blobs: Buffer[]): Buffer {
  const head = Buffer.alloc(4096);
  head.write("RpmP", 0, "latin1");
  head.writeUInt32LE(0, 4);
  head.writeUInt32LE(blobs.length + 1, 8);
  head.writeUInt32LE(1, 12);
  head.writeUInt32LE(blobs.length + 1, 16);
  for (let at = 32; at < 4096; at += 16) head.write("Slot", at, "latin1");
  const parts: Buffer[] = [head];
  let block = 4096 / 16;
  blobs.forEach((blob, i) => {
    const blocks = Math.ceil((16 + blob.length + 12) / 16);
    const b = Buffer.alloc(blocks * 16);
    b.write("BlbS", 0, "latin1");
    b.writeUInt32LE(i + 1, 4);
    b.writeUInt32LE(1_700_000_000, 8);
    b.writeUInt32LE(blob.length, 12);
    blob.copy(b, 16);
    const tail = b.length - 12;
    b.writeUInt32LE(adler32(b.subarray(0, tail)), tail);
    b.writeUInt32LE(blob.length, tail + 4);
    b.write("BlbE", tail + 8, "latin1");
    const slot = 32 + i * 16;
    head.writeUInt32LE(i + 1, slot + 4);
    head.writeUInt32LE(block, slot + 8);
    head.writeUInt32LE(blocks, slot + 12);
    parts.push(b);
    block += blocks;
  });
  return Buffer.concat(parts);
}
