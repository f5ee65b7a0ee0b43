// The HTTP API and a first dashboard page over the store. Read-only; binds to loopback unless told.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { SEVERITIES, isSeverity, type Severity } from "../core/model.js";
import type { FindingQuery, FindingStatus, Store } from "../store/types.js";
import { dashboardPage } from "./dashboard.js";

const STATUSES: FindingStatus[] = ["open", "fixed", "suppressed"];
const MAX_LIMIT = 10_000;

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(text);
}

class BadRequest extends Error {}

/** Parses the query parameters a finding listing accepts; anything unknown is a 400, not a guess. */
export function findingQueryOf(params: URLSearchParams): FindingQuery {
  const q: FindingQuery = {};
  const status = params.get("status");
  if (status) {
    const list = status.split(",");
    for (const s of list) if (!STATUSES.includes(s as FindingStatus)) throw new BadRequest(`status: unknown value "${s}"`);
    q.status = list as FindingStatus[];
  }
  const severity = params.get("severity");
  if (severity) {
    const list = severity.split(",");
    for (const s of list) if (!isSeverity(s)) throw new BadRequest(`severity: unknown value "${s}"`);
    q.severity = list as Severity[];
  }
  const asset = params.get("asset");
  if (asset) q.assetId = asset;
  for (const key of ["limit", "offset"] as const) {
    const v = params.get(key);
    if (v === null) continue;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > (key === "limit" ? MAX_LIMIT : Number.MAX_SAFE_INTEGER)) throw new BadRequest(`${key}: not a valid number`);
    q[key] = n;
  }
  if (q.limit === undefined) q.limit = 1000;
  return q;
}

export function createApp(store: Store): Server {
  return createServer((req, res) => {
    handle(store, req, res).catch((e: unknown) => {
      if (e instanceof BadRequest) json(res, 400, { error: e.message });
      else json(res, 500, { error: "internal error" });
    });
  });
}

async function handle(store: Store, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD" }).end();
    return;
  }
  const url = new URL(req.url ?? "/", "http://localhost");
  switch (url.pathname) {
    case "/healthz":
      return json(res, 200, { status: "ok" });
    case "/api/findings":
      return json(res, 200, await store.findings(findingQueryOf(url.searchParams)));
    case "/api/assets":
      return json(res, 200, await store.assets());
    case "/api/scans":
      return json(res, 200, await store.scans({ limit: 100 }));
    case "/": {
      const query = findingQueryOf(url.searchParams);
      if (!query.status) query.status = ["open"];
      const [findings, assets, scans] = await Promise.all([store.findings(query), store.assets(), store.scans({ limit: 20 })]);
      const html = dashboardPage({ findings, assets, scans, query, severities: SEVERITIES });
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
        "x-content-type-options": "nosniff",
        "cache-control": "no-store",
      });
      res.end(html);
      return;
    }
    default:
      json(res, 404, { error: "not found" });
  }
}
