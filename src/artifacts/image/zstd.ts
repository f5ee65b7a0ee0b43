// zstd-compressed layers. Node.js ≥ 22.15 decompresses zstd natively (bounded window, fast); on
// older versions fzstd does it in JavaScript. fzstd trusts the frame: it allocates whatever window
// the header claims (up to 2 GB) and moves that whole window for every block it decodes, so a small
// hostile frame with a huge window, or with millions of one-byte blocks, costs gigabytes or hours.
// The frame walker below reads the frame and block headers first, refuses windows above the limit
// and blocks larger than the format allows, feeds fzstd one block at a time (so at most 128 KB come
// out per step, and backpressure holds), and stops when the window moves outweigh the output.
import type { Transform } from "node:stream";
import * as zlib from "node:zlib";
import { Decompress } from "fzstd";
import { formatBytes } from "../textfile.js";

const ZSTD_MAGIC = 0xfd2fb528;
const MAX_BLOCK = 128 * 1024;
/** Bytes of window moved per byte of output, at most: a well-formed stream of 128 KB blocks with an 8 MB window moves 64. */
const MAX_MOVE_RATIO = 256;

type NativeFactory = (options?: object) => Transform;

/** The native decompressor where this Node.js has one. */
export function nativeZstd(): NativeFactory | undefined {
  const factory = (zlib as unknown as { createZstdDecompress?: NativeFactory }).createZstdDecompress;
  return typeof factory === "function" ? factory : undefined;
}

export class ZstdError extends Error {
  constructor(message: string) {
    super(`zstd: ${message}`);
    this.name = "ZstdError";
  }
}

type State = "magic" | "descriptor" | "header" | "skipSize" | "skip" | "blockHeader" | "blockBody" | "checksum";

/** States whose bytes are passed over rather than collected. */
const PASSED_OVER = new Set<State>(["skip", "blockBody", "checksum"]);

function littleEndian(bytes: readonly number[], from: number, n: number): number {
  let v = 0;
  for (let k = n - 1; k >= 0; k--) v = v * 256 + (bytes[from + k] ?? 0);
  return v;
}

/** Tracks frame and block boundaries (RFC 8878) without decoding anything. */
class FrameWalker {
  private state: State = "magic";
  private need = 4;
  private readonly field: number[] = [];
  private descriptor = 0;
  private lastBlock = false;
  /** Window of the current frame, in bytes. */
  window = 0;

  constructor(private readonly maxWindow: number) {}

  get atFrameBoundary(): boolean {
    return this.state === "magic" && this.field.length === 0;
  }

  /** Calls onBlockEnd(offset) after the last byte of each block in `chunk`. */
  feed(chunk: Uint8Array, onBlockEnd: (end: number) => void): void {
    let i = 0;
    while (i < chunk.length) {
      if (PASSED_OVER.has(this.state)) {
        const take = Math.min(this.need, chunk.length - i);
        i += take;
        this.need -= take;
        if (this.need > 0) continue;
        if (this.state === "blockBody") this.endBlock(i, onBlockEnd);
        else this.go("magic", 4);
        continue;
      }
      this.field.push(chunk[i++] as number);
      if (this.field.length === this.need) this.endField(this.field.splice(0), i, onBlockEnd);
    }
  }

  private go(state: State, need: number): void {
    this.state = state;
    this.need = need;
  }

  private endBlock(at: number, onBlockEnd: (end: number) => void): void {
    onBlockEnd(at);
    if (!this.lastBlock) this.go("blockHeader", 3);
    else if (this.descriptor & 0x04) this.go("checksum", 4);
    else this.go("magic", 4);
  }

  private endField(f: number[], at: number, onBlockEnd: (end: number) => void): void {
    switch (this.state) {
      case "magic": {
        const magic = littleEndian(f, 0, 4);
        if (magic === ZSTD_MAGIC) this.go("descriptor", 1);
        else if (magic >>> 4 === 0x184d2a5) this.go("skipSize", 4);
        else throw new ZstdError("not a zstd frame");
        return;
      }
      case "skipSize": {
        const n = littleEndian(f, 0, 4);
        this.go(n === 0 ? "magic" : "skip", n === 0 ? 4 : n);
        return;
      }
      case "descriptor": {
        this.descriptor = f[0] ?? 0;
        if (this.descriptor & 0x08) throw new ZstdError("reserved bit set in the frame header");
        const { headerSize } = this.layout();
        if (headerSize === 0) this.endHeader([]);
        else this.go("header", headerSize);
        return;
      }
      case "header":
        this.endHeader(f);
        return;
      case "blockHeader": {
        const v = littleEndian(f, 0, 3);
        const type = (v >> 1) & 3;
        const size = v >>> 3;
        if (type === 3) throw new ZstdError("reserved block type");
        // For RLE blocks the size is what comes out: bounding it bounds every step's output.
        if (size > Math.min(this.window, MAX_BLOCK)) throw new ZstdError(`block of ${size} bytes is larger than the format allows`);
        this.lastBlock = (v & 1) === 1;
        const body = type === 1 ? 1 : size;
        if (body === 0) this.endBlock(at, onBlockEnd);
        else this.go("blockBody", body);
        return;
      }
      default:
        return;
    }
  }

  private layout(): { single: boolean; dictSize: number; fcsSize: number; headerSize: number } {
    const d = this.descriptor;
    const single = (d & 0x20) !== 0;
    const dictSize = [0, 1, 2, 4][d & 3] ?? 0;
    const fcsSize = [single ? 1 : 0, 2, 4, 8][d >> 6] ?? 0;
    return { single, dictSize, fcsSize, headerSize: (single ? 0 : 1) + dictSize + fcsSize };
  }

  private endHeader(f: number[]): void {
    const { single, dictSize, fcsSize } = this.layout();
    let at = 0;
    if (!single) {
      const wd = f[0] ?? 0;
      const base = 2 ** (10 + (wd >> 3));
      this.window = base + (base / 8) * (wd & 7);
      at = 1;
    }
    if (dictSize > 0 && littleEndian(f, at, dictSize) !== 0) throw new ZstdError("frames that need a dictionary are not supported");
    if (single) this.window = littleEndian(f, at + dictSize, fcsSize) + (this.descriptor >> 6 === 1 ? 256 : 0);
    if (this.window > this.maxWindow) {
      throw new ZstdError(
        `window of ${formatBytes(this.window)} is larger than the ${formatBytes(this.maxWindow)} this Node.js decompresses (limits.maxZstdWindow; Node.js 22.15 and later decompress zstd natively)`,
      );
    }
    this.go("blockHeader", 3);
  }
}

/** A pipeline stage decompressing zstd in JavaScript, bounded as described above. */
export function zstdStage(maxWindow: number): (source: AsyncIterable<Buffer>) => AsyncGenerator<Buffer> {
  return async function* decompress(source) {
    const out: Buffer[] = [];
    const decoder = new Decompress((data) => {
      if (data.length > 0) out.push(Buffer.from(data.buffer, data.byteOffset, data.length));
    });
    const walker = new FrameWalker(maxWindow);
    let produced = 0;
    let moved = 0;
    const push = (data: Uint8Array, final = false): void => {
      try {
        decoder.push(data, final);
      } catch (e) {
        throw new ZstdError((e as Error).message || "corrupt data");
      }
    };
    for await (const chunk of source) {
      let start = 0;
      const ends: number[] = [];
      walker.feed(chunk, (end) => ends.push(end));
      for (const end of ends) {
        push(chunk.subarray(start, end));
        start = end;
        moved += walker.window;
        for (const b of out.splice(0)) {
          produced += b.length;
          yield b;
        }
        if (moved > MAX_MOVE_RATIO * (produced + MAX_BLOCK)) throw new ZstdError("too many small blocks for their window (a decompression bomb?)");
      }
      if (start < chunk.length) push(chunk.subarray(start));
    }
    if (!walker.atFrameBoundary) throw new ZstdError("unexpected end of data (truncated)");
    push(new Uint8Array(0), true);
    yield* out.splice(0);
  };
}
