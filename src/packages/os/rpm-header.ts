// An RPM header blob as every rpmdb format stores it (rpm's doc/manual/format.md, hregions.md):
// big-endian; index count il and data length dl, il entries of 16 bytes (tag, type, offset, count),
// then dl bytes of data. Only the tags a package inventory needs are read. Every offset and count
// comes from the scanned file: each is checked against the data before it is used.

/** Tag numbers (rpmtag.h). */
const TAG = {
  name: 1000,
  version: 1001,
  release: 1002,
  epoch: 1003,
  license: 1014,
  arch: 1022,
  oldFilenames: 1027,
  sourceRpm: 1044,
  dirIndexes: 1116,
  baseNames: 1117,
  dirNames: 1118,
} as const;

/** Entry types (rpmtag.h). */
const TYPE = { int32: 4, string: 6, stringArray: 8, i18nString: 9 } as const;

// rpm's own sanity bounds on headers (hdrchkTags, hdrchkData).
const MAX_ENTRIES = 0xffff;
const MAX_DATA = 0x0fffffff;

export interface RpmHeader {
  name: string;
  version: string;
  release: string;
  epoch?: number;
  arch?: string;
  license?: string;
  sourceRpm?: string;
  /** Absolute paths of the package's files and directories. */
  files: string[];
}

export class RpmHeaderError extends Error {}

interface Entry {
  type: number;
  offset: number;
  count: number;
}

class HeaderReader {
  private readonly entries = new Map<number, Entry>();
  private readonly data: Buffer;

  constructor(blob: Buffer) {
    if (blob.length < 8) throw new RpmHeaderError("header shorter than its 8-byte intro");
    const il = blob.readUInt32BE(0);
    const dl = blob.readUInt32BE(4);
    if (il === 0 || il > MAX_ENTRIES) throw new RpmHeaderError(`header index count ${il} out of range`);
    if (dl > MAX_DATA) throw new RpmHeaderError(`header data length ${dl} out of range`);
    const dataStart = 8 + il * 16;
    if (dataStart + dl > blob.length) throw new RpmHeaderError("header truncated");
    this.data = blob.subarray(dataStart, dataStart + dl);
    for (let i = 0; i < il; i++) {
      const at = 8 + i * 16;
      const tag = blob.readUInt32BE(at);
      // A tag repeated after the immutable region (a "dribble" entry) does not replace the original.
      if (this.entries.has(tag)) continue;
      this.entries.set(tag, { type: blob.readUInt32BE(at + 4), offset: blob.readUInt32BE(at + 8), count: blob.readUInt32BE(at + 12) });
    }
  }

  private stringAt(offset: number): { value: string; end: number } {
    if (offset >= this.data.length) throw new RpmHeaderError("string offset out of range");
    const nul = this.data.indexOf(0, offset);
    if (nul < 0) throw new RpmHeaderError("unterminated string");
    return { value: this.data.toString("utf8", offset, nul), end: nul + 1 };
  }

  string(tag: number): string | undefined {
    const e = this.entries.get(tag);
    if (e === undefined) return undefined;
    // An i18n string holds one translation a locale; the first is the untranslated text.
    if (e.type !== TYPE.string && e.type !== TYPE.i18nString && e.type !== TYPE.stringArray) throw new RpmHeaderError(`tag ${tag} is not a string`);
    return this.stringAt(e.offset).value;
  }

  strings(tag: number): string[] | undefined {
    const e = this.entries.get(tag);
    if (e === undefined) return undefined;
    if (e.type !== TYPE.stringArray) throw new RpmHeaderError(`tag ${tag} is not a string array`);
    // Each string takes at least its NUL: a larger count cannot fit the data.
    if (e.count > this.data.length) throw new RpmHeaderError(`tag ${tag} count out of range`);
    const out: string[] = new Array<string>(e.count);
    let at = e.offset;
    for (let i = 0; i < e.count; i++) {
      const s = this.stringAt(at);
      out[i] = s.value;
      at = s.end;
    }
    return out;
  }

  int32s(tag: number): number[] | undefined {
    const e = this.entries.get(tag);
    if (e === undefined) return undefined;
    if (e.type !== TYPE.int32) throw new RpmHeaderError(`tag ${tag} is not int32`);
    if (e.count > (this.data.length - Math.min(e.offset, this.data.length)) / 4) throw new RpmHeaderError(`tag ${tag} runs past the data`);
    const out: number[] = new Array<number>(e.count);
    for (let i = 0; i < e.count; i++) out[i] = this.data.readInt32BE(e.offset + i * 4);
    return out;
  }
}

function fileList(h: HeaderReader): string[] {
  const baseNames = h.strings(TAG.baseNames);
  if (baseNames === undefined) return h.strings(TAG.oldFilenames) ?? [];
  const dirNames = h.strings(TAG.dirNames) ?? [];
  const dirIndexes = h.int32s(TAG.dirIndexes) ?? [];
  if (dirIndexes.length !== baseNames.length) throw new RpmHeaderError("file list: dirindexes and basenames differ in length");
  return baseNames.map((base, i) => {
    const dir = dirNames[dirIndexes[i] ?? -1];
    if (dir === undefined) throw new RpmHeaderError("file list: directory index out of range");
    return dir + base;
  });
}

/** Reads the package fields of one header blob; throws RpmHeaderError on a malformed one. */
export function parseRpmHeader(blob: Buffer, withFiles = true): RpmHeader {
  const h = new HeaderReader(blob);
  const name = h.string(TAG.name);
  const version = h.string(TAG.version);
  if (!name || version === undefined) throw new RpmHeaderError("header without name or version");
  const header: RpmHeader = { name, version, release: h.string(TAG.release) ?? "", files: withFiles ? fileList(h) : [] };
  const epoch = h.int32s(TAG.epoch)?.[0];
  if (epoch !== undefined) header.epoch = epoch;
  const arch = h.string(TAG.arch);
  if (arch) header.arch = arch;
  const license = h.string(TAG.license);
  if (license) header.license = license;
  const sourceRpm = h.string(TAG.sourceRpm);
  if (sourceRpm) header.sourceRpm = sourceRpm;
  return header;
}
