// Bounds-checked reads of executable headers. Every offset in a scanned binary comes from the file
// itself, so every read is checked: a lie ends in a MalformedBinary naming what was out of range,
// never in an exception from Buffer or in silently wrong numbers.

/** A header that contradicts itself or the file size; the caller turns it into an InputError naming the file. */
export class MalformedBinary extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "MalformedBinary";
  }
}

export class ByteReader {
  constructor(
    readonly buf: Buffer,
    readonly littleEndian: boolean,
  ) {}

  private check(offset: number, size: number, what: string): void {
    if (!Number.isSafeInteger(offset) || offset < 0 || offset + size > this.buf.length) {
      throw new MalformedBinary(`${what} at offset ${offset} lies past the end of the file (${this.buf.length} bytes; truncated?)`);
    }
  }

  u8(offset: number, what: string): number {
    this.check(offset, 1, what);
    return this.buf[offset] as number;
  }

  u16(offset: number, what: string): number {
    this.check(offset, 2, what);
    return this.littleEndian ? this.buf.readUInt16LE(offset) : this.buf.readUInt16BE(offset);
  }

  u32(offset: number, what: string): number {
    this.check(offset, 4, what);
    return this.littleEndian ? this.buf.readUInt32LE(offset) : this.buf.readUInt32BE(offset);
  }

  /**
   * A 64-bit value as a number. Values past 2^53 become Infinity: no real file offset, size or
   * address of a scanned binary is that large, and Infinity fails every later range check
   * (where NaN would pass them).
   */
  u64(offset: number, what: string): number {
    this.check(offset, 8, what);
    const v = this.littleEndian ? this.buf.readBigUInt64LE(offset) : this.buf.readBigUInt64BE(offset);
    return v > BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(v);
  }

  /** 32- or 64-bit word. */
  word(offset: number, bits: 32 | 64, what: string): number {
    return bits === 64 ? this.u64(offset, what) : this.u32(offset, what);
  }

  /** A fixed-size, NUL-padded name field (Mach-O, PE). */
  fixedName(offset: number, size: number, what: string): string {
    this.check(offset, size, what);
    const field = this.buf.subarray(offset, offset + size);
    const nul = field.indexOf(0);
    return field.subarray(0, nul < 0 ? size : nul).toString("latin1");
  }

  /** Whether [offset, offset+size) lies inside the file. */
  contains(offset: number, size: number): boolean {
    return Number.isSafeInteger(offset) && Number.isSafeInteger(size) && offset >= 0 && size >= 0 && offset + size <= this.buf.length;
  }
}

/** A NUL-terminated name inside a string table, at most `max` bytes long. */
export function cString(table: Buffer, offset: number, max = 256): string | undefined {
  if (offset < 0 || offset >= table.length) return undefined;
  // Searched within the bound only: thousands of names pointing into one huge unterminated table
  // must not cost a scan of the table each.
  const window = table.subarray(offset, offset + max + 1);
  const end = window.indexOf(0);
  if (end < 0) return window.length <= max ? window.toString("latin1") : undefined;
  return window.subarray(0, end).toString("latin1");
}
