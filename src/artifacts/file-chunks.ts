// A file of a directory scan read as a stream, for analyzers that take files too large to hold:
// chunk by chunk, at most `maxBytes` (the size the walk saw: a file that grows is not followed),
// with the checks of readFileBounded (a regular file, no blocking on a FIFO). Stopping the loop
// early closes the file.
import { closeSync, constants as fsConstants, fstatSync, openSync, readSync } from "node:fs";
import { UnreadableFile } from "./textfile.js";

const CHUNK = 1024 * 1024;

export async function* fileChunks(path: string, maxBytes: number, chunkSize = CHUNK): AsyncGenerator<Buffer> {
  const fd = openSync(path, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) throw new UnreadableFile("not a regular file");
    for (let at = 0; at < maxBytes; ) {
      // A new buffer each time: an analyzer may look at a chunk after the next one is read.
      const buf = Buffer.allocUnsafe(Math.min(chunkSize, maxBytes - at));
      const n = readSync(fd, buf, 0, buf.length, at);
      if (n === 0) return;
      at += n;
      yield n === buf.length ? buf : buf.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}
