// The build information the Go linker embeds in every executable: the toolchain version and the
// module list (`go version -m`). Found where Go's debug/buildinfo looks: a 32-byte header starting
// "\xff Go buildinf:", 16-byte aligned, within the first 64 KB of the .go.buildinfo section (ELF),
// __go_buildinfo (Mach-O) or the first writable data segment. Header byte 14 is the pointer size,
// byte 15 flags: bit 0 big-endian, bit 1 (Go 1.18 and later) the two strings follow the header
// inline, each prefixed by its length as an unsigned varint; before 1.18 the header holds two
// pointers to Go string headers (data pointer, length) that are resolved through the segments.
// When the headers lead nowhere (stripped, unusual layouts, universal Mach-O) the whole file is
// searched for the header at 16-byte aligned offsets.
import { executableFormat, parseExecutable, readAddress, type Executable, type Region } from "./executable.js";

export const MAGIC = Buffer.from("\xff Go buildinf:", "latin1");
export const HEADER_SIZE = 32;
export const ALIGN = 16;
const SEARCH_WINDOW = 64 * 1024;
/** Module lists of the largest Go programs are a few hundred KB. */
export const MAX_STRING = 8 * 1024 * 1024;
export const MAX_VERSION = 1024;
/** Aligned magic strings tried per search: a real binary has one, a hostile file may have millions. */
export const MAX_CANDIDATES = 64;
const FLAG_BIG_ENDIAN = 0x1;
const FLAG_INLINE_STRINGS = 0x2;
/** An unsigned varint of a string length: at most 5 bytes (a length below 2^35). */
const MAX_VARINT = 5;
/** cmd/go frames the module list with 16-byte sentinels; the text sits between them. */
const FRAME = 16;

export interface GoBuildInfoRaw {
  /** As the toolchain writes it: "go1.21.3", "go1.22rc1", "devel go1.23-abcdef ...". */
  goVersion: string;
  /** runtime/debug's module text ("path\t...\nmod\t...\ndep\t..."); empty for binaries built outside module mode. */
  modinfo: string;
}

/**
 * The raw build information of a Go executable, or undefined when the file is not one. Headers that
 * contradict the file are an InputError naming `label`.
 */
export function readGoBuildInfo(buf: Buffer, label: string): GoBuildInfoRaw | undefined {
  const fat = isUniversalMachO(buf);
  if (executableFormat(buf) === undefined && !fat) return undefined;
  const exe = fat ? undefined : parseExecutable(buf, label);
  if (exe !== undefined) {
    const region = dataRegion(exe);
    if (region !== undefined && Number.isSafeInteger(region.offset) && region.offset < buf.length) {
      const end = Math.min(buf.length, region.offset + Math.min(region.size, SEARCH_WINDOW));
      const found = firstDecoded(buf, region.offset, end, exe);
      if (found !== undefined) return found;
    }
  }
  return firstDecoded(buf, 0, buf.length, exe);
}

/** Where the Go linker puts the header: its own section, or the start of the first writable data. */
function dataRegion(exe: Executable): Region | undefined {
  switch (exe.format) {
    case "elf":
      return exe.sections.find((s) => s.name === ".go.buildinfo") ?? exe.segments.find((s) => s.writable && !s.executable);
    case "macho":
      return (
        exe.sections.find((s) => s.name.endsWith(",__go_buildinfo")) ??
        // initprot and maxprot both read-write
        exe.segments.find((s) => s.addr !== 0 && s.size !== 0 && s.flags === 0x303)
      );
    case "pe":
      // initialized data, readable and writable, alignment bits aside
      return exe.sections.find((s) => s.size !== 0 && (s.flags & ~0x600000) >>> 0 === 0xc0000040);
  }
}

/** The first header between start and end (aligned from start) that decodes to a Go version. */
function firstDecoded(buf: Buffer, start: number, end: number, exe: Executable | undefined): GoBuildInfoRaw | undefined {
  let from = start;
  let tried = 0;
  while (from + HEADER_SIZE <= end && tried < MAX_CANDIDATES) {
    const at = buf.indexOf(MAGIC, from);
    if (at < 0 || at + HEADER_SIZE > end) return undefined;
    if ((at - start) % ALIGN === 0) {
      tried++;
      const info = decodeHeader(buf, at, exe);
      if (info !== undefined) return info;
    }
    from = at + 1;
  }
  return undefined;
}

function decodeHeader(buf: Buffer, at: number, exe: Executable | undefined): GoBuildInfoRaw | undefined {
  const ptrSize = buf[at + 14] as number;
  const flags = buf[at + 15] as number;
  if (flags & FLAG_INLINE_STRINGS) {
    const inline = decodeInline(buf.subarray(at), true);
    return typeof inline === "object" && "goVersion" in inline ? inline : undefined;
  }
  if (exe === undefined || (ptrSize !== 4 && ptrSize !== 8)) return undefined;
  const bigEndian = (flags & FLAG_BIG_ENDIAN) !== 0;
  const ptr = (b: Buffer, o: number): number => readPointer(b, o, ptrSize, bigEndian);
  const version = goString(buf, exe, ptrSize, ptr, ptr(buf, at + 16), MAX_VERSION);
  if (version === undefined || !isGoVersion(version)) return undefined;
  return { goVersion: version, modinfo: unframe(goString(buf, exe, ptrSize, ptr, ptr(buf, at + 16 + ptrSize), MAX_STRING) ?? "") };
}

/** A header-like string elsewhere in the file (a program that reads build info holds the magic) decodes to noise. */
function isGoVersion(v: string): boolean {
  return /^(go\d|devel )/.test(v);
}

function unframe(mod: string): string {
  return mod.length >= 2 * FRAME + 1 && mod[mod.length - FRAME - 1] === "\n" ? mod.slice(FRAME, -FRAME) : "";
}

/** More bytes are needed to decide: at least `need` from the header's start. */
export interface NeedMore {
  need: number;
}

/**
 * The Go 1.18+ inline form at the start of `b` (the header, then the version and the module text,
 * each prefixed by its length as an unsigned varint): the build information; "reject" when this is
 * no such header (pointer form, a bad varint, no Go version); or, before the end of the file
 * (`eof` false), how many bytes to gather first. A module text cut short by the end of the file
 * is left empty, as is one longer than the bound: the Go version alone is still worth reporting.
 */
export function decodeInline(b: Buffer, eof: boolean): GoBuildInfoRaw | NeedMore | "reject" {
  if (b.length < HEADER_SIZE + MAX_VARINT && !eof) return { need: HEADER_SIZE + MAX_VARINT };
  if (b.length < HEADER_SIZE || ((b[15] as number) & FLAG_INLINE_STRINGS) === 0) return "reject";
  const v = uvarint(b, HEADER_SIZE);
  if (v === undefined || v.value > MAX_VERSION) return "reject";
  const vEnd = v.next + v.value;
  if (vEnd + MAX_VARINT > b.length && !eof) return { need: vEnd + MAX_VARINT };
  if (vEnd > b.length) return "reject";
  const goVersion = b.subarray(v.next, vEnd).toString("utf8");
  if (!isGoVersion(goVersion)) return "reject";
  const m = uvarint(b, vEnd);
  if (m === undefined || m.value > MAX_STRING) return { goVersion, modinfo: "" };
  const mEnd = m.next + m.value;
  if (mEnd > b.length) return eof ? { goVersion, modinfo: "" } : { need: mEnd };
  return { goVersion, modinfo: unframe(b.subarray(m.next, mEnd).toString("utf8")) };
}

/** An unsigned varint of at most 5 bytes; undefined when longer or cut short by the end of `b`. */
function uvarint(b: Buffer, at: number): { value: number; next: number } | undefined {
  let value = 0;
  let shift = 1;
  for (let i = at; i < b.length && i - at < MAX_VARINT; i++) {
    const byte = b[i] as number;
    value += (byte & 0x7f) * shift;
    if (byte < 0x80) return { value, next: i + 1 };
    shift *= 128;
  }
  return undefined;
}

function readPointer(b: Buffer, offset: number, size: number, bigEndian: boolean): number {
  if (offset < 0 || offset + size > b.length) return Infinity;
  if (size === 4) return bigEndian ? b.readUInt32BE(offset) : b.readUInt32LE(offset);
  const v = bigEndian ? b.readBigUInt64BE(offset) : b.readBigUInt64LE(offset);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(v);
}

/** A Go string header (data pointer, length) at addr, followed to its bytes. */
function goString(
  buf: Buffer,
  exe: Executable,
  ptrSize: number,
  ptr: (b: Buffer, o: number) => number,
  addr: number,
  max: number,
): string | undefined {
  const header = readAddress(buf, exe, addr, 2 * ptrSize);
  if (header === undefined || header.length < 2 * ptrSize) return undefined;
  const data = ptr(header, 0);
  const length = ptr(header, ptrSize);
  if (length > max) return undefined;
  const bytes = readAddress(buf, exe, data, length);
  if (bytes === undefined || bytes.length < length) return undefined;
  return bytes.toString("utf8");
}

/** Whether a file starting with `head` (its first 8 bytes or more) can be an executable with Go build information. */
export function mayBeGoExecutable(head: Buffer): boolean {
  return executableFormat(head) !== undefined || isUniversalMachO(head);
}

/** Universal Mach-O (0xcafebabe, also a Java class file's magic: told apart by a small architecture count). */
function isUniversalMachO(buf: Buffer): boolean {
  if (buf.length < 8) return false;
  const magic = buf.readUInt32BE(0);
  return (magic === 0xcafebabe || magic === 0xcafebabf) && buf.readUInt32BE(4) > 0 && buf.readUInt32BE(4) < 20;
}
