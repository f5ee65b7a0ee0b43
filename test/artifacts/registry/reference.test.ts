// The parts of a registry pull that need no registry: references, the plain-HTTP policy, challenge
// parsing, Docker config lookup and the wording of network failures. undici is replaced here by a
// stub that fails the test if anything tries to reach the network.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type * as Undici from "undici";
import { afterAll, describe, expect, it, vi } from "vitest";

const network = vi.hoisted(() => ({ calls: [] as string[] }));
vi.mock("undici", async (importOriginal) => {
  const real = await importOriginal<typeof Undici>();
  return {
    ...real,
    request: (url: URL | string) => {
      network.calls.push(String(url));
      throw new Error("the network must not be used in this test");
    },
  };
});

const { openRegistryImage } = await import("../../../src/artifacts/image/registry.js");
const { isLoopback, parseReference } = await import("../../../src/artifacts/image/registry-ref.js");
const { findCredentials, parseChallenge } = await import("../../../src/artifacts/image/registry-auth.js");
const { checkUrl, describeNetworkError } = await import("../../../src/artifacts/image/registry-http.js");

const digest = `sha256:${"ab".repeat(32)}`;
const dir = mkdtempSync(join(tmpdir(), "mamori-registry-ref-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("parseReference", () => {
  it.each([
    ["alpine", { registry: "docker.io", apiHost: "registry-1.docker.io", repository: "library/alpine", tag: "latest", display: "docker.io/library/alpine:latest" }],
    ["bitnami/redis:7.2", { registry: "docker.io", repository: "bitnami/redis", tag: "7.2" }],
    ["docker.io/nginx", { registry: "docker.io", repository: "library/nginx", tag: "latest" }],
    ["index.docker.io/library/nginx:1", { registry: "docker.io", repository: "library/nginx", tag: "1" }],
    ["ghcr.io/org/team/app:v1.2.3", { registry: "ghcr.io", apiHost: "ghcr.io", repository: "org/team/app", tag: "v1.2.3" }],
    ["localhost/app", { registry: "localhost", hostname: "localhost", repository: "app", tag: "latest" }],
    ["127.0.0.1:5000/mamori/test:1", { registry: "127.0.0.1:5000", hostname: "127.0.0.1", repository: "mamori/test", tag: "1" }],
    ["[::1]:5000/app:x", { registry: "[::1]:5000", hostname: "::1", repository: "app", tag: "x" }],
    [`quay.io/app@${digest}`, { registry: "quay.io", repository: "app", digest, display: `quay.io/app@${digest}` }],
    [`quay.io/app:1@${digest}`, { repository: "app", tag: "1", digest }],
    ["Registry.Example.COM:443/a_b/c-d.e__f", { registry: "registry.example.com:443", repository: "a_b/c-d.e__f", tag: "latest" }],
  ])("%s", (ref, expected) => {
    expect(parseReference(ref)).toMatchObject(expected);
  });

  it("has no tag when only a digest is given", () => {
    expect(parseReference(`app@${digest}`).tag).toBeUndefined();
  });

  it.each([
    ["", "it is empty"],
    ["Upper/Case", 'bad repository name "Upper/Case"'],
    ["app:", 'bad tag ""'],
    ["app:-x", 'bad tag "-x"'],
    ["app@sha256:abc", 'bad digest "sha256:abc"'],
    [`app@md5:${"a".repeat(32)}`, "bad digest"],
    ["https://ghcr.io/app", "write it as [host[:port]/]name[:tag][@sha256:digest]"],
    ["a b", "write it as"],
    ["host.io:99999/app", 'bad port in "host.io:99999"'],
    ["ex..ample.com/app", 'bad registry host "ex..ample.com"'],
    ["app//x", "bad repository name"],
    [`a/${"b".repeat(600)}`, "longer than 512 characters"],
  ])("refuses %j", (ref, message) => {
    expect(() => parseReference(ref)).toThrow(message);
  });
});

describe("plain HTTP policy", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.255.0.9", true],
    ["localhost", true],
    ["::1", true],
    ["128.0.0.1", false],
    ["127.0.0.256", false],
    ["10.0.0.1", false],
    ["localhost.example.com", false],
    ["::ffff:10.0.0.1", false],
  ])("%s is loopback: %s", (host, loopback) => {
    expect(isLoopback(host)).toBe(loopback);
  });

  it.each([
    ["registry.invalid/app:1", /^registry\.invalid\/app:1: refusing plain HTTP to registry\.invalid: --insecure only allows loopback hosts \(127\.0\.0\.0\/8, ::1, localhost\)/],
    ["10.1.2.3:5000/app", /refusing plain HTTP to 10\.1\.2\.3:5000: --insecure only allows loopback hosts/],
    ["alpine", /^docker\.io\/library\/alpine:latest: refusing plain HTTP to registry-1\.docker\.io: --insecure only allows loopback hosts/],
  ])("refuses --insecure to %s before any connection", async (ref, message) => {
    await expect(openRegistryImage(ref, { insecure: true, dockerConfig: emptyConfig() })).rejects.toThrow(message);
    expect(network.calls).toEqual([]);
  });

  it.each([
    ["http://10.0.0.1/token", true, /refusing plain HTTP to 10\.0\.0\.1: --insecure only allows loopback/],
    ["http://127.0.0.1/token", false, /refusing plain HTTP to 127\.0\.0\.1; HTTPS is required/],
    ["ftp://127.0.0.1/x", true, /ftp: URLs are not followed/],
  ])("refuses %s (insecure: %s) for redirects and token services", (url, insecure, message) => {
    expect(() => checkUrl(new URL(url), insecure, "ref")).toThrow(message);
  });

  it("allows HTTPS anywhere and HTTP to loopback with --insecure", () => {
    expect(() => checkUrl(new URL("https://10.0.0.1/v2/"), false, "ref")).not.toThrow();
    expect(() => checkUrl(new URL("http://[::1]:5000/v2/"), true, "ref")).not.toThrow();
  });
});

describe("parseChallenge", () => {
  it.each([
    [
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"',
      { scheme: "bearer", params: { realm: "https://auth.docker.io/token", service: "registry.docker.io", scope: "repository:library/alpine:pull" } },
    ],
    ['Basic realm="Registry Realm"', { scheme: "basic", params: { realm: "Registry Realm" } }],
    ['Bearer realm="a\\"b", error="insufficient_scope"', { scheme: "bearer", params: { realm: 'a"b', error: "insufficient_scope" } }],
    ["Bearer realm=https://x/t,service=reg", { scheme: "bearer", params: { realm: "https://x/t", service: "reg" } }],
    ["", undefined],
  ])("%s", (header, expected) => {
    expect(parseChallenge(header)).toEqual(expected);
  });

  it("stays linear on hostile headers", () => {
    const t = performance.now();
    parseChallenge(`Bearer ${'a="'.repeat(50_000)}`);
    parseChallenge(`Bearer ${"a=b,".repeat(50_000)}`);
    expect(performance.now() - t).toBeLessThan(500);
  });
});

describe("findCredentials in Docker's config.json", () => {
  const auth = (u: string): { auth: string } => ({ auth: Buffer.from(`${u}:pw`).toString("base64") });
  let n = 0;
  function configWith(config: unknown): string {
    const file = join(dir, `config-${n++}.json`);
    writeFileSync(file, JSON.stringify(config));
    return file;
  }

  it.each([
    ["docker.io", { "https://index.docker.io/v1/": auth("hub") }, "hub"],
    ["docker.io", { "registry-1.docker.io": auth("hub2") }, "hub2"],
    ["ghcr.io", { "https://ghcr.io": auth("gh") }, "gh"],
    ["ghcr.io", { "ghcr.io/v2/": auth("gh2") }, "gh2"],
    ["127.0.0.1:5000", { "127.0.0.1:5000": auth("local"), "127.0.0.1": auth("other") }, "local"],
    ["quay.io", { "ghcr.io": auth("gh") }, undefined],
  ])("for %s in %j", (registry, auths, username) => {
    const found = findCredentials(registry, {}, () => {}, configWith({ auths }));
    expect(found?.username).toBe(username);
    if (found) expect(found.password).toBe("pw");
  });

  it("prefers command-line credentials, then config.json auths, then a credential helper", () => {
    const warnings: string[] = [];
    const file = configWith({ auths: { "ghcr.io": auth("cfg") }, credHelpers: { "quay.io": "ecr-login" } });
    const env = { PATH: join(dir, "no-helpers-here") };
    expect(findCredentials("ghcr.io", { username: "cli", password: "x" }, (m) => warnings.push(m), file, env)).toMatchObject({ username: "cli", source: "--username/--password" });
    expect(findCredentials("ghcr.io", {}, (m) => warnings.push(m), file, env)).toMatchObject({ username: "cfg", source: file });
    expect(warnings).toEqual([]);
    expect(findCredentials("quay.io", {}, (m) => warnings.push(m), file, env)).toBeUndefined();
    expect(warnings).toEqual([`${file}: credential helper docker-credential-ecr-login is not on PATH; pulling quay.io anonymously`]);
  });

  describe("credential helpers", () => {
    const bin = mkdtempSync(join(dir, "bin-"));
    // A helper as Docker's protocol defines it: `get` reads the server from stdin, answers JSON.
    const helper = (name: string, script: string): void => writeFileSync(join(bin, `docker-credential-${name}`), `#!/bin/sh
${script}
`, { mode: 0o755 });
    helper("good", 'read server; printf \'{"ServerURL":"%s","Username":"robot-%s","Secret":"pw"}\' "$server" "$server"');
    helper("none", 'echo "credentials not found in native keychain"; exit 1');
    helper("junk", "echo not-json");
    const env = { PATH: `${bin}:/usr/bin:/bin` };

    it.each([
      ["quay.io", { credHelpers: { "quay.io": "good" } }, "robot-quay.io"],
      ["docker.io", { credsStore: "good" }, "robot-https://index.docker.io/v1/"],
      ["ghcr.io", { credHelpers: { "quay.io": "none" }, credsStore: "good" }, "robot-ghcr.io"],
    ])("asks the helper for %s (%j)", (registry, config, username) => {
      const warnings: string[] = [];
      const found = findCredentials(registry, {}, (m) => warnings.push(m), configWith(config), env);
      expect(found).toEqual({ username, password: "pw", source: "docker-credential-good" });
      expect(warnings).toEqual([]);
    });

    it.each([
      ["none", /docker-credential-none failed: credentials not found in native keychain; pulling quay\.io anonymously$/],
      ["junk", /docker-credential-junk did not answer with JSON; pulling quay\.io anonymously$/],
    ])("goes anonymous with a warning when helper %s has nothing", (name, message) => {
      const warnings: string[] = [];
      expect(findCredentials("quay.io", {}, (m) => warnings.push(m), configWith({ credsStore: name }), env)).toBeUndefined();
      expect(warnings, JSON.stringify(warnings)).toEqual([expect.stringMatching(message)]);
    });

    it("refuses a helper name that holds a path", () => {
      expect(() => findCredentials("quay.io", {}, () => {}, configWith({ credsStore: "../../tmp/evil" }), env)).toThrow(/credential helper name "\.\.\/\.\.\/tmp\/evil" is not a plain program name/);
    });
  });

  it("reads $DOCKER_CONFIG, and goes anonymous without any config", () => {
    writeFileSync(join(dir, "config.json"), JSON.stringify({ auths: { "ghcr.io": auth("env") } }));
    expect(findCredentials("ghcr.io", {}, () => {}, undefined, { DOCKER_CONFIG: dir })?.username).toBe("env");
    expect(findCredentials("ghcr.io", {}, () => {}, undefined, { DOCKER_CONFIG: join(dir, "absent") })).toBeUndefined();
  });
});

describe("network failures in one line", () => {
  const url = new URL("https://registry.example.com:5000/v2/");
  const err = (code: string): Error => Object.assign(new Error(`x ${code}`), { code });
  it.each([
    [err("ENOTFOUND"), "cannot resolve host registry.example.com"],
    [err("ECONNREFUSED"), "connection refused by registry.example.com:5000"],
    [new AggregateError([err("ECONNREFUSED"), err("ECONNREFUSED")]), "connection refused by registry.example.com:5000"],
    [new TypeError("fetch failed", { cause: err("ETIMEDOUT") }), "timed out connecting to registry.example.com:5000"],
    [err("UND_ERR_CONNECT_TIMEOUT"), "timed out connecting to registry.example.com:5000"],
    [err("SELF_SIGNED_CERT_IN_CHAIN"), "TLS certificate of registry.example.com:5000 is not trusted (SELF_SIGNED_CERT_IN_CHAIN); give its CA with --ca-file"],
    [err("CERT_HAS_EXPIRED"), "TLS certificate of registry.example.com:5000 is not valid now (CERT_HAS_EXPIRED)"],
    [err("ERR_TLS_CERT_ALTNAME_INVALID"), "TLS certificate of registry.example.com:5000 does not name registry.example.com"],
    [err("ERR_SSL_WRONG_VERSION_NUMBER"), "TLS handshake with registry.example.com:5000 failed: is it plain HTTP? (--insecure, loopback only)"],
    [new Error("odd\nthing"), "cannot reach registry.example.com:5000: odd thing"],
  ])("%s", (e, message) => {
    expect(describeNetworkError(url, e)).toBe(message);
  });
});

describe("the network stub", () => {
  it("catches a request, so the refusals above prove that none was made", async () => {
    const before = network.calls.length;
    await expect(openRegistryImage("127.0.0.1:9/a:1", { insecure: true, dockerConfig: emptyConfig() })).rejects.toThrow("the network must not be used");
    expect(network.calls.slice(before)).toEqual(["http://127.0.0.1:9/v2/a/manifests/1"]);
  });
});

function emptyConfig(): string {
  const file = join(dir, "empty.json");
  writeFileSync(file, "{}");
  return file;
}
