// Registry authentication: Bearer tokens from the token service a 401 names, Basic registries,
// credentials from the command line or Docker's config.json, and the one-line failures.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRegistryImage } from "../../../src/artifacts/image/registry.js";
import type { OpenRegistryOptions } from "../../../src/artifacts/image/registry.js";
import { buildImage, FakeRegistry } from "./fake-registry.js";
import type { BuiltImage } from "./fake-registry.js";

const user = { username: "robot", password: "s3cret:with:colons" };
const basicHeader = `Basic ${Buffer.from(`${user.username}:${user.password}`).toString("base64")}`;
let image: BuiltImage;
let dir: string;

beforeAll(async () => {
  image = await buildImage([{ "hello.txt": "hello" }]);
  dir = mkdtempSync(join(tmpdir(), "mamori-registry-auth-"));
  dockerConfig("empty", {});
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function serve(opts: ConstructorParameters<typeof FakeRegistry>[0]): Promise<FakeRegistry> {
  const reg = await new FakeRegistry(opts).start();
  reg.add("private/app", "1", image);
  return reg;
}

/** A Docker config directory whose config.json holds `config`. */
function dockerConfig(name: string, config: unknown): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, "config.json"), JSON.stringify(config));
  return d;
}

async function pull(reg: FakeRegistry, opts: OpenRegistryOptions = {}): Promise<{ layerBytes: number; warnings: string[] }> {
  const warnings: string[] = [];
  const img = await openRegistryImage(`${reg.host}/private/app:1`, { insecure: true, dockerConfig: join(dir, "empty"), ...opts, warn: (m) => warnings.push(m) });
  try {
    let layerBytes = 0;
    for await (const c of await img.layers[0]!.open()) layerBytes += (c as Buffer).length;
    return { layerBytes, warnings };
  } finally {
    await img.close();
  }
}

describe("Bearer token auth", () => {
  it("gets an anonymous token from the realm of the 401 challenge and uses it for every request", async () => {
    const reg = await serve({ auth: "bearer" });
    try {
      await pull(reg);
      const token = reg.seen.filter((s) => s.path === "/token");
      expect(token).toHaveLength(1);
      expect(token[0]).toMatchObject({ query: { service: "fake-registry", scope: "repository:private/app:pull" } });
      expect(token[0]!.authorization).toBeUndefined();
      const after = reg.seen.slice(reg.seen.indexOf(token[0]!) + 1);
      expect(after.map((s) => [s.path.replace(/sha256:\w+/, "<digest>"), s.authorization])).toEqual([
        ["/v2/private/app/manifests/1", "Bearer t1"],
        ["/v2/private/app/blobs/<digest>", "Bearer t1"],
        ["/v2/private/app/blobs/<digest>", "Bearer t1"],
      ]);
    } finally {
      await reg.stop();
    }
  });

  it("sends Basic credentials from Docker's config.json to the token service", async () => {
    const reg = await serve({ auth: "bearer", user });
    try {
      const cfg = dockerConfig("bearer", { auths: { [`https://${reg.host}`]: { auth: Buffer.from(`${user.username}:${user.password}`).toString("base64") } } });
      const { layerBytes, warnings } = await pull(reg, { dockerConfig: cfg });
      expect(layerBytes).toBe(image.blobs.get(image.layerDigests[0]!)!.body.length);
      expect(warnings).toEqual([]);
      expect(reg.seen.find((s) => s.path === "/token")?.authorization).toBe(basicHeader);
      // The registry itself only ever sees the token.
      expect(reg.seen.filter((s) => s.path.startsWith("/v2/") && s.authorization?.startsWith("Basic"))).toEqual([]);
    } finally {
      await reg.stop();
    }
  });

  it("reads $DOCKER_CONFIG when no config is named", async () => {
    const reg = await serve({ auth: "bearer", user });
    const saved = process.env.DOCKER_CONFIG;
    try {
      process.env.DOCKER_CONFIG = dockerConfig("env", { auths: { [reg.host]: { auth: Buffer.from(`${user.username}:${user.password}`).toString("base64") } } });
      const img = await openRegistryImage(`${reg.host}/private/app:1`, { insecure: true });
      await img.close();
      expect(reg.seen.find((s) => s.path === "/token")?.authorization).toBe(basicHeader);
    } finally {
      if (saved === undefined) delete process.env.DOCKER_CONFIG;
      else process.env.DOCKER_CONFIG = saved;
      await reg.stop();
    }
  });

  it.each([
    ["wrong credentials", { username: "robot", password: "nope" }, /private\/app:1: authentication failed \(HTTP 401 from token service 127\.0\.0\.1:\d+ with the credentials from --username\/--password\)$/],
    ["no credentials where they are needed", undefined, /private\/app:1: the registry requires credentials: give --username and --password, or log in with docker login$/],
  ])("fails in one line with %s", async (_label, given, message) => {
    const reg = await serve({ auth: "bearer", user });
    try {
      await expect(pull(reg, given ?? {})).rejects.toThrow(message);
    } finally {
      await reg.stop();
    }
  });
});

describe("Basic auth registries", () => {
  it("answers the Basic challenge with --username and --password", async () => {
    const reg = await serve({ auth: "basic", user });
    try {
      await pull(reg, user);
      const v2 = reg.seen.filter((s) => s.path.startsWith("/v2/"));
      expect(v2[0]!.authorization).toBeUndefined(); // anonymous first, as Docker does
      expect(v2.slice(1).every((s) => s.authorization === basicHeader)).toBe(true);
      expect(v2).toHaveLength(4);
    } finally {
      await reg.stop();
    }
  });

  it("takes username and password fields from config.json too", async () => {
    const reg = await serve({ auth: "basic", user });
    try {
      await pull(reg, { dockerConfig: dockerConfig("fields", { auths: { [reg.host]: { username: user.username, password: user.password } } }) });
      expect(reg.seen.at(-1)?.authorization).toBe(basicHeader);
    } finally {
      await reg.stop();
    }
  });

  it("fails in one line when the registry refuses the credentials", async () => {
    const reg = await serve({ auth: "basic", user });
    try {
      await expect(pull(reg, { username: "robot", password: "bad" })).rejects.toThrow(
        /^127\.0\.0\.1:\d+\/private\/app:1: authentication failed \(HTTP 401 from 127\.0\.0\.1:\d+ with the credentials from --username\/--password\)$/,
      );
    } finally {
      await reg.stop();
    }
  });
});

describe("Docker config.json", () => {
  it("warns when the credential helper is not installed, and goes on anonymously", async () => {
    const reg = await serve({ auth: "none" });
    try {
      const cfg = dockerConfig("helper", { auths: { [reg.host]: {} }, credsStore: "mamori-test-absent" });
      const { warnings } = await pull(reg, { dockerConfig: cfg });
      expect(warnings).toEqual([`${join(cfg, "config.json")}: credential helper docker-credential-mamori-test-absent is not on PATH; pulling ${reg.host} anonymously`]);
    } finally {
      await reg.stop();
    }
  });

  it("pulls with the credentials a credential helper gives", async () => {
    const reg = await serve({ auth: "basic", user });
    const bin = mkdtempSync(join(dir, "bin-"));
    writeFileSync(join(bin, "docker-credential-mamori-test"), `#!/bin/sh\nread server\nprintf '{"ServerURL":"%s","Username":"${user.username}","Secret":"${user.password}"}' "$server"\n`, { mode: 0o755 });
    const oldPath = process.env.PATH;
    process.env.PATH = `${bin}:${oldPath ?? ""}`;
    try {
      const { warnings } = await pull(reg, { dockerConfig: dockerConfig("helper-ok", { credHelpers: { [reg.host]: "mamori-test" } }) });
      expect(warnings).toEqual([]);
      expect(reg.seen.at(-1)?.authorization).toBe(basicHeader);
    } finally {
      process.env.PATH = oldPath;
      await reg.stop();
    }
  });

  it.each([
    ["a config that is not JSON", "{", /config\.json: not valid JSON/],
    ["an auth that is not user:password", JSON.stringify({ auths: { "127.0.0.1": { auth: Buffer.from("nocolon").toString("base64") } } }), /auths entry for 127\.0\.0\.1 is not base64 of "user:password"/],
  ])("refuses %s", async (_label, text, message) => {
    const d = mkdtempSync(join(dir, "bad-"));
    writeFileSync(join(d, "config.json"), text);
    // Host 127.0.0.1 without a port: nothing listens there, and nothing is sent, since credentials are read first.
    await expect(openRegistryImage("127.0.0.1/x/y:1", { insecure: true, dockerConfig: d })).rejects.toThrow(message);
  });

  it("refuses a named config file that does not exist", async () => {
    await expect(openRegistryImage("127.0.0.1/x/y:1", { insecure: true, dockerConfig: join(dir, "missing.json") })).rejects.toThrow(
      /^--docker-config .*missing\.json: no such file or directory$/,
    );
  });

  it("refuses half of the command-line credentials", async () => {
    await expect(openRegistryImage("127.0.0.1/x/y:1", { insecure: true, username: "robot" })).rejects.toThrow("--username and --password go together: give both");
  });
});
