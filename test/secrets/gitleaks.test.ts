// Loading gitleaks configurations: the default one shipped with gitleaks (all of its rules must
// load and compile, and detect tokens made to their documented formats), and small ones that
// exercise extending, allowlists and errors.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors.js";
import { BUILTIN_SECRET_RULES, loadGitleaksConfig, SecretScanner } from "../../src/secrets/index.js";
import { fake } from "../../src/secrets/rules/fake.js";

const DEFAULT_CONFIG = new URL("../../../shared/data/gitleaks/gitleaks.toml", import.meta.url).pathname;
const haveDefault = existsSync(DEFAULT_CONFIG);
if (!haveDefault) console.warn(`skipping gitleaks default configuration tests: ${DEFAULT_CONFIG} is absent`);

const pem = (label: string): string =>
  `-----BEGIN ${label}-----\n${Array.from({ length: 6 }, (_, i) => fake("A-Za-z0-9+/", 64, `gl-pem${i}`)).join("\n")}\n-----END ${label}-----\n`;
const b64url = (s: string): string => Buffer.from(s).toString("base64url");

// Tokens built to the formats the rules document; never written out whole.
const SAMPLES: [string, string, string?][] = [
  ["aws-access-token", `aws_access_key_id = ${"AKIA" + fake("A-Z2-7", 16, "gl-aws")}`],
  ["github-pat", `GITHUB_TOKEN=${"ghp_" + fake("A-Za-z0-9", 36, "gl-ghp")}`],
  ["github-fine-grained-pat", `token: ${"github_pat_" + fake("A-Za-z0-9", 82, "gl-ghf")}`],
  ["gitlab-pat", `GITLAB_TOKEN=${"glpat-" + fake("A-Za-z0-9", 20, "gl-glpat")}`],
  ["slack-bot-token", `SLACK=${"xoxb-" + fake("0-9", 12, "gl-s1") + "-" + fake("0-9", 13, "gl-s2") + "-" + fake("A-Za-z0-9", 24, "gl-s3")}`],
  ["stripe-access-token", `STRIPE_KEY=${"sk_live_" + fake("A-Za-z0-9", 24, "gl-stripe")}`],
  ["npm-access-token", `//registry.npmjs.org/:_authToken=${"npm_" + fake("a-z0-9", 36, "gl-npm")}`],
  ["sendgrid-api-token", `SENDGRID_API_KEY=${"SG." + fake("A-Za-z0-9", 22, "gl-sg1") + "." + fake("A-Za-z0-9", 43, "gl-sg2")}`],
  ["openai-api-key", `OPENAI_API_KEY=${"sk-proj-" + fake("A-Za-z0-9", 74, "gl-oa1") + "T3Blbk" + "FJ" + fake("A-Za-z0-9", 74, "gl-oa2")}`],
  ["anthropic-api-key", `ANTHROPIC_API_KEY=${"sk-ant-api03-" + fake("A-Za-z0-9", 93, "gl-ant") + "AA"}`],
  ["pypi-upload-token", `password = ${"pypi-AgEIcHlwaS5vcmc" + fake("A-Za-z0-9", 80, "gl-pypi")}`],
  ["digitalocean-pat", `DO_TOKEN=${"dop_v1_" + fake("0-9a-f", 64, "gl-do")}`],
  ["shopify-access-token", `SHOPIFY=${"shpat_" + fake("0-9a-f", 32, "gl-shp")}`],
  ["databricks-api-token", `DATABRICKS_TOKEN=${"dapi" + fake("0-9a-f", 32, "gl-dapi")}`],
  ["gcp-api-key", `key=${"AIza" + fake("A-Za-z0-9_-", 35, "gl-gcp")}`],
  ["jwt", `Authorization: Bearer ${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(`{"sub":"${fake("a-z", 12, "gl-jwt")}","iat":1700000000}`)}.${fake("A-Za-z0-9_-", 43, "gl-jwts")}`],
  ["private-key", pem("RSA PRIVATE KEY")],
  ["generic-api-key", `api_secret = "${fake("A-Za-z0-9", 32, "gl-generic3")}"`],
  ["pkcs12-file", "", "certs/client.p12"],
];

describe.skipIf(!haveDefault)("gitleaks' default configuration", () => {
  const text = haveDefault ? readFileSync(DEFAULT_CONFIG, "utf8") : "";
  const loaded = haveDefault ? loadGitleaksConfig(text, "gitleaks.toml") : { rules: [], warnings: [] };
  const scanner = new SecretScanner(loaded.rules);

  it("loads and compiles every rule", () => {
    const declared = (text.match(/^\[\[rules\]\]/gm) ?? []).length;
    expect(declared).toBe(222);
    expect(loaded.warnings).toEqual([]);
    expect(loaded.rules).toHaveLength(declared);
    expect(scanner.compiled.rules).toHaveLength(declared);
  });

  it("keeps gitleaks' ids, and takes Mamori's severity where a built-in rule corresponds", () => {
    const aws = loaded.rules.find((r) => r.id === "aws-access-token");
    expect(aws?.severity).toBe("high");
    expect(aws?.title).toBe("AWS access key ID");
    expect(loaded.rules.find((r) => r.id === "private-key")?.severity).toBe("critical");
    expect(loaded.rules.find((r) => r.id === "generic-api-key")?.severity).toBe("medium");
  });

  it.each(SAMPLES)("%s finds a token made to its format", (id, sample, path) => {
    const found = scanner.scanText(sample, path ?? "app/settings.env").findings.filter((f) => f.ruleId === id);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]?.references).toEqual({ gitleaks: id });
    const token = sample.split(/[= ]/).pop() ?? "";
    if (token.length > 12) expect(JSON.stringify(found)).not.toContain(token);
  });

  it("its global allowlist applies to every rule", () => {
    const sample = SAMPLES[1]?.[1] ?? "";
    expect(scanner.scanText(sample, "node_modules/pkg/index.js").findings).toEqual([]);
    expect(scanner.scanText(sample, "src/index.js").findings.length).toBeGreaterThan(0);
  });

  it("its rule allowlists apply: the AWS documentation key", () => {
    expect(scanner.scanText(`key = AKIA${"IOSFODNN7" + "EXAMPLE"}`, "a.env").findings.filter((f) => f.ruleId === "aws-access-token")).toEqual([]);
  });

  it("every one of its rules corresponds to a built-in Mamori rule (the provider coverage)", () => {
    const refs = new Set(BUILTIN_SECRET_RULES.flatMap((r) => [r.references?.gitleaks ?? []].flat()));
    expect(loaded.rules.map((r) => r.id).filter((id) => !refs.has(id))).toEqual([]);
  });
});

describe("gitleaks configurations", () => {
  const TOKEN = "acme_" + fake("a-z0-9", 24, "gl-acme");
  const ACME = `
title = "custom"
[[rules]]
id = "acme-token"
description = "Acme internal API token"
regex = '''\\b(acme_[a-z0-9]{24})\\b'''
keywords = ["ACME_"]
entropy = 2.5
tags = ["internal"]
`;

  it("reads a rule: id, description as title, keywords lower-cased, gitleaks semantics", () => {
    const { rules, warnings } = loadGitleaksConfig(ACME, "custom.toml");
    expect(warnings).toEqual([]);
    expect(rules).toHaveLength(1);
    expect(rules[0]).not.toHaveProperty("generic");
    expect(rules[0]).toMatchObject({ id: "acme-token", title: "Acme internal API token", severity: "high", keywords: ["acme_"], entropy: 2.5, scope: "file", tags: ["internal"] });
    const [f] = new SecretScanner(rules).scanText(`x: ${TOKEN}`, "a.yaml").findings;
    expect(f?.ruleId).toBe("acme-token");
    expect(JSON.stringify(f)).not.toContain(TOKEN);
  });

  it("a keyword anywhere in the file enables a loaded rule on the whole file", () => {
    const { rules } = loadGitleaksConfig(`[[rules]]\nid = "ctx"\nregex = '''\\b([0-9]{16})\\b'''\nkeywords = ["acmebank"]\n`, "c.toml");
    const s = new SecretScanner(rules);
    expect(s.scanText(`# acmebank settings\n\n\naccount = ${fake("0-9", 16, "gl-ctx")}`, "a").findings).toHaveLength(1);
    expect(s.scanText(`account = ${fake("0-9", 16, "gl-ctx")}`, "a").findings).toEqual([]);
  });

  it("secretGroup picks the secret; a Mamori severity may be given", () => {
    const { rules } = loadGitleaksConfig(
      `[[rules]]\nid = "kv"\nregex = '''(key)=([a-z0-9]{20})'''\nsecretGroup = 2\nseverity = "critical"\n`,
      "c.toml",
    );
    const [f] = new SecretScanner(rules).scanText(`key=${fake("a-z0-9", 20, "gl-kv")}`, "a").findings;
    expect(f?.severity).toBe("critical");
    expect(f?.location.startColumn).toBe(5);
  });

  it("rule allowlists, old and new forms, with stopwords and regex targets", () => {
    const cfg = `${ACME}
[[rules.allowlists]]
stopwords = ["${TOKEN.slice(8, 14)}"]
[[rules]]
id = "other"
regex = '''(zz_[0-9]{6})'''
[rules.allowlist]
regexTarget = "line"
regexes = ['''fixture''']
`;
    const s = new SecretScanner(loadGitleaksConfig(cfg, "c.toml").rules);
    expect(s.scanText(`x: ${TOKEN}`, "a").findings).toEqual([]);
    expect(s.scanText("y = zz_123456 # fixture", "a").findings).toEqual([]);
    expect(s.scanText("y = zz_123456", "a").findings).toHaveLength(1);
  });

  it("global allowlists, also limited to some rules", () => {
    const cfg = `${ACME}
[[rules]]
id = "other"
regex = '''(zz_[0-9]{6})'''
[[allowlists]]
paths = ['''^test/''']
[[allowlists]]
targetRules = ["other"]
regexes = ['''^zz_0''']
`;
    const s = new SecretScanner(loadGitleaksConfig(cfg, "c.toml").rules);
    expect(s.scanText(`x: ${TOKEN}`, "test/a").findings).toEqual([]);
    expect(s.scanText(`x: ${TOKEN}`, "src/a").findings).toHaveLength(1);
    expect(s.scanText("zz_012345", "src/a").findings).toEqual([]);
    expect(s.scanText("zz_912345", "src/a").findings).toHaveLength(1);
  });

  it("[extend] useDefault merges with the built-in rules, less disabled and replaced ones", () => {
    const cfg = `[extend]
useDefault = true
disabledRules = ["github-pat"]
[[rules]]
id = "aws-access-token"
regex = '''(AKIA[A-Z2-7]{16})'''
keywords = ["akia"]
[allowlist]
paths = ['''^vendor/''']
`;
    const { rules, warnings } = loadGitleaksConfig(cfg, "c.toml");
    expect(warnings).toEqual([]);
    const ids = rules.map((r) => r.id);
    expect(ids).not.toContain("MAM-SEC-200");
    expect(ids).not.toContain("MAM-SEC-100");
    expect(ids).toContain("aws-access-token");
    expect(ids).toContain("MAM-SEC-201");
    expect(rules).toHaveLength(BUILTIN_SECRET_RULES.length - 1);
    const s = new SecretScanner(rules);
    const gho = "gho_" + fake("A-Za-z0-9", 36, "gl-gho");
    expect(s.scanText(`t=${gho}`, "src/a").findings.map((f) => f.ruleId)).toEqual(["MAM-SEC-201"]);
    expect(s.scanText(`t=${gho}`, "vendor/a").findings).toEqual([]);
    expect(s.scanText(`t=${"AKIA" + fake("A-Z2-7", 16, "gl-ext")}`, "src/a").findings.map((f) => f.ruleId)).toEqual(["aws-access-token"]);
  });

  it("without useDefault, only the configured rules", () => {
    expect(loadGitleaksConfig(ACME, "c.toml").rules.map((r) => r.id)).toEqual(["acme-token"]);
  });

  it.each([
    ["a lookahead (not RE2)", `[[rules]]\nid = "bad"\nregex = '''(?=x)abc'''\n`, /c\.toml: rule bad: invalid regular expression/],
    ["a backreference", `[[rules]]\nid = "bad"\nregex = '''(a)\\1'''\n`, /c\.toml: rule bad: invalid regular expression/],
    ["no id", `[[rules]]\nregex = '''abc'''\n`, /c\.toml: rules\[1\] has no id/],
    ["neither regex nor path", `[[rules]]\nid = "bad"\nkeywords = ["x"]\n`, /c\.toml: rule bad: needs a regex or a path/],
    ["a regex that is not a string", `[[rules]]\nid = "bad"\nregex = 3\n`, /c\.toml: rule bad: regex must be a string/],
    ["a bad allowlist regex", `[[rules]]\nid = "bad"\nregex = '''abc'''\n[[rules.allowlists]]\nregexes = ['''(''']\n`, /c\.toml: rule bad allowlist regex 1: invalid regular expression/],
    ["an unknown severity", `[[rules]]\nid = "bad"\nregex = '''abc'''\nseverity = "urgent"\n`, /c\.toml: rule bad\.severity must be one of/],
  ])("%s: the rule is left out with a warning naming it", (_name, cfg, warning) => {
    const { rules, warnings } = loadGitleaksConfig(`${ACME}\n${cfg}`, "c.toml");
    expect(rules.map((r) => r.id)).toEqual(["acme-token"]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(warning);
    expect(warnings[0]).toMatch(/rule left out$/);
  });

  it("a duplicate rule id keeps the first and warns", () => {
    const { rules, warnings } = loadGitleaksConfig(`${ACME}\n${ACME.replace('title = "custom"', "")}`, "c.toml");
    expect(rules).toHaveLength(1);
    expect(warnings[0]).toMatch(/acme-token is defined twice/);
  });

  it("settings that cannot apply are warnings: extend.path, commits", () => {
    const { warnings } = loadGitleaksConfig(`[extend]\npath = "base.toml"\n[allowlist]\ncommits = ["abc"]\n`, "c.toml");
    expect(warnings).toEqual([
      "c.toml: [extend] path is not supported: the rules of base.toml are not loaded",
      "allowlists[0]: commits do not apply to files and images: ignored",
    ]);
  });

  it("text that is not TOML is an input error naming the file", () => {
    expect(() => loadGitleaksConfig("[[rules]\nid = ", "broken.toml")).toThrow(InputError);
    expect(() => loadGitleaksConfig("[[rules]\nid = ", "broken.toml")).toThrow(/^broken\.toml: not a valid TOML file/);
  });

  it("a path-only rule reports matching files", () => {
    const { rules } = loadGitleaksConfig(`[[rules]]\nid = "keystore"\npath = '''\\.jks$'''\n`, "c.toml");
    expect(new SecretScanner(rules).scanText("", "app/keystore.jks").findings.map((f) => f.ruleId)).toEqual(["keystore"]);
  });
});
