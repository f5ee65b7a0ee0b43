// Secrets in an image's configuration (Env, history ENV and ARG, build arguments baked into RUN
// entries, labels) are reported, and never shown: not in a message, a snippet, a fix or anywhere else.
import { describe, expect, it } from "vitest";
import type { ImageConfigLike } from "../../../src/adapters/image-config.js";
import { runImageConfigChecks } from "../../../src/checks/image/run.js";
import { DEFAULT_PATH, LEGACY_DEBIAN, SHOP, SHOP_SECRETS, imageConfig } from "./fixtures.js";

interface Planted {
  name: string;
  secret: string;
  config: (secret: string) => ImageConfigLike;
  /** The check that must report it, and on which reconstructed line. */
  reported: [string, number];
}

/** Every string anywhere in the findings, unescaped. */
function strings(v: unknown): string[] {
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (typeof v === "object" && v !== null) return Object.values(v).flatMap(strings);
  return [];
}

const PLANTED: Planted[] = [
  { name: "config.Env of a squashed image", secret: "Pl4nted-Env-Secret-0001", config: (s) => ({ config: { Env: [DEFAULT_PATH, `DB_PASSWORD=${s}`] } }), reported: ["MAM-DF-005", 3] },
  {
    name: "a legacy ENV entry that the config repeats",
    secret: "Pl4nted-Env-Secret-0002",
    config: (s) => imageConfig({ Env: [`API_TOKEN=${s}`] }, [...LEGACY_DEBIAN, { created_by: `/bin/sh -c #(nop)  ENV API_TOKEN=${s}`, empty_layer: true }]),
    reported: ["MAM-DF-005", 4],
  },
  {
    name: "a legacy build-argument prefix",
    secret: "Pl4nted-Arg-Secret-0003",
    config: (s) => imageConfig({}, [{ created_by: `|2 VERSION=1.0 GITHUB_TOKEN=${s} /bin/sh -c make install` }]),
    reported: ["MAM-DF-005", 3],
  },
  {
    name: "a BuildKit build argument with spaces in its value",
    secret: "Pl4nted Arg Secret 0004",
    config: (s) => imageConfig({}, [{ created_by: `RUN |1 DEPLOY_PASSWORD=${s} /bin/sh -c ./deploy.sh # buildkit` }]),
    reported: ["MAM-DF-005", 2],
  },
  {
    name: "a BuildKit ARG default",
    secret: "Pl4nted-Arg-Secret-0005",
    config: (s) => imageConfig({}, [{ created_by: `ARG SIGNING_KEY=${s}`, empty_layer: true }]),
    reported: ["MAM-DF-005", 2],
  },
  { name: "a short value", secret: "q7z", config: (s) => ({ config: { Env: [`ADMIN_PASSWORD=${s}`] } }), reported: ["MAM-DF-005", 2] },
  { name: "a value with quotes and a dollar", secret: '$Pl4"nted\\0007', config: (s) => ({ config: { Env: [`APP_SECRET=${s}`] } }), reported: ["MAM-DF-005", 2] },
  { name: "a multi-line private key", secret: "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", config: (s) => ({ config: { Env: [`TLS_PRIVATE_KEY=-----BEGIN PRIVATE KEY-----\n${s}\n-----END PRIVATE KEY-----`] } }), reported: ["MAM-DF-005", 2] },
  { name: "a label", secret: "Pl4nted-Label-Secret-0009", config: (s) => ({ config: { Labels: { "com.example.api-key": s } } }), reported: ["MAM-IMG-002", 2] },
];

describe("secrets in image configs never leak into findings", () => {
  it.each(PLANTED)("$name", ({ secret, config, reported }) => {
    const findings = runImageConfigChecks(config(secret), "example:1");
    const [ruleId, line] = reported;
    const hit = findings.find((f) => f.ruleId === ruleId && f.location.startLine === line);
    expect(hit, `${ruleId} on line ${line}`).toBeDefined();
    expect(hit?.kind).toBe("secret");
    expect(hit?.snippet).toMatch(/\*{4}/);
    const shown = strings(findings);
    expect(shown.length).toBeGreaterThan(10);
    for (const part of [secret, ...secret.split(/\s+/).filter((p) => p.length >= 4)]) {
      for (const s of shown) expect(s).not.toContain(part);
    }
  });

  it("in the realistic image: three secrets reported, none shown", () => {
    const findings = runImageConfigChecks(SHOP, "shop:1");
    expect(findings.filter((f) => f.kind === "secret").map((f) => f.ruleId)).toEqual(["MAM-DF-005", "MAM-DF-005", "MAM-IMG-002"]);
    for (const secret of SHOP_SECRETS) for (const s of strings(findings)) expect(s).not.toContain(secret);
  });
});
