// Indexes the entries of an image archive (`docker save` output, an OCI layout tar) without
// reading their bodies: headers are read at 512-byte offsets and bodies are seeked over, so a
// 5 GB archive costs a few thousand small reads and its layers can then be streamed straight
// from the file by offset. Hand-written because tar-stream only parses a stream front to back:
// it cannot seek, so it would read (and discard) every layer just to find manifest.json.
// Understands ustar (with its name prefix), GNU long names ('L', 'K') and PAX 'x' records
// (path, linkpath, size): what docker, podman, skopeo and Go's archive/tar write.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { InputError } from "../../core/errors.js";
import { normalizeEntryPath } from "./paths.js";

const BLOCK = 512;
/** GNU long names and PAX records are read whole: bound them (paths are short; PAX records of interest too). */
const MAX_META_BODY = 1024 * 1024;

export type TarEntryType = "file" | "dir" | "symlink" | "hardlink" | "other";

export interface TarIndexEntry {
  path: string;
  type: TarEntryType;
  /** Offset of the body in the archive file. */
  offset: number;
  size: number;
  /** Symbolic and hard links: the target as written in the header. */
  linkTarget?: string;
}

export interface TarIndex {
  file: string;
  /** By normalized path; a later duplicate replaces an earlier one, as extraction would. */
  entries: Map<string, TarIndexEntry>;
}

function cString(block: Buffer, start: number, length: number): string {
  const end = block.indexOf(0, start);
  return block.toString("utf8", start, end < 0 || end > start + length ? start + length : end);
}

function octal(block: Buffer, start: number, length: number): number {
  const text = cString(block, start, length).trim();
  if (text === "") return 0;
  if (!/^[0-7]+$/.test(text)) return Number.NaN;
  return parseInt(text, 8);
}

/** Sizes above 8 GB are written in base 256 (GNU), flagged by the high bit of the first byte. */
function entrySize(block: Buffer): number {
  if ((block[124] ?? 0) & 0x80) {
    let n = 0;
    for (let i = 125; i < 136; i++) n = n * 256 + (block[i] ?? 0);
    return Number.isSafeInteger(n) ? n : Number.NaN;
  }
  return octal(block, 124, 12);
}

function checksumOk(block: Buffer): boolean {
  const expected = octal(block, 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (block[i] ?? 0);
  return sum === expected;
}

function isZeroBlock(block: Buffer): boolean {
  for (let i = 0; i < BLOCK; i++) if (block[i] !== 0) return false;
  return true;
}

/** PAX extended header records: "<length> <key>=<value>\n". */
export function parsePax(body: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(0x20, at);
    if (space < 0) break;
    const length = parseInt(body.toString("ascii", at, space), 10);
    if (!(length > 0) || at + length > body.length) break;
    const record = body.toString("utf8", space + 1, at + length - 1);
    const eq = record.indexOf("=");
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    at += length;
  }
  return out;
}

const HEADER_ONLY = new Set(["1", "2", "3", "4", "5", "6"]);

const TYPES: Record<string, TarEntryType> = { "0": "file", "\0": "file", "7": "file", "": "file", "1": "hardlink", "2": "symlink", "5": "dir" };

export function indexTar(file: string, maxEntries: number): TarIndex {
  const fd = openSync(file, "r");
  try {
    const fileSize = fstatSync(fd).size;
    const entries = new Map<string, TarIndexEntry>();
    const block = Buffer.alloc(BLOCK);
    const read = (buf: Buffer, offset: number): void => {
      if (readSync(fd, buf, 0, buf.length, offset) !== buf.length) throw new InputError(`${file}: truncated archive (ends inside an entry at byte ${offset})`);
    };
    let offset = 0;
    let count = 0;
    let longName: string | undefined;
    let longLink: string | undefined;
    let pax: Record<string, string> | undefined;
    while (offset + BLOCK <= fileSize) {
      read(block, offset);
      if (isZeroBlock(block)) break;
      if (!checksumOk(block)) {
        throw new InputError(offset === 0 ? `${file}: not a tar archive` : `${file}: corrupt tar header at byte ${offset}`);
      }
      if (++count > maxEntries) throw new InputError(`${file}: more than ${maxEntries} archive entries (limits.maxArchiveEntries)`);
      const flag = String.fromCharCode(block[156] ?? 0);
      let size = entrySize(block);
      if (Number.isNaN(size)) throw new InputError(`${file}: corrupt tar header at byte ${offset} (size)`);
      const body = offset + BLOCK;
      if (flag === "L" || flag === "K" || flag === "x") {
        if (size > MAX_META_BODY) throw new InputError(`${file}: tar extended header of ${size} bytes at byte ${offset} is too large`);
        const data = Buffer.alloc(size);
        read(data, body);
        if (flag === "L") longName = cString(data, 0, size);
        else if (flag === "K") longLink = cString(data, 0, size);
        else pax = { ...pax, ...parsePax(data) };
        offset = body + Math.ceil(size / BLOCK) * BLOCK;
        continue;
      }
      let name = cString(block, 0, 100);
      // The prefix field exists in POSIX ustar only; GNU tar ("ustar  ") keeps other data there.
      if (block.toString("latin1", 257, 263) === "ustar\0") {
        const prefix = cString(block, 345, 155);
        if (prefix) name = `${prefix}/${name}`;
      }
      let linkTarget = cString(block, 157, 100);
      if (longName !== undefined) name = longName;
      if (longLink !== undefined) linkTarget = longLink;
      if (pax?.path !== undefined) name = pax.path;
      if (pax?.linkpath !== undefined) linkTarget = pax.linkpath;
      if (pax?.size !== undefined) size = Number(pax.size);
      longName = longLink = pax = undefined;
      if (!Number.isSafeInteger(size) || size < 0) throw new InputError(`${file}: corrupt tar header at byte ${offset} (size)`);
      const type = TYPES[flag] ?? "other";
      // Links, devices, directories and FIFOs carry no body even when a size is written (as Go's archive/tar reads them).
      const bodySize = HEADER_ONLY.has(flag) ? 0 : size;
      if (body + bodySize > fileSize) throw new InputError(`${file}: truncated archive (entry ${JSON.stringify(name)} ends past the end of the file)`);
      const path = normalizeEntryPath(name);
      if (path !== undefined && path !== "") {
        const entry: TarIndexEntry = { path, type, offset: body, size: bodySize };
        if (type === "symlink" || type === "hardlink") entry.linkTarget = linkTarget;
        entries.set(path, entry);
      }
      offset = body + Math.ceil(bodySize / BLOCK) * BLOCK;
    }
    return { file, entries };
  } finally {
    closeSync(fd);
  }
}
