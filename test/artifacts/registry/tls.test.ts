// A registry over HTTPS with a certificate from a private CA (made here with openssl): trusted
// with --ca-file, refused in one line without it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRegistryImage } from "../../../src/artifacts/image/registry.js";
import { buildImage, FakeRegistry } from "./fake-registry.js";
import { missingTools } from "./docker-registry.js";

let skip: string | undefined;
let dir: string;
let reg: FakeRegistry | undefined;
let caFile: string;

function openssl(args: string[]): void {
  const r = spawnSync("openssl", args, { cwd: dir, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr}`);
}

beforeAll(async () => {
  if (missingTools(["openssl"]).length > 0) {
    skip = "openssl not installed";
    return;
  }
  dir = mkdtempSync(join(tmpdir(), "mamori-registry-tls-"));
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  openssl(["req", "-x509", ...ec, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=Mamori test CA"]);
  openssl(["req", ...ec, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"]);
  writeFileSync(join(dir, "ext.cnf"), "subjectAltName=IP:127.0.0.1\n");
  openssl(["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "ext.cnf"]);
  caFile = join(dir, "ca.pem");
  reg = await new FakeRegistry({ tls: { key: readFileSync(join(dir, "server.key"), "utf8"), cert: readFileSync(join(dir, "server.pem"), "utf8") } }).start();
  reg.add("secure/app", "1", await buildImage([{ "a.txt": "a" }]));
});

afterAll(async () => {
  await reg?.stop();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describe("registries over HTTPS", () => {
  it("pulls when the registry's CA is given with caFile", async (ctx) => {
    if (skip !== undefined) return ctx.skip(skip);
    const img = await openRegistryImage(`${reg!.host}/secure/app:1`, { caFile });
    try {
      expect(img.layers).toHaveLength(1);
      let n = 0;
      for await (const c of await img.layers[0]!.open()) n += (c as Buffer).length;
      expect(n).toBe(img.layers[0]!.size);
    } finally {
      await img.close();
    }
  });

  it("refuses an untrusted certificate in one line that says what to do", async (ctx) => {
    if (skip !== undefined) return ctx.skip(skip);
    await expect(openRegistryImage(`${reg!.host}/secure/app:1`, {})).rejects.toThrow(
      /^127\.0\.0\.1:\d+\/secure\/app:1: TLS certificate of 127\.0\.0\.1:\d+ is not trusted \((?:UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\); give its CA with --ca-file$/,
    );
  });

  it("does not speak HTTP to an HTTPS registry, even with --insecure", async (ctx) => {
    if (skip !== undefined) return ctx.skip(skip);
    await expect(openRegistryImage(`${reg!.host}/secure/app:1`, { insecure: true })).rejects.toThrow(
      /^127\.0\.0\.1:\d+\/secure\/app:1: connection to 127\.0\.0\.1:\d+ closed unexpectedly \(an HTTPS registry\? --insecure speaks plain HTTP\)$/,
    );
  });

  it("refuses a CA file that holds no certificate", async (ctx) => {
    if (skip !== undefined) return ctx.skip(skip);
    await expect(openRegistryImage(`${reg!.host}/secure/app:1`, { caFile: join(dir, "ca.key") })).rejects.toThrow(/ca\.key: no PEM certificate in the CA file$/);
    await expect(openRegistryImage(`${reg!.host}/secure/app:1`, { caFile: join(dir, "absent.pem") })).rejects.toThrow(/^--ca-file .*absent\.pem: no such file or directory$/);
  });
});
