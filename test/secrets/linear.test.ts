// Hostile input: every regex runs through re2js, whose time is linear in the input whatever the
// pattern. These inputs stall a backtracking engine (JavaScript's RegExp among them).
import { describe, expect, it } from "vitest";
import { SecretScanner } from "../../src/secrets/index.js";
import type { SecretRule } from "../../src/secrets/types.js";

const userRule = (regex: string, keywords: string[] = []): SecretRule => ({ id: "USER-1", slug: "user-1", title: "User rule", severity: "high", keywords, regex, scope: "file" });

describe("linear time", () => {
  it("50 MB of 'a' with the built-in rules", () => {
    const bytes = Buffer.alloc(50 * 1024 * 1024, "a");
    const started = performance.now();
    const r = new SecretScanner().scan(bytes, "a.txt", { maxFileSize: 64 * 1024 * 1024 });
    const ms = performance.now() - started;
    expect(r.findings).toEqual([]);
    expect(ms).toBeLessThan(5000);
  });

  it("(a+)+$ from a user against 'a' x 100k + '!' (exponential for a backtracking engine)", () => {
    const text = `${"a".repeat(100_000)}!`;
    const started = performance.now();
    const r = new SecretScanner([userRule("(a+)+$")]).scanText(text, "x");
    expect(r.findings).toEqual([]);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it.each([
    ["nested groups with a keyword", "(x+x+)+y", ["x"], "x".repeat(50_000)],
    ["alternation that overlaps", "(a|aa)+$", [], `${"a".repeat(50_000)}b`],
    ["a wide counted repeat", "(?:[a-z]{1,100}){1,10}!", [], "a".repeat(200_000)],
  ] as [string, string, string[], string][])("%s", (_name, regex, keywords, text) => {
    const started = performance.now();
    new SecretScanner([userRule(regex, keywords)]).scanText(text, "x");
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it("a match at the end of a long ambiguous run: captures, the slow path, stay linear", () => {
    const started = performance.now();
    const r = new SecretScanner([{ ...userRule("((a+)+b)"), maxLength: 200_000 }]).scanText(`${"a".repeat(100_000)}b`, "x");
    expect(r.findings).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it("a line of keywords with no secret: a long minified line full of 'token'", () => {
    const text = "var token=a.token,".repeat(200_000);
    const started = performance.now();
    const r = new SecretScanner().scanText(text, "bundle.min.js");
    expect(r.findings).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
