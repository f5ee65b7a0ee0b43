// Go build information read from an executable as it streams past, for files too large to hold
// whole (the buffered reader is go-buildinfo.ts). The file is searched for the header at 16-byte
// aligned file offsets, as the buffered reader's whole-file search does; what is held is a few
// bytes of carry between chunks and, once a header is found, the header and its strings (at most
// about 8 MB of module text). Only the Go 1.18+ inline form can be read this way: the older form
// points into segments anywhere in the file, so such a file gives no result (and no warning).
import {
  ALIGN,
  decodeInline,
  MAGIC,
  MAX_CANDIDATES,
  mayBeGoExecutable,
  type GoBuildInfoRaw,
} from "./go-buildinfo.js";

/** Bytes of the file looked at before the search: enough for every executable magic. */
const HEAD = 8;

/** A header found at file offset `at`: its bytes gathered, only as many as decoding asks for. */
class Candidate {
  private parts: Buffer[] = [];
  private have = 0;
  private need = 0;
  /** Bytes taken from the last add()'s chunk; the rest lies beyond what the header needed. */
  taken = 0;

  constructor(readonly at: number) {}

  /** Takes the bytes it needs (copied: a source may reuse its buffers) and decides when it can. */
  add(chunk: Buffer, eof: boolean): GoBuildInfoRaw | "more" | "reject" {
    this.taken = 0;
    for (;;) {
      const n = Math.min(Math.max(this.need - this.have, 0), chunk.length - this.taken);
      if (n > 0) {
        this.parts.push(Buffer.from(chunk.subarray(this.taken, this.taken + n)));
        this.have += n;
        this.taken += n;
      }
      if (this.have < this.need && !eof) return "more";
      const verdict = decodeInline(this.bytes(), eof);
      if (typeof verdict !== "object" || !("need" in verdict)) return verdict;
      // Asked only while the bytes fall short of it, so the loop always moves on.
      this.need = verdict.need;
    }
  }

  bytes(): Buffer {
    if (this.parts.length !== 1) this.parts = [Buffer.concat(this.parts)];
    return this.parts[0] as Buffer;
  }
}

/**
 * Feed it the file's bytes in order (write), then end(): the build information, or undefined when
 * the file is no executable, has none, or has only the pre-1.18 form. write() returns true once
 * nothing more is needed.
 */
export class GoBuildInfoScanner {
  /** File offset of the next byte written. */
  private offset = 0;
  private head: Buffer = Buffer.alloc(0);
  /** The last bytes already searched, kept for a magic that spans two chunks. */
  private carry: Buffer = Buffer.alloc(0);
  private candidate: Candidate | undefined;
  private tried = 0;
  private eof = false;
  private found: GoBuildInfoRaw | undefined;
  private finished = false;

  write(chunk: Buffer): boolean {
    if (this.finished || chunk.length === 0) return this.finished;
    if (this.offset === 0) {
      if (this.head.length + chunk.length < HEAD) {
        this.head = Buffer.concat([this.head, chunk]);
        return false;
      }
      if (this.head.length > 0) chunk = Buffer.concat([this.head, chunk]);
      this.head = Buffer.alloc(0);
      if (!mayBeGoExecutable(chunk)) return this.finish();
    }
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const base = this.offset - this.carry.length;
    this.offset += chunk.length;
    this.carry = Buffer.alloc(0);
    this.search(data, base);
    return this.finished;
  }

  end(): GoBuildInfoRaw | undefined {
    if (!this.finished) {
      this.eof = true;
      // A header still gathering its strings decides on what it has.
      if (this.candidate) this.search(Buffer.alloc(0), this.offset);
      this.finish();
    }
    return this.found;
  }

  private finish(): true {
    this.finished = true;
    this.candidate = undefined;
    this.carry = Buffer.alloc(0);
    return true;
  }

  /** `data` starts at file offset `base`; a pending candidate takes what it needs of it. */
  private search(data: Buffer, base: number): void {
    let from = 0;
    while (!this.finished) {
      const candidate = this.candidate;
      if (candidate) {
        const input = from === 0 ? data : data.subarray(from);
        const verdict = candidate.add(input, this.eof);
        if (verdict === "more") return;
        if (verdict !== "reject") {
          this.found = verdict;
          this.finish();
          return;
        }
        // Not a header after all (at most a KB gathered): that and the rest of the chunk may hold the next one.
        this.candidate = undefined;
        data = Buffer.concat([candidate.bytes().subarray(1), input.subarray(candidate.taken)]);
        base = candidate.at + 1;
        from = 0;
        continue;
      }
      const at = data.indexOf(MAGIC, from);
      if (at < 0) {
        if (!this.eof) this.carry = Buffer.from(data.subarray(Math.max(from, data.length - (MAGIC.length - 1))));
        return;
      }
      if ((base + at) % ALIGN === 0) {
        if (this.tried++ >= MAX_CANDIDATES) {
          this.finish();
          return;
        }
        this.candidate = new Candidate(base + at);
        from = at;
      } else from = at + 1;
    }
  }
}
