import { InputError } from "../core/errors.js";

/** Reads standard input up to a bound: a hostile pipe must not exhaust memory. */
export async function readStdinBounded(maxBytes: number): Promise<Buffer> {
  if (process.stdin.isTTY) throw new InputError("-: standard input is a terminal; pipe a file into it");
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const b = chunk as Buffer;
    total += b.length;
    if (total > maxBytes) throw new InputError(`-: standard input is larger than the ${maxBytes} byte limit`);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}
