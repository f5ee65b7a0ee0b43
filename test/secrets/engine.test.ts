// The matching engine: positions, masking, fingerprints, allowlists, entropy, the keyword
// pre-filter, binary and size limits, and which rule wins when two find the same secret.
import { describe, expect, it } from "vitest";
import { SecretScanner, shannonEntropy } from "../../src/secrets/index.js";
import { fake } from "../../src/secrets/rules/fake.js";
import type { SecretRule } from "../../src/secrets/types.js";

// Fixture tokens are generated, never written out whole in the source.
const GH = "ghp" + "_" + fake("A-Za-z0-9", 36, "engine-gh");
const GH2 = "ghp" + "_" + fake("A-Za-z0-9", 36, "engine-gh2");
const AWS = "AKIA" + fake("A-Z2-7", 16, "engine-aws");

const builtin = new SecretScanner();
const scan = (text: string, path = "app/config.env") => builtin.scanText(text, path);

function rule(over: Partial<SecretRule>): SecretRule {
  return { id: "TEST-001", slug: "test", title: "Test token", severity: "high", keywords: ["tok_"], regex: "(tok_[a-z0-9]{12})", ...over };
}

describe("positions", () => {
  it.each([
    { name: "first line", text: `${GH}\n`, line: 1, col: 1 },
    { name: "after other lines", text: `a\nbb\nTOKEN=${GH}\n`, line: 3, col: 7 },
    { name: "CRLF line ends", text: `a\r\nbb\r\nTOKEN=${GH}\r\n`, line: 3, col: 7 },
    { name: "multi-byte characters before it count as one column each", text: `# é—ü\nkey: "ü€ ${GH}"`, line: 2, col: 10 },
    { name: "an astral character counts two (UTF-16 columns)", text: `x="😀${GH}"`, line: 1, col: 6 },
    { name: "no final newline", text: `\n\n\n${GH}`, line: 4, col: 1 },
  ])("$name", ({ text, line, col }) => {
    const [f] = scan(text).findings.filter((x) => x.ruleId === "MAM-SEC-200");
    expect(f?.location).toEqual({ path: "app/config.env", startLine: line, endLine: line, startColumn: col, endColumn: col + GH.length });
  });

  it("a secret over several lines spans them", () => {
    const body = Array.from({ length: 5 }, (_, i) => fake("A-Za-z0-9+/", 64, `pos${i}`)).join("\n");
    const text = `header\n-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----\n`;
    const [f] = scan(text, "id_rsa").findings;
    expect(f?.ruleId).toBe("MAM-SEC-001");
    expect(f?.location.startLine).toBe(2);
    expect(f?.location.endLine).toBe(7);
    expect(f?.snippet).toBe("-----BEGIN RSA PRIVATE KEY-----");
  });

  it("finds every secret of a file, in file order", () => {
    const text = `one=${AWS}\ntwo=${GH}\nthree=${GH2}\n`;
    expect(scan(text).findings.map((f) => [f.ruleId, f.location.startLine])).toEqual([
      ["MAM-SEC-100", 1],
      ["MAM-SEC-200", 2],
      ["MAM-SEC-200", 3],
    ]);
  });
});

describe("masking", () => {
  it("the snippet is the line with the secret masked; the secret is nowhere in the finding", () => {
    const [f] = scan(`export GITHUB_TOKEN=${GH} # ci`).findings;
    expect(f?.snippet).toBe(`export GITHUB_TOKEN=${GH.slice(0, 4)}${"*".repeat(16)} # ci`);
    const json = JSON.stringify(f);
    expect(json).not.toContain(GH);
    expect(json).not.toContain(GH.slice(4));
    expect(f?.message).toBe("GitHub personal access token (classic) found");
  });

  it("masks every copy of the secret on the line", () => {
    const [f] = scan(`a=${GH} b=${GH}`).findings;
    expect(f?.snippet).not.toContain(GH);
  });

  it("cuts a long line around the secret, masked", () => {
    const [f] = scan(`${"x ".repeat(500)}t=${GH}${" y".repeat(500)}`).findings;
    expect(f?.snippet?.length).toBeLessThanOrEqual(242);
    expect(f?.snippet).toContain(GH.slice(0, 4) + "****");
    expect(f?.snippet?.startsWith("…")).toBe(true);
    expect(f?.snippet?.endsWith("…")).toBe(true);
  });
});

describe("fingerprints", () => {
  it("keep the id when lines move; differ by secret, path and rule", () => {
    const a = scan(`t=${GH}`).findings[0]?.id;
    expect(scan(`\n\n# moved\n  t = ${GH}`).findings[0]?.id).toBe(a);
    expect(scan(`t=${GH2}`).findings[0]?.id).not.toBe(a);
    expect(scan(`t=${GH}`, "other/file").findings[0]?.id).not.toBe(a);
    expect(builtin.scanText(`t=${GH}`, "app/config.env", { scope: "image" }).findings[0]?.id).not.toBe(a);
  });

  it("tell apart the same secret twice in one file", () => {
    const ids = scan(`a=${GH}\nb=${GH}`).findings.map((f) => f.id);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });
});

describe("allowlists", () => {
  const token = "tok_" + fake("a-z0-9", 12, "allow");
  const cases: { name: string; over: Partial<SecretRule>; text: string; path?: string; found: boolean }[] = [
    { name: "no allowlist", over: {}, text: `x = ${token}`, found: true },
    { name: "stopword in the secret (any case)", over: { allowlists: [{ stopwords: [token.slice(6, 10).toUpperCase()] }] }, text: `x = ${token}`, found: false },
    { name: "stopword elsewhere on the line does not count", over: { allowlists: [{ stopwords: ["ignored"] }] }, text: `ignored = ${token}`, found: true },
    { name: "regex on the secret", over: { allowlists: [{ regexes: ["^tok_"] }] }, text: `x = ${token}`, found: false },
    { name: "regex on the match", over: { regex: "x = (tok_[a-z0-9]{12})", allowlists: [{ regexTarget: "match", regexes: ["^x = "] }] }, text: `x = ${token}`, found: false },
    { name: "regex on the line", over: { allowlists: [{ regexTarget: "line", regexes: ["# test fixture"] }] }, text: `x = ${token} # test fixture`, found: false },
    { name: "regex on the line, other line", over: { allowlists: [{ regexTarget: "line", regexes: ["# test fixture"] }] }, text: `# test fixture\nx = ${token}`, found: true },
    { name: "path", over: { allowlists: [{ paths: ["(^|/)fixtures/"] }] }, text: `x = ${token}`, path: "test/fixtures/a.env", found: false },
    { name: "path, elsewhere", over: { allowlists: [{ paths: ["(^|/)fixtures/"] }] }, text: `x = ${token}`, path: "src/a.env", found: true },
    { name: "AND: path and regex both hold", over: { allowlists: [{ condition: "and", paths: ["\\.md$"], regexes: ["^tok_"] }] }, text: `x = ${token}`, path: "README.md", found: false },
    { name: "AND: only the regex holds", over: { allowlists: [{ condition: "and", paths: ["\\.md$"], regexes: ["^tok_"] }] }, text: `x = ${token}`, path: "a.env", found: true },
    { name: "OR: only the regex holds", over: { allowlists: [{ paths: ["\\.md$"], regexes: ["^tok_"] }] }, text: `x = ${token}`, path: "a.env", found: false },
    { name: "rule path: applies only to matching files", over: { path: "\\.env$" }, text: `x = ${token}`, path: "a.txt", found: false },
  ];
  it.each(cases)("$name", ({ over, text, path, found }) => {
    const s = new SecretScanner([rule(over)]);
    expect(s.scanText(text, path ?? "a.env").findings.length > 0).toBe(found);
  });

  it("built-in placeholders: documentation keys, template variables", () => {
    expect(scan(`aws_access_key_id = AKIA${"IOSFODNN7" + "EXAMPLE"}`).findings).toEqual([]);
    expect(scan("GITHUB_TOKEN=${GITHUB_TOKEN}").findings).toEqual([]);
    expect(scan("api_key: <your-api-key-here>").findings).toEqual([]);
  });
});

describe("entropy", () => {
  it.each([
    ["", 0],
    ["aaaa", 0],
    ["abab", 1],
    ["abcd", 2],
    ["0123456789abcdef", 4],
  ])("%j has %d bits per character", (s, bits) => {
    expect(shannonEntropy(s)).toBeCloseTo(bits, 6);
  });

  it("a rule's threshold drops low-entropy candidates", () => {
    const s = new SecretScanner([rule({ entropy: 3 })]);
    expect(s.scanText("tok_aaaaaaaaaaaa", "a").findings).toEqual([]);
    expect(s.scanText("tok_" + fake("a-z0-9", 12, "ent"), "a").findings).toHaveLength(1);
  });
});

describe("keyword pre-filter", () => {
  it("a rule runs only where one of its keywords occurs, in any case", () => {
    const s = new SecretScanner([rule({ keywords: ["secretword"], regex: "([0-9]{6})" })]);
    expect(s.scanText("code 123456", "a").findings).toEqual([]);
    expect(s.scanText("SecretWord 123456", "a").findings).toHaveLength(1);
  });

  it("keywords and their case folding: upper-case text, lower-case keywords", () => {
    const s = new SecretScanner([rule({ keywords: ["tok_"], regex: "(?i)(tok_[a-z0-9]{12})" })]);
    expect(s.scanText("TOK_" + fake("A-Z0-9", 12, "case"), "a").findings).toHaveLength(1);
  });

  it("a built-in rule's match is found on a keyword's line only", () => {
    // The generic rule's keyword is on the first line, the assignment on the second: not one match.
    expect(scan(`password\n= ${fake("A-Za-z0-9", 20, "kw")}`).findings).toEqual([]);
  });

  it("a rule without keywords runs on every file", () => {
    const s = new SecretScanner([rule({ keywords: [], regex: "(zz[0-9]{4})" })]);
    expect(s.scanText("a zz1234 b", "a").findings).toHaveLength(1);
  });
});

describe("limits", () => {
  it("skips binary files unless asked", () => {
    const bytes = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0]), Buffer.from(`\nt=${GH}\n`)]);
    expect(builtin.scan(bytes, "usr/bin/tool").findings).toEqual([]);
    expect(builtin.scan(bytes, "usr/bin/tool", { scanBinary: true }).findings.map((f) => f.ruleId)).toEqual(["MAM-SEC-200"]);
  });

  it("does not scan a file over the size limit, and says so", () => {
    const r = builtin.scanText(`t=${GH}`, "big.txt", { maxFileSize: 10 });
    expect(r.findings).toEqual([]);
    expect(r.warnings).toEqual(["big.txt: not scanned for secrets: 42 bytes is over the 10-byte limit"]);
  });

  it("reports at most maxFindingsPerFile findings, and counts the rest", () => {
    const text = Array.from({ length: 12 }, (_, i) => `t${i}=ghp_${fake("A-Za-z0-9", 36, `many${i}`)}`).join("\n");
    const r = builtin.scanText(text, "many.txt", { maxFindingsPerFile: 5 });
    expect(r.findings).toHaveLength(5);
    expect(r.warnings).toEqual(["many.txt: 7 more secret findings not reported (at most 5 per file)"]);
  });

  it("a path-only rule reports the file itself", () => {
    const [f] = scan("", "etc/ssl/client.pfx").findings;
    expect(f?.ruleId).toBe("MAM-SEC-003");
    expect(f?.location).toEqual({ path: "etc/ssl/client.pfx" });
    expect(builtin.scanPath("etc/ssl/client.pfx").map((x) => x.ruleId)).toEqual(["MAM-SEC-003"]);
  });
});

describe("long lines and split windows", () => {
  // A line dense with keywords makes one long window; it is split and narrowed down before the
  // capturing matcher runs. A secret anywhere in it, across any split point, must still be found.
  const filler = "var token=a.token,b.secret=c;";
  const planted = `db_password="${fake("A-Za-z0-9#!", 20, "split")}";`;
  it.each([0, 1000, 1024, 4090, 32_760, 65_530, 65_536, 131_070, 199_990])("a generic secret at about offset %i of a 200 kB line", (at) => {
    const pad = filler.repeat(Math.ceil(200_000 / filler.length));
    const text = pad.slice(0, at) + planted + pad.slice(at);
    const found = scan(text, "bundle.min.js").findings.filter((f) => f.ruleId === "MAM-SEC-090");
    expect(found).toHaveLength(1);
    expect(found[0]?.location.startColumn).toBe(at + "db_password=\"".length + 1);
  });

  it("a hundred secrets on one 5 MB line: positions and snippets stay cheap", () => {
    const tokens = Array.from({ length: 100 }, (_, i) => "ghp" + "_" + fake("A-Za-z0-9", 36, `line${i}`));
    const text = tokens.map((t) => `${"x".repeat(50_000)} ${t}`).join(" ");
    const started = performance.now();
    const found = scan(text, "one-line.txt").findings;
    expect(performance.now() - started).toBeLessThan(3000);
    expect(found).toHaveLength(100);
    expect(found[99]?.location.startColumn).toBe(text.indexOf(tokens[99] ?? "") + 1);
    expect(found.every((f) => (f.snippet?.length ?? 0) <= 242)).toBe(true);
    expect(JSON.stringify(found)).not.toContain(tokens[50]);
  });

  it.each([0, 65_500, 65_530, 131_000, 250_000])("a user rule (whole-file semantics) finds a token at offset %i of a 300 kB file", (at) => {
    const s = new SecretScanner([rule({ scope: "file", keywords: ["anchor"] })]);
    const token = "tok_" + fake("a-z0-9", 12, `split${at}`);
    const body = "x".repeat(300_000);
    const found = s.scanText(`anchor\n${body.slice(0, at)} ${token} ${body.slice(at)}`, "a").findings;
    expect(found).toHaveLength(1);
  });
});

describe("one secret, one finding", () => {
  it("a specific rule wins over the generic one", () => {
    const found = scan(`GITHUB_TOKEN=${GH}`).findings.map((f) => f.ruleId);
    expect(found).toEqual(["MAM-SEC-200"]);
  });

  it("the generic rule reports what no specific rule knows", () => {
    const found = scan(`db_password = "${fake("A-Za-z0-9#!", 20, "one")}"`).findings.map((f) => f.ruleId);
    expect(found).toEqual(["MAM-SEC-090"]);
  });

  it("a service account key is reported once, as such, not also as a private key", () => {
    const body = Array.from({ length: 4 }, (_, i) => fake("A-Za-z0-9+/", 64, `sa${i}`)).join("\\n");
    const json = `{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n${body}\\n-----END PRIVATE KEY-----\\n"}`;
    expect(scan(json, "sa.json").findings.map((f) => f.ruleId)).toEqual(["MAM-SEC-104"]);
  });
});

describe("rule errors", () => {
  it.each([
    [{ regex: "(?=lookahead)" }, /TEST-001: invalid regular expression/],
    [{ regex: "(a)\\1" }, /TEST-001: invalid regular expression/],
    [{ regex: "(a)", secretGroup: 2 }, /TEST-001: secretGroup 2 but the regex has 1 groups/],
    [{ regex: undefined }, /TEST-001: needs a regex or a path/],
    [{ allowlists: [{ regexes: ["("] }] }, /TEST-001 allowlist regex 1: invalid regular expression/],
  ] as [Partial<SecretRule>, RegExp][])("%j is refused at load time", (over, message) => {
    const r = rule(over);
    if (over.regex === undefined && "regex" in over) delete r.regex;
    expect(() => new SecretScanner([r])).toThrow(message);
  });

  it("refuses two rules with one id", () => {
    expect(() => new SecretScanner([rule({}), rule({})])).toThrow(/TEST-001: defined twice/);
  });
});
