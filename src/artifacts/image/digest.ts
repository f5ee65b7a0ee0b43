// Content addresses are checked while the bytes stream past: a blob that does not hash to the
// digest that names it is refused by name, whatever was already read from it.
import { createHash, type Hash } from "node:crypto";
import { pipeline, Transform, type TransformCallback } from "node:stream";
import { InputError } from "../../core/errors.js";

export type DigestAlgorithm = "sha256" | "sha512";

const HEX_LENGTH: Record<DigestAlgorithm, number> = { sha256: 64, sha512: 128 };

export function parseDigest(digest: string): { algorithm: DigestAlgorithm; hex: string } | undefined {
  const colon = digest.indexOf(":");
  const algorithm = digest.slice(0, colon);
  const hex = digest.slice(colon + 1);
  if (algorithm !== "sha256" && algorithm !== "sha512") return undefined;
  if (hex.length !== HEX_LENGTH[algorithm] || !/^[0-9a-f]+$/.test(hex)) return undefined;
  return { algorithm, hex };
}

export class DigestMismatchError extends InputError {
  constructor(
    readonly what: string,
    readonly digest: string,
    detail = "content does not match its digest",
  ) {
    super(`${what} ${digest}: ${detail}`);
    this.name = "DigestMismatchError";
  }
}

/** Passes bytes through and fails at the end when they do not hash to `digest` (or have another size than `size`). */
export class DigestVerifier extends Transform {
  private readonly hash: Hash;
  private readonly hex: string;
  private seen = 0;

  constructor(
    private readonly what: string,
    private readonly digest: string,
    private readonly size?: number,
  ) {
    super();
    const parsed = parseDigest(digest);
    if (!parsed) throw new InputError(`${what} ${digest}: not a sha256 or sha512 digest`);
    this.hash = createHash(parsed.algorithm);
    this.hex = parsed.hex;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    if (this.size !== undefined && this.seen > this.size) {
      done(new DigestMismatchError(this.what, this.digest, `larger than its declared size of ${this.size} bytes`));
      return;
    }
    this.hash.update(chunk);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.size !== undefined && this.seen !== this.size) done(new DigestMismatchError(this.what, this.digest, `${this.seen} bytes, not its declared ${this.size}`));
    else if (this.hash.digest("hex") !== this.hex) done(new DigestMismatchError(this.what, this.digest));
    else done();
  }
}

/** `source` verified against `digest` as it is read; the returned stream fails at its end on a mismatch. */
export function verified(source: NodeJS.ReadableStream, what: string, digest: string, size?: number): NodeJS.ReadableStream {
  return pipeline(source, new DigestVerifier(what, digest, size), () => {
    // Errors surface on the returned stream, which pipeline destroys with them.
  });
}

/** The sha256 digest of everything `source` yields. */
export async function sha256Of(source: NodeJS.ReadableStream): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of source) hash.update(chunk as Buffer);
  return `sha256:${hash.digest("hex")}`;
}

export function sha256OfBuffer(data: Buffer): string {
  return `sha256:${createHash("sha256").update(data).digest("hex")}`;
}
