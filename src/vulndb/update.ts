// `mamori db update`: downloads osv.dev's per-ecosystem archives (`<source>/<ecosystem>/all.zip`)
// and imports each. Downloads are resumable (an interrupted one continues from its .part file with
// a Range request, guarded by If-Range so a changed archive restarts instead of splicing two
// versions) and checked before import: the size the server announced, the MD5/CRC32C it sent
// in x-goog-hash, and that the result opens as a zip. HTTP(S)_PROXY and NO_PROXY are honoured.
// The network is touched only here, and only when the user runs this command.
import { createHash } from "node:crypto";
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Dispatcher, fetch as undiciFetch } from "undici";
import { InputError } from "../core/errors.js";
import { mamoriVersion } from "../core/version.js";
import type { VulnDb } from "./db.js";
import { importOsv, type ImportResult } from "./import.js";
import { checkZip, type ZipLimits } from "./zip.js";

export const DEFAULT_OSV_SOURCE = "https://osv-vulnerabilities.storage.googleapis.com";

/** The ecosystems whose packages Mamori inventories: language registries, then distributions. */
export const DEFAULT_ECOSYSTEMS: readonly string[] = [
  "npm", "PyPI", "Go", "crates.io", "Maven", "RubyGems", "NuGet", "Packagist", "Pub", "Hex",
  "Debian", "Ubuntu", "Alpine", "Red Hat", "AlmaLinux", "Rocky Linux", "Wolfi", "Chainguard",
];

export interface UpdateOptions {
  /** Base URL of the archives (default: osv.dev's bucket). */
  source?: string;
  ecosystems?: readonly string[];
  /** Where downloads are kept until imported; default `vulndb-downloads/` beside the database. */
  downloadDir?: string;
  /** Overrides HTTP_PROXY, HTTPS_PROXY and NO_PROXY from the environment. */
  proxy?: { httpProxy?: string; httpsProxy?: string; noProxy?: string };
  onProgress?: (text: string) => void;
  now?: () => Date;
  /** Tries per archive when a download breaks off (each resumes where the last stopped). */
  attempts?: number;
  retryDelayMs?: number;
  zipLimits?: Partial<ZipLimits>;
}

export interface EcosystemUpdate {
  ecosystem: string;
  url: string;
  bytes: number;
  /** Whether the download continued a .part file left by an earlier try or run. */
  resumed: boolean;
  import: ImportResult;
}

export interface UpdateResult {
  source: string;
  ecosystems: EcosystemUpdate[];
  seconds: number;
}

const OFFLINE_HINT = "(offline? set HTTPS_PROXY, or import a downloaded all.zip with mamori db import)";

/** Network failures a user can cause or meet, by the code Node or undici gives them. */
const NETWORK_CAUSES: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found (DNS)",
  EAI_AGAIN: "DNS lookup failed",
  ETIMEDOUT: "connection timed out",
  UND_ERR_CONNECT_TIMEOUT: "connection timed out",
  ECONNRESET: "connection reset",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  EPIPE: "connection closed",
  UND_ERR_SOCKET: "connection closed by the server",
  UND_ERR_HEADERS_TIMEOUT: "no response (timed out)",
  UND_ERR_BODY_TIMEOUT: "the transfer stalled (timed out)",
  CERT_HAS_EXPIRED: "TLS certificate expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "self-signed TLS certificate (an intercepting proxy? set NODE_EXTRA_CA_CERTS)",
  SELF_SIGNED_CERT_IN_CHAIN: "self-signed TLS certificate in the chain (an intercepting proxy? set NODE_EXTRA_CA_CERTS)",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "TLS certificate not trusted (set NODE_EXTRA_CA_CERTS?)",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "TLS certificate not trusted (set NODE_EXTRA_CA_CERTS?)",
};

/** One line for a failed request: fetch wraps the real cause (sometimes an AggregateError of several addresses). */
function networkCause(e: unknown): string {
  let c: unknown = e;
  for (let depth = 0; depth < 6 && c !== undefined && c !== null; depth++) {
    const err = c as { code?: unknown; errors?: unknown[]; cause?: unknown; message?: string };
    if (typeof err.code === "string" && NETWORK_CAUSES[err.code] !== undefined) return NETWORK_CAUSES[err.code] as string;
    c = Array.isArray(err.errors) && err.errors.length > 0 ? err.errors[0] : err.cause;
  }
  let deepest: unknown = e;
  while ((deepest as { cause?: unknown })?.cause !== undefined) deepest = (deepest as { cause: unknown }).cause;
  const err = deepest as { code?: unknown; message?: string };
  return [err.code, err.message].filter((x) => typeof x === "string" && x !== "").join(": ") || String(e);
}

function unreachable(url: string, e: unknown): InputError {
  return new InputError(`db update: cannot reach ${url}: ${networkCause(e)} ${OFFLINE_HINT}`, { cause: e });
}

function checkSource(source: string): string {
  let u: URL;
  try {
    u = new URL(source);
  } catch {
    throw new InputError(`db update: --source ${source}: not a URL`);
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") throw new InputError(`db update: --source ${source}: only http and https URLs are supported`);
  return source.replace(/\/+$/, "");
}

function checkEcosystem(name: string): string {
  const n = name.trim();
  if (n === "" || n.includes("/") || n.includes("\\") || n === "." || n === "..") {
    throw new InputError(`db update: --ecosystem ${JSON.stringify(name)}: not an ecosystem name (such as npm, PyPI, Debian)`);
  }
  return n;
}

// ---- integrity ------------------------------------------------------------------------------

const CRC32C_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
    t[i] = c >>> 0;
  }
  return t;
})();

/** CRC-32C (Castagnoli), as Google Cloud Storage reports it. Node's zlib.crc32 is the other CRC-32. */
function crc32cUpdate(crc: number, buf: Buffer): number {
  let c = crc;
  for (let i = 0; i < buf.length; i++) c = (CRC32C_TABLE[(c ^ (buf[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return c;
}

/** `x-goog-hash: crc32c=n03x6A==, md5=Ojk9c3dhfxgoKVVHYwFbHQ==` → base64 digests by name. */
function parseGoogHash(header: string | null): { md5?: string; crc32c?: string } {
  const out: { md5?: string; crc32c?: string } = {};
  for (const part of (header ?? "").split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    if (name === "md5" || name === "crc32c") out[name] = part.slice(eq + 1).trim();
  }
  return out;
}

async function digests(file: string): Promise<{ md5: string; crc32c: string }> {
  const md5 = createHash("md5");
  let crc = 0xffffffff;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    md5.update(chunk);
    crc = crc32cUpdate(crc, chunk);
  }
  const crcBytes = Buffer.alloc(4);
  crcBytes.writeUInt32BE((crc ^ 0xffffffff) >>> 0);
  return { md5: md5.digest("base64"), crc32c: crcBytes.toString("base64") };
}

// ---- resumable download ---------------------------------------------------------------------

/** What a .part file continues: kept beside it, so that a later run can resume safely. */
interface PartState {
  url: string;
  /** ETag (or Last-Modified) of the archive the part belongs to: sent as If-Range. */
  validator?: string;
  total?: number;
  storedLength?: number;
  md5?: string;
  crc32c?: string;
}

function readPartState(statePath: string): PartState | undefined {
  try {
    return JSON.parse(readFileSync(statePath, "utf8")) as PartState;
  } catch {
    return undefined;
  }
}

function rmdirQuietly(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty: a .part file waits there for the next run.
  }
}

function removeQuietly(...paths: string[]): void {
  for (const p of paths) rmSync(p, { force: true });
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function headerNumber(h: string | null): number | undefined {
  if (h === null || !/^\d+$/.test(h.trim())) return undefined;
  return Number(h.trim());
}

class BrokenTransfer extends Error {}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface DownloadContext {
  fetch: typeof undiciFetch;
  dispatcher: Dispatcher;
  attempts: number;
  retryDelayMs: number;
  progress: (done: number, total: number | undefined) => void;
}

/** Downloads `url` to `dest` (via `dest.part`), resuming and verifying; returns its size and whether it resumed. */
async function download(url: string, dest: string, ctx: DownloadContext): Promise<{ bytes: number; resumed: boolean }> {
  const part = `${dest}.part`;
  const statePath = `${dest}.part.json`;
  let resumed = false;
  let lastError: unknown;
  let answered = false;

  for (let attempt = 1; attempt <= ctx.attempts; attempt++) {
    if (attempt > 1) await sleep(ctx.retryDelayMs * (attempt - 1));
    let state = readPartState(statePath);
    let offset = sizeOf(part);
    if (state === undefined || state.url !== url || state.validator === undefined || offset === 0) {
      removeQuietly(part, statePath);
      state = undefined;
      offset = 0;
    }
    const headers: Record<string, string> = { "accept-encoding": "identity", "user-agent": `mamori/${mamoriVersion()}` };
    if (state !== undefined && offset > 0) {
      headers.range = `bytes=${offset}-`;
      headers["if-range"] = state.validator as string;
    }

    let res: Awaited<ReturnType<DownloadContext["fetch"]>>;
    try {
      res = await ctx.fetch(url, { dispatcher: ctx.dispatcher, headers });
    } catch (e) {
      // Refused or unresolvable before any answer: say so at once. After the server has answered
      // once, a failed connection is more likely a hiccup: retry.
      if (!answered) throw unreachable(url, e);
      lastError = e;
      continue;
    }
    answered = true;

    let append = false;
    let total: number | undefined;
    if (res.status === 206 && offset > 0) {
      const m = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(res.headers.get("content-range") ?? "");
      if (m === null || Number(m[1]) !== offset) {
        // Not the continuation asked for: start over rather than splice.
        await res.body?.cancel();
        removeQuietly(part, statePath);
        lastError = new Error(`unexpected Content-Range ${JSON.stringify(res.headers.get("content-range"))}`);
        continue;
      }
      append = true;
      resumed = true;
      total = m[3] === "*" ? undefined : Number(m[3]);
    } else if (res.status === 200) {
      total = headerNumber(res.headers.get("content-length"));
    } else if (res.status === 416) {
      await res.body?.cancel();
      removeQuietly(part, statePath);
      continue;
    } else {
      await res.body?.cancel();
      const what = `db update: ${url}: HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""}`;
      if (res.status >= 500 || res.status === 429) {
        lastError = new Error(what);
        continue;
      }
      if (res.status === 404) throw new InputError(`${what} (ecosystem names are case-sensitive, e.g. PyPI, crates.io, Debian)`);
      throw new InputError(what);
    }

    const hashes = parseGoogHash(res.headers.get("x-goog-hash"));
    const next: PartState = { url, ...(append && state !== undefined ? state : {}) };
    const validator = res.headers.get("etag") ?? res.headers.get("last-modified") ?? undefined;
    if (validator !== undefined) next.validator = validator;
    if (total !== undefined) next.total = total;
    const stored = headerNumber(res.headers.get("x-goog-stored-content-length"));
    if (stored !== undefined) next.storedLength = stored;
    if (hashes.md5 !== undefined) next.md5 = hashes.md5;
    if (hashes.crc32c !== undefined) next.crc32c = hashes.crc32c;
    writeFileSync(statePath, JSON.stringify(next));

    let done = append ? offset : 0;
    const fd = openSync(part, append ? "a" : "w");
    try {
      if (res.body === null) throw new BrokenTransfer("empty response");
      for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
        writeSync(fd, chunk);
        done += chunk.length;
        ctx.progress(done, total);
      }
    } catch (e) {
      lastError = e;
      continue;
    } finally {
      closeSync(fd);
    }

    const size = sizeOf(part);
    await verify(url, part, size, next).catch((e: unknown) => {
      removeQuietly(part, statePath);
      throw e;
    });
    renameSync(part, dest);
    removeQuietly(statePath);
    return { bytes: size, resumed };
  }
  const got = sizeOf(part);
  const cause = lastError === undefined ? "the server kept refusing the range" : networkCause(lastError);
  throw new InputError(
    `db update: ${url}: the download broke off after ${ctx.attempts} tries (${cause}); ${got > 0 ? `${got} bytes are kept: run the command again to resume` : "run the command again"}`,
  );
}

async function verify(url: string, part: string, size: number, state: PartState): Promise<void> {
  for (const [what, expected] of [
    ["Content-Length", state.total],
    ["x-goog-stored-content-length", state.storedLength],
  ] as const) {
    if (expected !== undefined && expected !== size) {
      throw new InputError(`db update: ${url}: size mismatch: received ${size} bytes, the server announced ${expected} (${what}); the download was discarded`);
    }
  }
  if (state.md5 !== undefined || state.crc32c !== undefined) {
    const got = await digests(part);
    for (const alg of ["md5", "crc32c"] as const) {
      if (state[alg] !== undefined && state[alg] !== got[alg]) {
        throw new InputError(`db update: ${url}: checksum mismatch (${alg}: expected ${state[alg]}, got ${got[alg]}); the download was discarded`);
      }
    }
  }
  try {
    await checkZip(part);
  } catch (e) {
    throw new InputError(`db update: ${url}: the download is not a readable zip archive (${(e as Error).message.replace(`${part}: `, "")}); it was discarded`, { cause: e });
  }
}

// ---- update ---------------------------------------------------------------------------------

function fileNameFor(ecosystem: string): string {
  return `${ecosystem.replace(/[^A-Za-z0-9._-]/g, "_")}-all.zip`;
}

function megabytes(n: number): string {
  return (n / (1024 * 1024)).toFixed(1);
}

/** Downloads and imports each selected ecosystem's archive; each import is its own transaction. */
export async function updateDb(db: VulnDb, opts: UpdateOptions = {}): Promise<UpdateResult> {
  const t0 = performance.now();
  const source = checkSource(opts.source ?? DEFAULT_OSV_SOURCE);
  const ecosystems = [...new Set((opts.ecosystems !== undefined && opts.ecosystems.length > 0 ? opts.ecosystems : DEFAULT_ECOSYSTEMS).map(checkEcosystem))];
  const downloadDir = opts.downloadDir ?? join(dirname(db.path), "vulndb-downloads");
  mkdirSync(downloadDir, { recursive: true, mode: 0o700 });

  // undici is loaded only here: scans import this module's siblings and must start fast.
  const { fetch, EnvHttpProxyAgent } = await import("undici");
  // proxyTunnel false: a plain-http source goes to the proxy as an absolute-URI request (what
  // proxies expect, and many refuse CONNECT to port 80); https is tunnelled with CONNECT regardless.
  const dispatcher = new EnvHttpProxyAgent({ ...opts.proxy, proxyTunnel: false });
  const result: UpdateResult = { source, ecosystems: [], seconds: 0 };
  try {
    for (const ecosystem of ecosystems) {
      const url = `${source}/${encodeURIComponent(ecosystem)}/all.zip`;
      const dest = join(downloadDir, fileNameFor(ecosystem));
      const { bytes, resumed } = await download(url, dest, {
        fetch,
        dispatcher,
        attempts: Math.max(1, opts.attempts ?? 4),
        retryDelayMs: opts.retryDelayMs ?? 1000,
        progress: (done, total) =>
          opts.onProgress?.(`${ecosystem}: downloading ${megabytes(done)}${total === undefined ? "" : ` of ${megabytes(total)}`} MB`),
      });
      const imported = await importOsv(db, dest, {
        sourceLabel: url,
        ...(opts.now === undefined ? {} : { now: opts.now }),
        ...(opts.zipLimits === undefined ? {} : { zipLimits: opts.zipLimits }),
        onProgress: (p) => opts.onProgress?.(`${ecosystem}: importing, ${p.records} records`),
      });
      // Imported: the archive has served its purpose, and the next update fetches a fresh one.
      if (existsSync(dest)) rmSync(dest, { force: true });
      result.ecosystems.push({ ecosystem, url, bytes, resumed, import: imported });
    }
  } finally {
    await dispatcher.destroy();
    // Nothing left to resume: leave no empty directory behind.
    if (opts.downloadDir === undefined) rmdirQuietly(downloadDir);
  }
  const writer = db.beginWrite();
  try {
    writer.setMeta("source", `${source} (${ecosystems.join(", ")})`);
    writer.commit();
  } catch (e) {
    writer.rollback();
    throw e;
  }
  result.seconds = (performance.now() - t0) / 1000;
  return result;
}
