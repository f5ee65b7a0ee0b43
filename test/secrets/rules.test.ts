// The generic test of the built-in rules (a rule's documentation is its test): every match
// example must produce a finding of that rule with the secret masked everywhere, every noMatch
// example must not, and the rule data must be well-formed.
import { RE2JS } from "re2js";
import { describe, expect, it } from "vitest";
import { SEVERITIES } from "../../src/core/model.js";
import { CompiledRules } from "../../src/secrets/compile.js";
import { BUILTIN_SECRET_RULES, SecretScanner } from "../../src/secrets/index.js";
import type { SecretRule } from "../../src/secrets/types.js";

const scanner = new SecretScanner();

/** The secret a rule's regex captures in a text, by the engine's group choice. */
function secretsIn(rule: SecretRule, text: string): string[] {
  if (rule.regex === undefined) return [];
  const m = RE2JS.compile(rule.regex).matcher(text);
  const out: string[] = [];
  while (m.find()) {
    let g = rule.secretGroup ?? 0;
    if (rule.secretGroup === undefined) {
      for (let i = 1; i <= m.groupCount(); i++) {
        if ((m.group(i) ?? "") !== "") {
          g = i;
          break;
        }
      }
    }
    const s = m.group(g);
    if (s !== null && s !== "") out.push(s);
  }
  return out;
}

interface Case {
  name: string;
  rule: SecretRule;
  text: string;
  path: string;
}

function cases(kind: "match" | "noMatch"): Case[] {
  return BUILTIN_SECRET_RULES.flatMap((rule) =>
    (rule.examples?.[kind] ?? []).map((text, i) => ({ name: `${rule.id} ${rule.slug} ${kind} #${i + 1}`, rule, text, path: rule.examples?.path ?? "example.txt" })),
  );
}

describe("secret rule examples", () => {
  it.each(cases("match"))("$name is found, masked", ({ rule, text, path }) => {
    const findings = scanner.scanText(text, path).findings.filter((f) => f.ruleId === rule.id);
    expect(findings.length).toBeGreaterThan(0);
    const json = JSON.stringify(findings);
    for (const secret of secretsIn(rule, text)) {
      expect(json).not.toContain(secret);
      // Long secrets must not leak in pieces either (a line, a key, a message).
      if (secret.length >= 24) expect(json).not.toContain(secret.slice(4, 24));
    }
    for (const f of findings) {
      expect(f.kind).toBe("secret");
      expect(f.id).toMatch(/^[0-9a-f]{32}$/);
      expect(f.location.path).toBe(path);
      if (rule.regex !== undefined) {
        expect(f.location.startLine).toBeGreaterThanOrEqual(1);
        expect(f.location.endLine).toBeGreaterThanOrEqual(f.location.startLine ?? 1);
        expect(f.location.endLine).toBeLessThanOrEqual(text.split("\n").length);
      }
    }
  });

  it.each(cases("noMatch"))("$name is not found", ({ rule, text, path }) => {
    expect(scanner.scanText(text, path).findings.filter((f) => f.ruleId === rule.id)).toEqual([]);
  });

  it("a path-only rule stays quiet on other paths", () => {
    for (const rule of BUILTIN_SECRET_RULES.filter((r) => r.regex === undefined)) {
      expect(scanner.scanText("", "certs/client.pem").findings.filter((f) => f.ruleId === rule.id)).toEqual([]);
    }
  });
});

describe("secret rule data", () => {
  it("covers the catalogue: ids, slugs, titles, severities", () => {
    expect(BUILTIN_SECRET_RULES.length).toBeGreaterThanOrEqual(150);
    const ids = BUILTIN_SECRET_RULES.map((r) => r.id);
    const slugs = BUILTIN_SECRET_RULES.map((r) => r.slug);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const r of BUILTIN_SECRET_RULES) {
      expect(r.id).toMatch(/^MAM-SEC-\d{3}$/);
      expect(r.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(r.title.length).toBeGreaterThan(3);
      expect(SEVERITIES).toContain(r.severity);
    }
  });

  it("every rule has a positive and a negative example", () => {
    for (const r of BUILTIN_SECRET_RULES) {
      expect(r.examples?.match.length, r.id).toBeGreaterThan(0);
      if (r.regex !== undefined) expect(r.examples?.noMatch.length, r.id).toBeGreaterThan(0);
    }
  });

  it("keywords are lower case and every match example holds one (the pre-filter never hides a match)", () => {
    for (const r of BUILTIN_SECRET_RULES.filter((x) => x.regex !== undefined)) {
      expect(r.keywords.length, r.id).toBeGreaterThan(0);
      for (const k of r.keywords) expect(k, r.id).toBe(k.toLowerCase());
      for (const text of r.examples?.match ?? []) {
        expect(r.keywords.some((k) => text.toLowerCase().includes(k)), `${r.id}: ${text.slice(0, 40)}`).toBe(true);
      }
    }
  });

  it("regexes avoid unbounded work near a keyword: no repeat count above 300", () => {
    for (const r of BUILTIN_SECRET_RULES) {
      for (const m of (r.regex ?? "").matchAll(/\{(\d+)(?:,(\d*))?\}/g)) {
        expect(Number(m[2] || m[1]), `${r.id}: ${m[0]}`).toBeLessThanOrEqual(300);
      }
    }
  });

  it("refers to gitleaks' default rules where one corresponds", () => {
    const withRef = BUILTIN_SECRET_RULES.filter((r) => r.references?.gitleaks !== undefined);
    expect(withRef.length).toBeGreaterThan(120);
  });

  it("is the same on every import: examples are generated deterministically", async () => {
    const again = await import("../../src/secrets/rules/fake.js");
    expect(again.fake("A-Z2-7", 16, "x")).toBe(again.fake("A-Z2-7", 16, "x"));
    expect(again.fake("A-Z2-7", 16, "x")).not.toBe(again.fake("A-Z2-7", 16, "y"));
    expect(again.fake("0-9a-f", 64, "x")).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("built-in rules compile on first use", () => {
  it("every built-in rule compiles whole, as a user-supplied rule would be at load", () => {
    // The built-in set is compiled lazily by the scanner; this is the load-time check it skips.
    const eager = new CompiledRules(BUILTIN_SECRET_RULES);
    expect(eager.rules).toHaveLength(BUILTIN_SECRET_RULES.length);
    const lazy = new SecretScanner().compiled;
    lazy.rules.forEach((c, i) => {
      const e = eager.rules[i];
      expect(c.rule).toBe(e?.rule);
      expect(c.re?.toString()).toBe(e?.re?.toString());
      expect(c.allowlists.length).toBe(e?.allowlists.length);
      expect(c.pathAllowlists.length).toBe(e?.pathAllowlists.length);
    });
    expect(lazy.unfiltered).toEqual(eager.unfiltered);
    expect(lazy.pathOnly).toEqual(eager.pathOnly);
    expect(lazy.pathDependent).toEqual(eager.pathDependent);
  });

  it("a user's rule that does not compile is still refused when the scanner is built", () => {
    expect(() => new SecretScanner([{ id: "bad-rule", description: "x", regex: "(unclosed", keywords: ["x"] } as SecretRule])).toThrow(/secret rule bad-rule: invalid regular expression/);
  });
});
