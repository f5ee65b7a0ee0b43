// HTTP for registry pulls: which URLs may be reached (HTTPS, or plain HTTP to loopback when the
// user asked for --insecure), the TLS trust (Node's CAs plus --ca-file), bounded bodies, and
// network failures turned into one line a user can act on.
import { readFileSync } from "node:fs";
import { rootCertificates } from "node:tls";
import { Agent, request } from "undici";
import type { Dispatcher } from "undici";
import { InputError, describeFsError } from "../../core/errors.js";
import { isLoopback } from "./registry-ref.js";

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: NodeJS.ReadableStream & { destroy(error?: Error): void; resume(): unknown };
}

const maxCaFileBytes = 1 << 20;

export function makeDispatcher(caFile: string | undefined): Agent {
  const timeouts = { headersTimeout: 60_000, bodyTimeout: 120_000 };
  if (caFile === undefined) return new Agent({ ...timeouts, connect: { timeout: 15_000 } });
  let pem: string;
  try {
    const buf = readFileSync(caFile);
    if (buf.length > maxCaFileBytes) throw new InputError(`${caFile}: CA file larger than ${maxCaFileBytes} bytes`);
    pem = buf.toString("utf8");
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`--ca-file ${describeFsError(caFile, e)}`);
  }
  if (!pem.includes("-----BEGIN CERTIFICATE-----")) throw new InputError(`${caFile}: no PEM certificate in the CA file`);
  // Giving `ca` replaces Node's trust store, so the usual roots are passed along with the extra CA.
  return new Agent({ ...timeouts, connect: { timeout: 15_000, ca: [...rootCertificates, pem] } });
}

/**
 * Throws unless `url` may be reached: HTTPS always, plain HTTP only with --insecure and only to a
 * loopback host, so that credentials and content never cross a network unencrypted.
 */
export function checkUrl(url: URL, insecure: boolean, what: string): void {
  if (url.protocol === "https:") return;
  if (url.protocol !== "http:") throw new InputError(`${what}: ${url.protocol} URLs are not followed (${url.origin})`);
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (!insecure) throw new InputError(`${what}: refusing plain HTTP to ${url.host}; HTTPS is required (--insecure allows HTTP to a loopback registry only)`);
  if (!isLoopback(host)) {
    throw new InputError(`${what}: refusing plain HTTP to ${url.host}: --insecure only allows loopback hosts (127.0.0.0/8, ::1, localhost), because anything else would cross a network unencrypted`);
  }
}

export async function httpGet(url: URL, headers: Record<string, string>, dispatcher: Dispatcher, what: string): Promise<HttpResponse> {
  try {
    const r = await request(url, { method: "GET", headers, dispatcher });
    return { status: r.statusCode, headers: r.headers, body: r.body };
  } catch (e) {
    throw new InputError(`${what}: ${describeNetworkError(url, e)}`, { cause: e });
  }
}

const tlsTrust = new Set([
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_UNTRUSTED",
  "CERT_SIGNATURE_FAILURE",
]);

/** One line for a failed connection, naming the host and what to do. */
export function describeNetworkError(url: URL, e: unknown): string {
  const code = errorCode(e);
  const host = url.host;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_NONAME") return `cannot resolve host ${url.hostname}`;
  if (code === "ECONNREFUSED") return `connection refused by ${host}`;
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") {
    return `connection to ${host} closed unexpectedly${url.protocol === "http:" ? " (an HTTPS registry? --insecure speaks plain HTTP)" : ""}`;
  }
  if (code === "ETIMEDOUT" || code === "UND_ERR_CONNECT_TIMEOUT") return `timed out connecting to ${host}`;
  if (code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT") return `${host} stopped answering`;
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH") return `no route to ${host}`;
  if (code !== undefined && tlsTrust.has(code)) return `TLS certificate of ${host} is not trusted (${code}); give its CA with --ca-file`;
  if (code === "CERT_HAS_EXPIRED" || code === "CERT_NOT_YET_VALID") return `TLS certificate of ${host} is not valid now (${code})`;
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID") return `TLS certificate of ${host} does not name ${url.hostname}`;
  if (code === "ERR_SSL_WRONG_VERSION_NUMBER" || code === "EPROTO") return `TLS handshake with ${host} failed: is it plain HTTP? (--insecure, loopback only)`;
  const message = (e as Error | undefined)?.message ?? String(e);
  return `cannot reach ${host}: ${code !== undefined ? `${code} ` : ""}${message}`.replace(/\s+/g, " ").slice(0, 300);
}

function errorCode(e: unknown, depth = 0): string | undefined {
  if (typeof e !== "object" || e === null || depth > 4) return undefined;
  const x = e as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof x.code === "string" && x.code !== "UND_ERR" && !x.code.startsWith("ERR_INVALID")) return x.code;
  // Happy-eyeballs connects fail with an AggregateError: its members say why.
  if (Array.isArray(x.errors) && x.errors.length > 0) return errorCode(x.errors[0], depth + 1);
  return errorCode(x.cause, depth + 1);
}

/** Reads a body whole, refusing more than `max` bytes (manifests, configs, tokens, error bodies). */
export async function readBounded(body: HttpResponse["body"], max: number, what: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer | string>) {
      const b = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      total += b.length;
      if (total > max) {
        body.destroy();
        throw new InputError(`${what}: larger than ${max} bytes`);
      }
      chunks.push(b);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${what}: download failed: ${(e as Error).message}`, { cause: e });
  }
  return Buffer.concat(chunks);
}

/** Lets go of a body not needed, without reading an unbounded amount of it. */
export function discard(body: HttpResponse["body"]): void {
  // undici reports the abort it was asked for as an error event.
  body.on("error", () => {});
  body.destroy();
}

export function header(h: HttpResponse["headers"], name: string): string | undefined {
  const v = h[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}
