// Berkeley DB hash databases: var/lib/rpm/Packages before rpm 4.16 (CentOS 7/8, RHEL 7/8, older
// Fedora and SUSE). Read by hand because no maintained JavaScript Berkeley DB reader exists, and
// libdb itself is unmaintained upstream; rpm ≥ 4.16 reads these files the same way (bdb_ro).
// Format facts (Berkeley DB's db_page.h and hash.h): page 0 is the hash meta page (magic, page
// size, last page, max bucket, spares); each bucket is a chain of hash pages of key/value pairs;
// a value too big for its page lies in a chain of overflow pages. rpm keys each header blob by its
// 4-byte instance number; instance 0 holds a counter, not a header.

export class BdbError extends Error {}

const HASH_MAGIC = 0x00061561;
const META_SIZE = 512;
const PAGE_HEADER = 26;
const P_HASH_UNSORTED = 2;
const P_OVERFLOW = 7;
const P_HASH = 13;
const H_KEYDATA = 1;
const H_OFFPAGE = 3;

export function isBdbHash(buf: Buffer): boolean {
  return buf.length >= META_SIZE && (buf.readUInt32LE(12) === HASH_MAGIC || buf.readUInt32BE(12) === HASH_MAGIC);
}

/** Number of bits in n: BDB's bucket-to-page mapping indexes spares by it. */
function bitLength(n: number): number {
  let bits = 0;
  for (let b = n; b > 0; b >>>= 1) bits++;
  return bits;
}

class HashFile {
  readonly le: boolean;
  readonly pageSize: number;
  readonly lastPage: number;
  readonly maxBucket: number;
  readonly spares: number[] = [];

  constructor(readonly buf: Buffer) {
    if (!isBdbHash(buf)) throw new BdbError("not a Berkeley DB hash database");
    // The file is in its writer's byte order: the magic tells which.
    this.le = buf.readUInt32LE(12) === HASH_MAGIC;
    const version = this.u32(16);
    if (version < 8 || version > 10) throw new BdbError(`unsupported hash version ${version}`);
    this.pageSize = this.u32(20);
    if (this.pageSize < 512 || this.pageSize > 65536 || (this.pageSize & (this.pageSize - 1)) !== 0) throw new BdbError(`bad page size ${this.pageSize}`);
    this.lastPage = Math.min(this.u32(32), Math.floor(buf.length / this.pageSize) - 1);
    this.maxBucket = this.u32(72);
    if (this.maxBucket > this.lastPage) throw new BdbError(`max bucket ${this.maxBucket} past the last page`);
    for (let i = 0; i < 32; i++) this.spares.push(this.u32(96 + i * 4));
  }

  u32(at: number): number {
    return this.le ? this.buf.readUInt32LE(at) : this.buf.readUInt32BE(at);
  }

  u16(at: number): number {
    return this.le ? this.buf.readUInt16LE(at) : this.buf.readUInt16BE(at);
  }

  /** Byte offset of a page, after checking that it exists and says it is that page. */
  page(pgno: number): number {
    if (pgno === 0 || pgno > this.lastPage) throw new BdbError(`page ${pgno} out of range`);
    const at = pgno * this.pageSize;
    if (this.u32(at + 8) !== pgno) throw new BdbError(`page ${pgno} does not carry its own number`);
    return at;
  }

  /** A value stored in overflow pages: each holds hf_offset bytes after its header and links to the next. */
  overflow(first: number, length: number): Buffer {
    if (length === 0 || length > this.buf.length) throw new BdbError(`overflow item of ${length} bytes`);
    const out = Buffer.allocUnsafe(length);
    let filled = 0;
    let pgno = first;
    for (let steps = 0; filled < length; steps++) {
      if (steps > this.lastPage) throw new BdbError("overflow chain loops");
      const at = this.page(pgno);
      if (this.buf[at + 25] !== P_OVERFLOW) throw new BdbError(`page ${pgno} is not an overflow page`);
      const onPage = this.u16(at + 22);
      if (onPage === 0 || PAGE_HEADER + onPage > this.pageSize || onPage > length - filled) throw new BdbError(`overflow page ${pgno} holds ${onPage} bytes`);
      this.buf.copy(out, filled, at + PAGE_HEADER, at + PAGE_HEADER + onPage);
      filled += onPage;
      pgno = this.u32(at + 16);
    }
    return out;
  }

  item(page: number, off: number, len: number): Buffer {
    if (len <= 0 || off < PAGE_HEADER || off + len > this.pageSize) throw new BdbError("item out of its page");
    const at = page + off;
    const type = this.buf[at];
    if (type === H_KEYDATA) return this.buf.subarray(at + 1, at + len);
    if (type === H_OFFPAGE && len === 12) return this.overflow(this.u32(at + 4), this.u32(at + 8));
    throw new BdbError(`unsupported hash item type ${type ?? "?"}`);
  }

  /** The values of one hash page's key/value pairs; entry i spans from its offset to entry i-1's (page end for the first). */
  *pairs(page: number): Generator<{ key: Buffer; value: Buffer }> {
    const entries = this.u16(page + 20);
    if (entries > (this.pageSize - PAGE_HEADER) / 2) throw new BdbError("hash page entry count out of range");
    const offset = (i: number): number => this.u16(page + PAGE_HEADER + 2 * i);
    for (let i = 0; i + 1 < entries; i += 2) {
      const keyOff = offset(i);
      const valueOff = offset(i + 1);
      const keyEnd = i === 0 ? this.pageSize : offset(i - 1);
      yield { key: this.item(page, keyOff, keyEnd - keyOff), value: this.item(page, valueOff, keyOff - valueOff) };
    }
  }
}

/**
 * The values of every key/value pair, bucket by bucket. A broken bucket chain is reported through
 * `warn` and the other buckets are still read.
 */
export function* bdbHashValues(buf: Buffer, warn: (message: string) => void): Generator<Buffer> {
  const db = new HashFile(buf);
  const seen = new Uint8Array(db.lastPage + 1);
  for (let bucket = 0; bucket <= db.maxBucket; bucket++) {
    let pgno = bucket + (db.spares[bitLength(bucket)] ?? 0);
    try {
      while (pgno !== 0) {
        if (pgno > db.lastPage || seen[pgno]) throw new BdbError(`bucket ${bucket}: page ${pgno} out of range or seen before`);
        seen[pgno] = 1;
        const page = db.page(pgno);
        const type = db.buf[page + 25];
        if (type !== P_HASH && type !== P_HASH_UNSORTED) throw new BdbError(`bucket ${bucket}: page ${pgno} is not a hash page`);
        for (const { key, value } of db.pairs(page)) {
          if (key.length === 4 && key.readUInt32LE(0) === 0) continue;
          yield value;
        }
        pgno = db.u32(page + 16);
      }
    } catch (e) {
      if (!(e instanceof BdbError)) throw e;
      warn(e.message);
    }
  }
}
