// `mamori serve` over a store that a real scan filled.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoredAsset, StoredFinding } from "../../src/store/types.js";
import { built, notBuiltMessage, runCli, startCli } from "../helpers/cli.js";

describe.skipIf(!built)(`mamori serve${built ? "" : ` (skipped: ${notBuiltMessage})`}`, () => {
  let dir: string;
  let base: string;
  let stop: () => Promise<number | null>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "mamori-serve-"));
    const store = `sqlite:${join(dir, "m.db")}`;
    expect(runCli(["scan", "iac", "demo", "--store", store, "--format", "json", "-o", "/dev/null"]).code).toBe(0);
    const started = await startCli(["serve", "--port", "0", "--store", store], /dashboard at http:/);
    base = /(http:\/\/\S+?)\/? /.exec(started.line)![1] as string;
    stop = started.stop;
  });
  afterAll(async () => {
    await stop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it("listens on loopback only by default", () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("the dashboard page lists the demo's findings, escaped, with no script", async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    const html = await res.text();
    expect(html).toContain("MAM-DF-005");
    expect(html).toContain("demo/Dockerfile");
    expect(html).toContain("demo/services/api/Dockerfile");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain("s3cr3t-Pa55w0rd-demo");
    const suppressed = await (await fetch(`${base}/?status=suppressed`)).text();
    expect(suppressed).toContain("MAM-DF-008");
  });

  it("the API returns findings, assets and scans, and filters", async () => {
    const all = (await (await fetch(`${base}/api/findings`)).json()) as StoredFinding[];
    expect(all.length).toBeGreaterThan(10);
    const high = (await (await fetch(`${base}/api/findings?severity=critical,high&status=open`)).json()) as StoredFinding[];
    expect(high.length).toBeGreaterThan(0);
    expect(high.every((f) => ["critical", "high"].includes(f.finding.severity) && f.status === "open")).toBe(true);
    const assets = (await (await fetch(`${base}/api/assets`)).json()) as StoredAsset[];
    expect(assets).toHaveLength(1);
    expect(assets[0]?.type).toBe("iac");
    expect((await fetch(`${base}/api/findings?severity=urgent`)).status).toBe(400);
    expect((await fetch(`${base}/api/findings?limit=-1`)).status).toBe(400);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/api/findings`, { method: "POST" })).status).toBe(405);
  });
});
