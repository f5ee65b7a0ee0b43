// A small registry written for the tests, on 127.0.0.1 (HTTP or HTTPS): it serves images built in
// memory and can require Basic credentials or a Bearer token from its own token endpoint, redirect
// blobs to a second origin, and record every request it sees.
import { createHash } from "node:crypto";
import { createServer as createHttpServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { pack } from "tar-stream";

export const OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
export const OCI_INDEX = "application/vnd.oci.image.index.v1+json";
export const OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";

export interface Blob {
  body: Buffer;
  mediaType: string;
}

export interface Seen {
  path: string;
  authorization?: string;
  accept?: string;
  /** For the token endpoint: its query. */
  query?: Record<string, string>;
}

export interface FakeOptions {
  auth?: "none" | "basic" | "bearer";
  /** Credentials the registry (basic) or the token service (bearer) accepts; bearer without them issues anonymous tokens. */
  user?: { username: string; password: string };
  /** Blobs answer 307 to this origin's /storage/<digest>. */
  redirectBlobsTo?: FakeRegistry;
  tls?: { key: string; cert: string };
}

export function sha256(b: Buffer): string {
  return `sha256:${createHash("sha256").update(b).digest("hex")}`;
}

export async function tarOf(files: Record<string, string>): Promise<Buffer> {
  const p = pack();
  for (const [name, content] of Object.entries(files)) p.entry({ name, mode: 0o644 }, content);
  p.finalize();
  const chunks: Buffer[] = [];
  for await (const c of p) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export interface BuiltImage {
  manifest: Buffer;
  manifestDigest: string;
  config: Record<string, unknown>;
  blobs: Map<string, Blob>;
  layerDigests: string[];
}

/** An image of one gzip layer per `layers` entry. */
export async function buildImage(layers: Record<string, string>[], platform = { os: "linux", architecture: "amd64" } as { os: string; architecture: string; variant?: string }): Promise<BuiltImage> {
  const blobs = new Map<string, Blob>();
  const diffIds: string[] = [];
  const layerDescs: { mediaType: string; digest: string; size: number }[] = [];
  for (const files of layers) {
    const tar = await tarOf(files);
    const gz = gzipSync(tar);
    diffIds.push(sha256(tar));
    const digest = sha256(gz);
    blobs.set(digest, { body: gz, mediaType: OCI_LAYER });
    layerDescs.push({ mediaType: OCI_LAYER, digest, size: gz.length });
  }
  const config = {
    ...platform,
    config: { Env: ["PATH=/usr/bin", `MADE_FOR=${platform.architecture}`], User: "app" },
    rootfs: { type: "layers", diff_ids: diffIds },
    history: layers.map((_, i) => ({ created_by: `COPY layer${i} /` })),
  };
  const configBody = Buffer.from(JSON.stringify(config));
  const configDigest = sha256(configBody);
  blobs.set(configDigest, { body: configBody, mediaType: "application/vnd.oci.image.config.v1+json" });
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: "application/vnd.oci.image.config.v1+json", digest: configDigest, size: configBody.length },
      layers: layerDescs,
    }),
  );
  return { manifest, manifestDigest: sha256(manifest), config, blobs, layerDigests: layerDescs.map((l) => l.digest) };
}

export function configDigestOf(image: BuiltImage): string {
  return (JSON.parse(image.manifest.toString("utf8")) as { config: { digest: string } }).config.digest;
}

export class FakeRegistry {
  readonly seen: Seen[] = [];
  /** "<repository>:<tag or digest>" → manifest body and media type. */
  readonly manifests = new Map<string, Blob>();
  readonly blobs = new Map<string, Blob>();
  readonly tokens = new Set<string>();
  private server!: Server;
  host = "";

  constructor(private readonly opts: FakeOptions = {}) {}

  async start(): Promise<this> {
    const handler = (req: IncomingMessage, res: ServerResponse): void => this.handle(req, res);
    this.server = this.opts.tls ? createHttpsServer({ key: this.opts.tls.key, cert: this.opts.tls.cert }, handler) : createHttpServer(handler);
    await new Promise<void>((r) => this.server.listen(0, "127.0.0.1", r));
    this.host = `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }

  get origin(): string {
    return `${this.opts.tls ? "https" : "http"}://${this.host}`;
  }

  /** Serves `image` as repository:tag (and by its digest). */
  add(repository: string, tag: string, image: BuiltImage): void {
    this.addManifest(repository, tag, image.manifest, OCI_MANIFEST);
    for (const [d, b] of image.blobs) this.blobs.set(d, b);
  }

  addManifest(repository: string, tag: string, body: Buffer, mediaType: string): void {
    this.manifests.set(`${repository}:${tag}`, { body, mediaType });
    this.manifests.set(`${repository}:${sha256(body)}`, { body, mediaType });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", this.origin);
    const seen: Seen = { path: url.pathname };
    if (req.headers.authorization !== undefined) seen.authorization = req.headers.authorization;
    if (req.headers.accept !== undefined) seen.accept = req.headers.accept;
    if (url.pathname === "/token") seen.query = Object.fromEntries(url.searchParams);
    this.seen.push(seen);

    if (url.pathname === "/token") return this.token(req, res);
    const storage = /^\/storage\/(sha256:[a-f0-9]{64})$/.exec(url.pathname);
    if (storage) return this.sendBlob(res, this.blobs.get(storage[1]!));
    if (!this.authorized(req, res)) return;
    const m = /^\/v2\/(.+)\/(manifests|blobs)\/([^/]+)$/.exec(url.pathname);
    if (!m) return this.error(res, 404, "NAME_UNKNOWN", "no such route");
    const [, repo, kind, reference] = m;
    if (kind === "manifests") {
      const found = this.manifests.get(`${repo}:${reference}`);
      if (!found) return this.error(res, 404, "MANIFEST_UNKNOWN", "manifest unknown");
      res.writeHead(200, { "content-type": found.mediaType, "docker-content-digest": sha256(found.body), "content-length": found.body.length });
      res.end(found.body);
      return;
    }
    const blob = this.blobs.get(reference!);
    if (blob && this.opts.redirectBlobsTo) {
      res.writeHead(307, { location: `${this.opts.redirectBlobsTo.origin}/storage/${reference}` });
      res.end();
      return;
    }
    this.sendBlob(res, blob);
  }

  private sendBlob(res: ServerResponse, blob: Blob | undefined): void {
    if (!blob) return this.error(res, 404, "BLOB_UNKNOWN", "blob unknown to registry");
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": blob.body.length });
    res.end(blob.body);
  }

  private authorized(req: IncomingMessage, res: ServerResponse): boolean {
    const auth = req.headers.authorization;
    if (this.opts.auth === "basic") {
      if (auth !== undefined && auth === basic(this.opts.user)) return true;
      res.writeHead(401, { "www-authenticate": 'Basic realm="fake"' });
      res.end();
      return false;
    }
    if (this.opts.auth === "bearer") {
      if (auth !== undefined && this.tokens.has(auth.replace(/^Bearer /, ""))) return true;
      res.writeHead(401, {
        "www-authenticate": `Bearer realm="${this.origin}/token",service="fake-registry",scope="repository:${this.repoOf(req)}:pull"`,
        "content-type": "application/json",
      });
      res.end(JSON.stringify({ errors: [{ code: "UNAUTHORIZED", message: "authentication required" }] }));
      return false;
    }
    return true;
  }

  private repoOf(req: IncomingMessage): string {
    return /^\/v2\/(.+)\/(?:manifests|blobs)\//.exec(req.url ?? "")?.[1] ?? "";
  }

  private token(req: IncomingMessage, res: ServerResponse): void {
    if (this.opts.user !== undefined && req.headers.authorization !== basic(this.opts.user)) {
      res.writeHead(401, { "content-type": "application/json" });
      res.end(JSON.stringify({ details: "incorrect username or password" }));
      return;
    }
    const token = `t${this.tokens.size + 1}`;
    this.tokens.add(token);
    res.writeHead(200, { "content-type": "application/json" });
    // Docker Hub answers both fields; some services only access_token.
    res.end(JSON.stringify(this.tokens.size % 2 === 1 ? { token, access_token: token } : { access_token: token }));
  }

  private error(res: ServerResponse, status: number, code: string, message: string): void {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify({ errors: [{ code, message }] }));
  }
}

function basic(user: { username: string; password: string } | undefined): string | undefined {
  return user && `Basic ${Buffer.from(`${user.username}:${user.password}`).toString("base64")}`;
}
