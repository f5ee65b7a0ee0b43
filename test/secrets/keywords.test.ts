// The keyword automaton against the obvious reference: every occurrence of every keyword, ASCII
// letters compared case-insensitively, reported at its end offset.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KeywordIndex } from "../../src/secrets/keywords.js";

function naive(keywords: string[], text: string): string[] {
  const lower = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const out: string[] = [];
  keywords.forEach((k, i) => {
    if (k === "") return;
    for (let at = lower.indexOf(k); at >= 0; at = lower.indexOf(k, at + 1)) out.push(`${at + k.length}:${i}`);
  });
  return out.sort();
}

function viaIndex(keywords: string[], text: string): string[] {
  const out: string[] = [];
  new KeywordIndex(keywords).scan(Buffer.from(text, "latin1"), (k, end) => out.push(`${end}:${k}`));
  return out.sort();
}

describe("KeywordIndex", () => {
  it.each([
    [["he", "she", "his", "hers"], "ushers", ["4:1", "4:0", "6:3"]],
    [["token"], "TOKEN Token tOkEn", ["5:0", "11:0", "17:0"]],
    [["aa"], "aaaa", ["2:0", "3:0", "4:0"]],
    [["a", "ab", "abc"], "abc", ["1:0", "2:1", "3:2"]],
    [["x"], "", []],
    [[], "anything", []],
  ] as [string[], string, string[]][])("%j in %j", (keywords, text, expected) => {
    expect(viaIndex(keywords, text)).toEqual([...expected].sort());
  });

  it("agrees with indexOf on random keywords and texts", () => {
    const alphabet = fc.constantFrom("a", "b", "A", "B", "_", "-", ".", "c");
    const word = fc.string({ unit: alphabet, minLength: 1, maxLength: 5 }).map((w) => w.toLowerCase());
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), fc.string({ unit: alphabet, maxLength: 200 }), (keywords, text) => {
        expect(viaIndex(keywords, text)).toEqual(naive(keywords, text));
      }),
      { numRuns: 300 },
    );
  });

  it("matches non-ASCII keywords byte for byte, without case folding", () => {
    const found: number[] = [];
    new KeywordIndex(["clé"]).scan(Buffer.from("une clé, une CLÉ"), (_k, end) => found.push(end));
    expect(found).toEqual([Buffer.byteLength("une clé")]);
  });
});
