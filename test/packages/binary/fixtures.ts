// Builders of small but well-formed executables for the binary detectors' tests: ELF (32/64 bit,
// either byte order), Mach-O 64 and PE32+, each with the sections a test asks for, plus the Go
// build-info and cargo-auditable payloads those sections carry.
import { deflateSync } from "node:zlib";
import type { FileEntry } from "../../../src/artifacts/types.js";

export interface SectionInput {
  name: string;
  data: Buffer;
  /** Virtual address; sections with one are also mapped by a PT_LOAD segment (ELF). */
  addr?: number;
  writable?: boolean;
}

class Writer {
  constructor(
    readonly buf: Buffer,
    readonly le: boolean,
  ) {}
  u16(o: number, v: number): void {
    if (this.le) this.buf.writeUInt16LE(v, o);
    else this.buf.writeUInt16BE(v, o);
  }
  u32(o: number, v: number): void {
    if (this.le) this.buf.writeUInt32LE(v >>> 0, o);
    else this.buf.writeUInt32BE(v >>> 0, o);
  }
  u64(o: number, v: number): void {
    if (this.le) this.buf.writeBigUInt64LE(BigInt(v), o);
    else this.buf.writeBigUInt64BE(BigInt(v), o);
  }
  word(o: number, v: number, bits: 32 | 64): void {
    if (bits === 64) this.u64(o, v);
    else this.u32(o, v);
  }
}

const align = (n: number, a: number): number => Math.ceil(n / a) * a;

export interface ElfOptions {
  bits?: 32 | 64;
  littleEndian?: boolean;
  sections: SectionInput[];
  /** Pad the file to at least this many bytes (wants() ignores files under 1 KB). */
  minSize?: number;
  /** Leave the section header table out, as `sstrip` does. */
  noSectionHeaders?: boolean;
}

export function buildElf(o: ElfOptions): Buffer {
  const bits = o.bits ?? 64;
  const le = o.littleEndian ?? true;
  const ehsize = bits === 64 ? 64 : 52;
  const phentsize = bits === 64 ? 56 : 32;
  const shentsize = bits === 64 ? 64 : 40;
  const loads = o.sections.filter((s) => s.addr !== undefined);
  const phoff = loads.length > 0 ? ehsize : 0;
  let at = align(ehsize + loads.length * phentsize, 16);
  const placed = o.sections.map((s) => {
    const offset = at;
    at = align(at + s.data.length, 16);
    return { ...s, offset };
  });
  const names = [".shstrtab", ...o.sections.map((s) => s.name)];
  const nameOffsets = new Map<string, number>();
  let strtab = Buffer.from([0]);
  for (const n of names) {
    if (nameOffsets.has(n)) continue;
    nameOffsets.set(n, strtab.length);
    strtab = Buffer.concat([strtab, Buffer.from(`${n}\0`, "latin1")]);
  }
  const strtabOffset = at;
  at = align(at + strtab.length, 16);
  const shoff = o.noSectionHeaders ? 0 : at;
  const shnum = o.noSectionHeaders ? 0 : placed.length + 2;
  const size = Math.max(at + shnum * shentsize, o.minSize ?? 0);
  const buf = Buffer.alloc(size);
  const w = new Writer(buf, le);

  buf.write("\x7fELF", 0, "latin1");
  buf[4] = bits === 64 ? 2 : 1;
  buf[5] = le ? 1 : 2;
  buf[6] = 1;
  w.u16(16, 2); // ET_EXEC
  w.u16(18, 62);
  w.u32(20, 1);
  const H = bits === 64
    ? { phoff: 0x20, shoff: 0x28, ehsize: 0x34, phentsize: 0x36, phnum: 0x38, shentsize: 0x3a, shnum: 0x3c, shstrndx: 0x3e }
    : { phoff: 0x1c, shoff: 0x20, ehsize: 0x28, phentsize: 0x2a, phnum: 0x2c, shentsize: 0x2e, shnum: 0x30, shstrndx: 0x32 };
  w.word(H.phoff, phoff, bits);
  w.word(H.shoff, shoff, bits);
  w.u16(H.ehsize, ehsize);
  w.u16(H.phentsize, phentsize);
  w.u16(H.phnum, loads.length);
  w.u16(H.shentsize, shentsize);
  w.u16(H.shnum, shnum);
  w.u16(H.shstrndx, shnum === 0 ? 0 : shnum - 1);

  placed.forEach((s) => s.data.copy(buf, s.offset));
  strtab.copy(buf, strtabOffset);

  let ph = phoff;
  for (const s of placed.filter((p) => p.addr !== undefined)) {
    const flags = 4 | (s.writable === false ? 1 : 2); // R plus W, or R plus X
    w.u32(ph, 1);
    if (bits === 64) {
      w.u32(ph + 4, flags);
      w.u64(ph + 8, s.offset);
      w.u64(ph + 16, s.addr ?? 0);
      w.u64(ph + 24, s.addr ?? 0);
      w.u64(ph + 32, s.data.length);
      w.u64(ph + 40, s.data.length);
    } else {
      w.u32(ph + 4, s.offset);
      w.u32(ph + 8, s.addr ?? 0);
      w.u32(ph + 12, s.addr ?? 0);
      w.u32(ph + 16, s.data.length);
      w.u32(ph + 20, s.data.length);
      w.u32(ph + 24, flags);
    }
    ph += phentsize;
  }

  if (!o.noSectionHeaders) {
    const all = [...placed.map((s) => ({ ...s, type: 1 })), { name: ".shstrtab", data: strtab, offset: strtabOffset, addr: 0, type: 3, writable: false }];
    all.forEach((s, i) => {
      const sh = shoff + (i + 1) * shentsize;
      const flags = (s.addr ? 2 : 0) | (s.writable === false ? 0 : 1);
      w.u32(sh, nameOffsets.get(s.name) ?? 0);
      w.u32(sh + 4, s.type);
      w.word(sh + 8, s.type === 3 ? 0 : flags, bits);
      w.word(sh + (bits === 64 ? 16 : 12), s.addr ?? 0, bits);
      w.word(sh + (bits === 64 ? 24 : 16), s.offset, bits);
      w.word(sh + (bits === 64 ? 32 : 20), s.data.length, bits);
    });
  }
  return buf;
}

/** A little-endian Mach-O 64 with one LC_SEGMENT_64 per segment named in the sections ("__DATA,__go_buildinfo"). */
export function buildMachO(sections: SectionInput[], minSize = 0): Buffer {
  const bySegment = new Map<string, SectionInput[]>();
  for (const s of sections) {
    const seg = s.name.split(",")[0] as string;
    bySegment.set(seg, [...(bySegment.get(seg) ?? []), s]);
  }
  const cmdsSize = [...bySegment.values()].reduce((n, list) => n + 72 + 80 * list.length, 0);
  let at = align(32 + cmdsSize, 16);
  const offsets = new Map<SectionInput, number>();
  for (const s of sections) {
    offsets.set(s, at);
    at = align(at + s.data.length, 16);
  }
  const buf = Buffer.alloc(Math.max(at, minSize));
  const w = new Writer(buf, true);
  w.u32(0, 0xfeedfacf);
  w.u32(4, 0x01000007);
  w.u32(12, 2); // MH_EXECUTE
  w.u32(16, bySegment.size);
  w.u32(20, cmdsSize);
  let cmd = 32;
  for (const [seg, list] of bySegment) {
    const first = list[0] as SectionInput;
    const start = offsets.get(first) ?? 0;
    const last = list[list.length - 1] as SectionInput;
    const end = (offsets.get(last) ?? 0) + last.data.length;
    w.u32(cmd, 0x19);
    w.u32(cmd + 4, 72 + 80 * list.length);
    buf.write(seg, cmd + 8, "latin1");
    w.u64(cmd + 24, first.addr ?? 0);
    w.u64(cmd + 32, end - start);
    w.u64(cmd + 40, start);
    w.u64(cmd + 48, end - start);
    const prot = first.writable === false ? 5 : 3;
    w.u32(cmd + 56, prot);
    w.u32(cmd + 60, prot);
    w.u32(cmd + 64, list.length);
    list.forEach((s, i) => {
      const sec = cmd + 72 + i * 80;
      buf.write(s.name.split(",")[1] as string, sec, "latin1");
      buf.write(seg, sec + 16, "latin1");
      w.u64(sec + 32, s.addr ?? 0);
      w.u64(sec + 40, s.data.length);
      w.u32(sec + 48, offsets.get(s) ?? 0);
      s.data.copy(buf, offsets.get(s) ?? 0);
    });
    cmd += 72 + 80 * list.length;
  }
  return buf;
}

/** A PE32+ file; writable sections are initialized read-write data, the others code. */
export function buildPe(sections: SectionInput[], minSize = 0): Buffer {
  const peOffset = 0x40;
  const optionalSize = 240;
  const table = peOffset + 24 + optionalSize;
  let at = align(table + sections.length * 40, 512);
  const offsets = sections.map((s) => {
    const o = at;
    at = align(at + s.data.length, 512);
    return o;
  });
  const buf = Buffer.alloc(Math.max(at, minSize));
  const w = new Writer(buf, true);
  buf.write("MZ", 0, "latin1");
  w.u32(0x3c, peOffset);
  buf.write("PE\0\0", peOffset, "latin1");
  w.u16(peOffset + 4, 0x8664);
  w.u16(peOffset + 6, sections.length);
  w.u16(peOffset + 20, optionalSize);
  w.u16(peOffset + 24, 0x20b);
  w.u64(peOffset + 24 + 24, 0x140000000);
  sections.forEach((s, i) => {
    const h = table + i * 40;
    buf.write(s.name.slice(0, 8), h, "latin1");
    w.u32(h + 8, s.data.length);
    w.u32(h + 12, (s.addr ?? 0x1000 * (i + 1)) - 0);
    w.u32(h + 16, s.data.length);
    w.u32(h + 20, offsets[i] ?? 0);
    w.u32(h + 36, s.writable === false ? 0x60000020 : 0xc0000040);
    s.data.copy(buf, offsets[i] ?? 0);
  });
  return buf;
}

// cmd/go's sentinels around the module text (as found in every Go binary).
const INFO_START = Buffer.from("3077af0c9274080241e1c107e6d618e6", "hex");
const INFO_END = Buffer.from("f932433186182072008242104116d8f2", "hex");

export function framedModinfo(text: string): Buffer {
  return Buffer.concat([INFO_START, Buffer.from(text, "utf8"), INFO_END]);
}

function uvarint(n: number): Buffer {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return Buffer.from(out);
}

function goHeader(ptrSize: number, flags: number): Buffer {
  const h = Buffer.alloc(32);
  h.write("\xff Go buildinf:", 0, "latin1");
  h[14] = ptrSize;
  h[15] = flags;
  return h;
}

/** The Go 1.18+ blob: header with flag 0x2, then the version and the framed module text, varint-prefixed. */
export function goBuildInfoInline(goVersion: string, modinfo: string): Buffer {
  const v = Buffer.from(goVersion, "utf8");
  const m = modinfo === "" ? Buffer.alloc(0) : framedModinfo(modinfo);
  return Buffer.concat([goHeader(8, 2), uvarint(v.length), v, uvarint(m.length), m]);
}

/**
 * The pre-1.18 layout: the .go.buildinfo section at `infoAddr` holds two pointers to Go string
 * headers, which live with their bytes in a data section at `dataAddr`.
 */
export function goBuildInfoPointer(
  goVersion: string,
  modinfo: string,
  o: { ptrSize: 4 | 8; littleEndian: boolean; dataAddr: number },
): { info: Buffer; data: Buffer } {
  const p = o.ptrSize;
  const v = Buffer.from(goVersion, "utf8");
  const m = framedModinfo(modinfo);
  const data = Buffer.alloc(4 * p + v.length + m.length);
  const dw = new Writer(data, o.littleEndian);
  const put = (w: Writer, off: number, val: number): void => (p === 8 ? w.u64(off, val) : w.u32(off, val));
  const vAddr = o.dataAddr + 4 * p;
  put(dw, 0, vAddr);
  put(dw, p, v.length);
  put(dw, 2 * p, vAddr + v.length);
  put(dw, 3 * p, m.length);
  v.copy(data, 4 * p);
  m.copy(data, 4 * p + v.length);
  const info = goHeader(p, o.littleEndian ? 0 : 1);
  const iw = new Writer(info, o.littleEndian);
  put(iw, 16, o.dataAddr);
  put(iw, 16 + p, o.dataAddr + 2 * p);
  return { info, data };
}

export function auditableSection(doc: unknown): Buffer {
  return deflateSync(Buffer.from(JSON.stringify(doc), "utf8"));
}

/** A FileEntry over a buffer, as the image and directory sources hand them out. */
export function fileEntry(path: string, buf: Buffer, mode = 0o755): FileEntry {
  return {
    path,
    size: buf.length,
    mode,
    layer: { index: 0, digest: "sha256:" + "ab".repeat(32) },
    read: async (maxBytes?: number) => {
      if (maxBytes !== undefined && buf.length > maxBytes) throw new Error(`${path}: larger than ${maxBytes} bytes`);
      return buf;
    },
  };
}

/** The module text of the large Go executables of the streaming tests. */
export const STREAM_MODINFO = [
  "path\texample.com/big/cmd/big",
  "mod\texample.com/big\tv2.3.4\th1:abc=",
  "dep\tgithub.com/hashicorp/hcl/v2\tv2.19.1\th1:x=",
  "dep\tgoogle.golang.org/grpc\tv1.60.0\th1:y=",
  "build\t-compiler=gc",
  "",
].join("\n");

/** An ELF whose .go.buildinfo section (16-byte aligned) follows `textSize` bytes of code-like filler, with 1 MB of data after it. */
export function bigGoElf(textSize: number, blob = goBuildInfoInline("go1.22.5", STREAM_MODINFO)): { buf: Buffer; at: number } {
  const text = Buffer.alloc(textSize);
  for (let i = 0; i < textSize; i += 4096) text.write("\xff Go buildinf?", i, "latin1"); // near misses on every page
  const buf = buildElf({ sections: [{ name: ".text", data: text, addr: 0x401000, writable: false }, { name: ".go.buildinfo", data: blob, addr: 0x401000 + textSize + 0x1000 }, { name: ".data", data: Buffer.alloc(1024 * 1024, 1) }] });
  return { buf, at: buf.indexOf(blob) };
}

