// rpm's own "ndb" package database, var/lib/rpm/Packages.db (SUSE since 15 SP3, openSUSE). Format
// facts from rpm's lib/backend/ndb/rpmpkg.c: all numbers little-endian; a 32-byte header ("RpmP",
// version 0, generation, slot page count, next package index); slot pages of 4096 bytes holding
// 16-byte slots ("Slot", package index, block offset, block count; offset 0 is a free slot) after
// the header; each package a blob in 16-byte blocks: a 16-byte head ("BlbS", package index,
// timestamp, length), the header blob, padding, and a 12-byte tail (Adler-32 of everything before
// it, length, "BlbE").

export class NdbError extends Error {}

const HEADER_MAGIC = 0x506d7052; // "RpmP"
const SLOT_MAGIC = 0x746f6c53; // "Slot"
const HEAD_MAGIC = 0x53626c42; // "BlbS"
const TAIL_MAGIC = 0x45626c42; // "BlbE"
const HEADER_SIZE = 32;
const PAGE_SIZE = 4096;
const SLOT_SIZE = 16;
const BLOCK = 16;
const HEAD_SIZE = 16;
const TAIL_SIZE = 12;

export function isNdb(buf: Buffer): boolean {
  return buf.length >= HEADER_SIZE && buf.readUInt32LE(0) === HEADER_MAGIC;
}

export function adler32(buf: Buffer): number {
  let a = 1;
  let b = 0;
  // Reduced every 5552 bytes as RFC 1950 does: the sums stay small integers.
  for (let start = 0; start < buf.length; start += 5552) {
    const end = Math.min(start + 5552, buf.length);
    for (let i = start; i < end; i++) {
      a += buf[i] as number;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

interface Slot {
  pkgIdx: number;
  blkOff: number;
  blkCnt: number;
}

function readSlots(buf: Buffer): Slot[] {
  if (!isNdb(buf)) throw new NdbError("not an rpm ndb database");
  const version = buf.readUInt32LE(4);
  if (version !== 0) throw new NdbError(`unsupported ndb version ${version}`);
  const slotPages = buf.readUInt32LE(12);
  if (slotPages === 0 || slotPages * PAGE_SIZE > buf.length) throw new NdbError(`slot page count ${slotPages} does not fit the file`);
  const firstBlock = (slotPages * PAGE_SIZE) / BLOCK;
  const slots: Slot[] = [];
  for (let at = HEADER_SIZE; at < slotPages * PAGE_SIZE; at += SLOT_SIZE) {
    if (buf.readUInt32LE(at) !== SLOT_MAGIC) throw new NdbError(`bad slot at byte ${at}`);
    const blkOff = buf.readUInt32LE(at + 8);
    if (blkOff === 0) continue;
    const slot = { pkgIdx: buf.readUInt32LE(at + 4), blkOff, blkCnt: buf.readUInt32LE(at + 12) };
    if (slot.pkgIdx === 0 || slot.blkCnt === 0 || blkOff < firstBlock) throw new NdbError(`bad slot at byte ${at}`);
    slots.push(slot);
  }
  return slots.sort((x, y) => x.pkgIdx - y.pkgIdx);
}

function blob(buf: Buffer, slot: Slot): Buffer {
  const start = slot.blkOff * BLOCK;
  const end = start + slot.blkCnt * BLOCK;
  if (end > buf.length) throw new NdbError(`package ${slot.pkgIdx}: blob past the end of the file`);
  if (buf.readUInt32LE(start) !== HEAD_MAGIC || buf.readUInt32LE(start + 4) !== slot.pkgIdx) throw new NdbError(`package ${slot.pkgIdx}: bad blob head`);
  const length = buf.readUInt32LE(start + 12);
  if (slot.blkCnt !== Math.ceil((HEAD_SIZE + length + TAIL_SIZE) / BLOCK)) throw new NdbError(`package ${slot.pkgIdx}: blob length does not match its blocks`);
  const tail = end - TAIL_SIZE;
  if (buf.readUInt32LE(tail + 8) !== TAIL_MAGIC || buf.readUInt32LE(tail + 4) !== length) throw new NdbError(`package ${slot.pkgIdx}: bad blob tail`);
  if (buf.readUInt32LE(tail) !== adler32(buf.subarray(start, tail))) throw new NdbError(`package ${slot.pkgIdx}: checksum mismatch`);
  return buf.subarray(start + HEAD_SIZE, start + HEAD_SIZE + length);
}

/** The header blobs by package index; a damaged blob is reported through `warn` and skipped. */
export function* ndbHeaderBlobs(buf: Buffer, warn: (message: string) => void): Generator<Buffer> {
  for (const slot of readSlots(buf)) {
    try {
      yield blob(buf, slot);
    } catch (e) {
      if (!(e instanceof NdbError)) throw e;
      warn(e.message);
    }
  }
}
