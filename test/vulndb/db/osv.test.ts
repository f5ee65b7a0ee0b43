// Reading OSV records from JSON and YAML text: what is accepted, normalized and refused.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { OsvFormatError, osvFormatOf, parseOsvText } from "../../../src/vulndb/osv.js";

const RECORD = { id: "GHSA-aaaa-bbbb-cccc", modified: "2024-01-01T00:00:00Z", affected: [{ package: { ecosystem: "npm", name: "x" } }] };

describe("parseOsvText", () => {
  it("reads one JSON record, keeping fields it does not know", () => {
    const [r] = parseOsvText(JSON.stringify({ ...RECORD, x_vendor: { a: 1 } }), "a.json", "json");
    expect(r).toMatchObject({ id: "GHSA-aaaa-bbbb-cccc", x_vendor: { a: 1 } });
  });

  it("reads an array of records, and reports bad elements by index", () => {
    const bad: string[] = [];
    const text = JSON.stringify([RECORD, { id: "X-1" }, { ...RECORD, id: "GHSA-2" }]);
    const records = parseOsvText(text, "list.json", "json", (e) => bad.push(e.message));
    expect(records.map((r) => r.id)).toEqual(["GHSA-aaaa-bbbb-cccc", "GHSA-2"]);
    expect(bad).toEqual(["list.json#1: X-1: not an OSV record (no modified)"]);
    expect(() => parseOsvText(text, "list.json", "json")).toThrow(OsvFormatError);
  });

  it("reads YAML, with timestamps kept as strings", () => {
    const yaml = "id: PYSEC-1\nmodified: 2023-07-25T16:31:58.309647Z\naliases: [CVE-2023-1]\naffected:\n- package: {ecosystem: PyPI, name: zstd}\n";
    const [r] = parseOsvText(yaml, "p.yaml", "yaml");
    expect(r).toEqual({ id: "PYSEC-1", modified: "2023-07-25T16:31:58.309647Z", aliases: ["CVE-2023-1"], affected: [{ package: { ecosystem: "PyPI", name: "zstd" } }] });
  });

  it("drops optional fields written as null", () => {
    const [r] = parseOsvText(JSON.stringify({ ...RECORD, aliases: null, withdrawn: null }), "n.json", "json");
    expect(r).not.toHaveProperty("aliases");
    expect(r).not.toHaveProperty("withdrawn");
  });

  it.each([
    ["not JSON", "{", "json", /^bad\.json: not valid JSON/],
    ["a LICENSE read as YAML", "Creative Commons Attribution 4.0", "yaml", /not an OSV record \(not a JSON\/YAML object\)/],
    ["no id", JSON.stringify({ modified: "2024-01-01T00:00:00Z" }), "json", /not an OSV record \(no id\)/],
    ["no modified", JSON.stringify({ id: "A-1" }), "json", /A-1: not an OSV record \(no modified\)/],
    ["an id with spaces", JSON.stringify({ id: "A 1", modified: "x" }), "json", /the id is not an identifier/],
    ["aliases not a list", JSON.stringify({ ...RECORD, aliases: "CVE-1" }), "json", /aliases is not an array/],
    ["a package without a name", JSON.stringify({ ...RECORD, affected: [{ package: { ecosystem: "npm" } }] }), "json", /affected\[0\]\.package needs an ecosystem and a name/],
    ["ranges without events", JSON.stringify({ ...RECORD, affected: [{ package: { ecosystem: "npm", name: "x" }, ranges: [{ type: "SEMVER" }] }] }), "json", /ranges\[0\] needs a type and an events array/],
    ["an event with a number", JSON.stringify({ ...RECORD, affected: [{ ranges: [{ type: "SEMVER", events: [{ introduced: 0 }] }] }] }), "json", /not an object of strings/],
    ["a severity without score", JSON.stringify({ ...RECORD, severity: [{ type: "CVSS_V3" }] }), "json", /severity\[0\] needs a string type and score/],
    ["two YAML documents", "id: A\nmodified: b\n---\nid: C\n", "yaml", /not valid YAML/],
    ["duplicate YAML keys", "id: A\nid: B\nmodified: c\n", "yaml", /not valid YAML/],
  ] as const)("refuses %s", (_what, text, format, message) => {
    expect(() => parseOsvText(text, format === "json" ? "bad.json" : "bad.yaml", format)).toThrow(message);
  });

  it("refuses a YAML alias bomb quickly", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) levels.push(`${"abcdefghi"[i]}: &${"abcdefghi"[i]} [${Array(9).fill(`*${"abcdefghi"[i - 1]}`).join(", ")}]`);
    const bomb = `id: BOMB-1\nmodified: "2024-01-01T00:00:00Z"\n${levels.join("\n")}\n`;
    const t0 = performance.now();
    expect(() => parseOsvText(bomb, "bomb.yaml", "yaml")).toThrow(/bomb\.yaml: not valid YAML: .*alias/i);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it("never throws anything but OsvFormatError, whatever the text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), fc.constantFrom("json" as const, "yaml" as const), (text, format) => {
        try {
          parseOsvText(text, "f", format);
        } catch (e) {
          expect(e).toBeInstanceOf(OsvFormatError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("osvFormatOf", () => {
  it.each([
    ["GO-2020-0001.json", "json"],
    ["a/PYSEC-1.YAML", "yaml"],
    ["x.yml", "yaml"],
    ["LICENSE", undefined],
    [".id-allocator", undefined],
    ["all.zip", undefined],
  ])("%s → %s", (name, format) => {
    expect(osvFormatOf(name)).toBe(format);
  });
});
