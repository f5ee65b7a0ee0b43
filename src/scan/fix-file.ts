// Reading a file to fix and writing it back: the bytes read are kept, so the write can refuse a
// file that changed since; the line ending and a byte-order mark are kept; the new text goes to a
// temporary file beside the original, with its mode, and is renamed over it.
import { randomBytes } from "node:crypto";
import { chmod, chown, lstat, open, readFile, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { DEFAULT_MAX_TEXT_FILE } from "../artifacts/textfile.js";

export interface FixFile {
  abs: string;
  bytes: Buffer;
  text: string;
  lines: string[];
  eol: "\n" | "\r\n";
  bom: boolean;
  mode: number;
  uid: number;
  gid: number;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export async function readForFix(abs: string, maxBytes = DEFAULT_MAX_TEXT_FILE): Promise<FixFile> {
  const st = await lstat(abs);
  if (st.isSymbolicLink()) throw new Error("a symbolic link: not rewritten");
  if (!st.isFile()) throw new Error("not a regular file");
  if (st.size > maxBytes) throw new Error("larger than the file size limit");
  const bytes = await readFile(abs);
  if (bytes.length > maxBytes) throw new Error("larger than the file size limit");
  const bom = bytes.subarray(0, 3).equals(BOM);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes);
  } catch {
    throw new Error("not valid UTF-8: not rewritten");
  }
  const crlf = text.split("\r\n").length - 1;
  const lf = text.split("\n").length - 1;
  if (text.includes("\r") && crlf !== text.split("\r").length - 1) throw new Error("has bare carriage returns: not rewritten");
  if (crlf > 0 && crlf !== lf) throw new Error("mixes CRLF and LF line endings: not rewritten");
  const eol = crlf > 0 ? "\r\n" : "\n";
  return { abs, bytes, text, lines: text.split(eol), eol, bom, mode: st.mode & 0o7777, uid: st.uid, gid: st.gid };
}

/** The file's new content, in its own line ending and with its byte-order mark. */
export function encodeLines(file: FixFile, lines: readonly string[]): Buffer {
  const body = Buffer.from(lines.join(file.eol), "utf8");
  return file.bom ? Buffer.concat([BOM, body]) : body;
}

/** Writes the new lines unless the file changed since it was read; returns why not, if not. */
export async function writeIfUnchanged(file: FixFile, lines: readonly string[]): Promise<string | undefined> {
  const now = await readFile(file.abs).catch(() => undefined);
  if (!now || !now.equals(file.bytes)) return "changed since it was read: not rewritten";
  const tmp = join(dirname(file.abs), `.${basename(file.abs)}.mamori-fix-${randomBytes(6).toString("hex")}`);
  const handle = await open(tmp, "wx", file.mode);
  try {
    await handle.writeFile(encodeLines(file, lines));
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    // The umask may have narrowed the mode given to open(); the owner is kept where we may.
    await chown(tmp, file.uid, file.gid).catch(() => undefined);
    await chmod(tmp, file.mode);
    const again = await readFile(file.abs);
    if (!again.equals(file.bytes)) throw new Error("changed since it was read: not rewritten");
    await rename(tmp, file.abs);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    return (e as Error).message;
  }
  return undefined;
}
