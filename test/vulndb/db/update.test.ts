// `db update` against a local HTTP server on 127.0.0.1 (never the internet): download and import,
// resuming a broken download, refusing damaged ones, going through a proxy, and saying clearly
// when the source cannot be reached.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { createServer, request, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { InputError } from "../../../src/core/errors.js";
import { VulnDb } from "../../../src/vulndb/db.js";
import { updateDb, type UpdateOptions } from "../../../src/vulndb/update.js";
import { osv, tempDir } from "./fixtures.js";
import { buildZip } from "./zipwriter.js";

/** CRC-32C bit by bit: an implementation independent of the one under test. */
function crc32c(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

function googHash(body: Buffer, overrides: { md5?: string; crc32c?: string } = {}): string {
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32c(body));
  return `crc32c=${overrides.crc32c ?? crc.toString("base64")},md5=${overrides.md5 ?? createHash("md5").update(body).digest("base64")}`;
}

interface Route {
  body: Buffer;
  etag?: string;
  headers?: Record<string, string>;
  /** Bytes sent before the connection is cut, on the first full response (or every one with `always`). */
  dropAfter?: number;
  always?: boolean;
  dropped?: boolean;
}

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const servers: Server[] = [];
async function startServer(routes: Record<string, Route>): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? "", headers: req.headers });
    const route = routes[req.url ?? ""];
    if (route === undefined) {
      res.writeHead(404, { "content-type": "text/plain" }).end("no such object");
      return;
    }
    const { body } = route;
    const base: Record<string, string> = { ...(route.etag === undefined ? {} : { etag: route.etag }), ...route.headers };
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? "");
    const ifRange = req.headers["if-range"];
    const start = range !== null && (ifRange === undefined || ifRange === route.etag) ? Number(range[1]) : 0;
    if (start > 0) res.writeHead(206, { ...base, "content-range": `bytes ${start}-${body.length - 1}/${body.length}`, "content-length": String(body.length - start) });
    else res.writeHead(200, { "content-length": String(body.length), ...base });
    if (route.dropAfter !== undefined && (route.always === true || route.dropped !== true)) {
      route.dropped = true;
      res.write(body.subarray(start, start + route.dropAfter), () => setTimeout(() => res.socket?.destroy(), 20));
      return;
    }
    res.end(body.subarray(start));
  });
  servers.push(server);
  return { url: await listen(server), seen };
}

function zipOf(ids: string[], ecosystem = "npm"): Buffer {
  // Enough data that a cut in the middle is a real partial download.
  return buildZip(ids.map((id) => ({ name: `${id}.json`, data: JSON.stringify(osv(id, { ecosystem, details: "d".repeat(20_000) })), deflate: false })));
}

let tmp: ReturnType<typeof tempDir>;
let db: VulnDb;
beforeEach(() => {
  tmp = tempDir();
  db = VulnDb.open(tmp.db, { create: true });
});
afterEach(async () => {
  db.close();
  tmp.cleanup();
  await Promise.all(servers.splice(0).map((s) => new Promise((ok) => s.close(ok))));
});

/** No proxy from the environment of whoever runs the tests. */
const NO_PROXY: UpdateOptions["proxy"] = { httpProxy: "", httpsProxy: "", noProxy: "" };

function update(source: string, extra: Partial<UpdateOptions> = {}) {
  return updateDb(db, { source, ecosystems: ["npm"], proxy: NO_PROXY, retryDelayMs: 10, ...extra });
}

function ids(eco: string, name = "left-pad"): string[] {
  return db.advisories(eco, name).map((r) => r.id);
}

function leftovers(): string[] {
  const dir = join(tmp.dir, "vulndb-downloads");
  return existsSync(dir) ? readdirSync(dir) : [];
}

describe("db update", () => {
  it("checks the test's own CRC-32C against the standard check value", () => {
    expect(crc32c(Buffer.from("123456789"))).toBe(0xe3069283);
  });

  it("downloads each ecosystem's all.zip, verifies it and imports it", async () => {
    const npm = zipOf(["GHSA-1", "GHSA-2"]);
    const pypi = zipOf(["PYSEC-1"], "PyPI");
    const { url, seen } = await startServer({
      "/npm/all.zip": { body: npm, etag: '"n1"', headers: { "x-goog-hash": googHash(npm), "x-goog-stored-content-length": String(npm.length) } },
      "/PyPI/all.zip": { body: pypi, etag: '"p1"', headers: { "x-goog-hash": googHash(pypi) } },
    });
    const progress: string[] = [];
    const r = await update(`${url}/`, { ecosystems: ["npm", "PyPI"], onProgress: (t) => progress.push(t) });
    expect(r.ecosystems.map((e) => [e.ecosystem, e.bytes, e.resumed, e.import.imported])).toEqual([
      ["npm", npm.length, false, 2],
      ["PyPI", pypi.length, false, 1],
    ]);
    expect(ids("npm")).toEqual(["GHSA-1", "GHSA-2"]);
    expect(ids("PyPI")).toEqual(["PYSEC-1"]);
    expect(seen.map((s) => s.url)).toEqual(["/npm/all.zip", "/PyPI/all.zip"]);
    expect(seen[0]?.headers["accept-encoding"]).toBe("identity");
    expect(progress.some((t) => /^npm: downloading/.test(t))).toBe(true);
    expect(db.status().source).toBe(`${url} (npm, PyPI)`);
    expect(leftovers()).toEqual([]);
  });

  it("resumes a download whose connection dropped, with Range and If-Range", async () => {
    const body = zipOf(["GHSA-1", "GHSA-2", "GHSA-3"]);
    const cut = Math.floor(body.length / 2);
    const { url, seen } = await startServer({ "/npm/all.zip": { body, etag: '"v1"', dropAfter: cut, headers: { "x-goog-hash": googHash(body) } } });
    const r = await update(url);
    expect(r.ecosystems[0]).toMatchObject({ bytes: body.length, resumed: true });
    expect(seen).toHaveLength(2);
    expect(seen[1]?.headers.range).toBe(`bytes=${cut}-`);
    expect(seen[1]?.headers["if-range"]).toBe('"v1"');
    expect(ids("npm")).toEqual(["GHSA-1", "GHSA-2", "GHSA-3"]);
  });

  it("keeps a broken download for the next run, which resumes it", async () => {
    const body = zipOf(["GHSA-1", "GHSA-2"]);
    const cut = 30_000;
    const { url, seen } = await startServer({ "/npm/all.zip": { body, etag: '"v1"', dropAfter: cut } });
    await expect(update(url, { attempts: 1 })).rejects.toThrow(/broke off after 1 tries .*30000 bytes are kept: run the command again to resume/);
    expect(leftovers().sort()).toEqual(["npm-all.zip.part", "npm-all.zip.part.json"]);
    expect(ids("npm")).toEqual([]);

    const r = await update(url, { attempts: 1 });
    expect(r.ecosystems[0]?.resumed).toBe(true);
    expect(seen[1]?.headers.range).toBe(`bytes=${cut}-`);
    expect(ids("npm")).toEqual(["GHSA-1", "GHSA-2"]);
    expect(leftovers()).toEqual([]);
  });

  it("starts over when the archive changed since the broken download (If-Range)", async () => {
    const old = zipOf(["OLD-1", "OLD-2"]);
    const routes: Record<string, Route> = { "/npm/all.zip": { body: old, etag: '"v1"', dropAfter: 30_000 } };
    const { url, seen } = await startServer(routes);
    await expect(update(url, { attempts: 1 })).rejects.toThrow(InputError);
    routes["/npm/all.zip"] = { body: zipOf(["NEW-1"]), etag: '"v2"' };
    const r = await update(url, { attempts: 1 });
    expect(seen[1]?.headers["if-range"]).toBe('"v1"');
    expect(r.ecosystems[0]?.resumed).toBe(false);
    expect(ids("npm")).toEqual(["NEW-1"]);
  });

  it.each([
    [
      "a size other than announced",
      (body: Buffer): Route => ({ body, etag: '"x"', headers: { "x-goog-stored-content-length": String(body.length + 10) } }),
      /size mismatch: received \d+ bytes, the server announced \d+ \(x-goog-stored-content-length\); the download was discarded/,
    ],
    [
      "an MD5 other than announced",
      (body: Buffer): Route => ({ body, etag: '"x"', headers: { "x-goog-hash": googHash(body, { md5: "AAAAAAAAAAAAAAAAAAAAAA==" }) } }),
      /checksum mismatch \(md5: expected AAAAAAAAAAAAAAAAAAAAAA==, got .*\); the download was discarded/,
    ],
    [
      "a CRC32C other than announced",
      (body: Buffer): Route => ({ body, etag: '"x"', headers: { "x-goog-hash": googHash(body, { crc32c: "AAAAAA==" }) } }),
      /checksum mismatch \(crc32c/,
    ],
    ["a file that is not a zip", (): Route => ({ body: Buffer.from("<html>captive portal</html>"), etag: '"x"' }), /the download is not a readable zip archive/],
    ["a body always cut short", (body: Buffer): Route => ({ body, etag: '"x"', dropAfter: 1000, always: true }), /broke off after 2 tries/],
  ])("refuses %s, importing nothing", async (_what, route, message) => {
    const { url } = await startServer({ "/npm/all.zip": route(zipOf(["GHSA-1"])) });
    const err = await update(url, { attempts: 2 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).toContain(`${url}/npm/all.zip`);
    expect(ids("npm")).toEqual([]);
    if (!/broke off/.test((err as Error).message)) expect(leftovers()).toEqual([]);
  });

  it("says which ecosystem does not exist", async () => {
    const { url } = await startServer({});
    await expect(update(url, { ecosystems: ["nmp"] })).rejects.toThrow(`db update: ${url}/nmp/all.zip: HTTP 404 Not Found (ecosystem names are case-sensitive`);
  });

  it.each([
    ["ftp://example.org/osv", /only http and https URLs are supported/],
    ["not a url", /not a URL/],
  ])("refuses --source %s", async (source, message) => {
    await expect(updateDb(db, { source, proxy: NO_PROXY })).rejects.toThrow(message);
  });

  it("goes through an HTTP proxy", async () => {
    const body = zipOf(["GHSA-1"]);
    const { url, seen } = await startServer({ "/npm/all.zip": { body, etag: '"v1"' } });
    const proxied: string[] = [];
    const proxy = createServer((req, res) => {
      proxied.push(`${req.method} ${req.url}`);
      const target = new URL(req.url ?? "");
      const upstream = request({ host: target.hostname, port: target.port, path: target.pathname, method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      req.pipe(upstream);
    });
    servers.push(proxy);
    const proxyUrl = await listen(proxy);
    await update(url, { proxy: { httpProxy: proxyUrl, httpsProxy: "", noProxy: "" } });
    expect(proxied).toEqual([`GET ${url}/npm/all.zip`]);
    expect(seen).toHaveLength(1);
    expect(ids("npm")).toEqual(["GHSA-1"]);
  });

  it("says in one line that the source cannot be reached", async () => {
    const closed = createServer();
    const url = await listen(closed);
    await new Promise((ok) => closed.close(ok));
    const err = await update(url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toBe(
      `db update: cannot reach ${url}/npm/all.zip: connection refused (offline? set HTTPS_PROXY, or import a downloaded all.zip with mamori db import)`,
    );
  });
});
