import { describe, expect, it } from "vitest";
import { isInputError } from "../../../src/core/errors.js";
import { SCHEMES } from "../../../src/vulndb/versions/index.js";
import { INVALID, TABLES } from "./tables.js";

const SIGN = { "<": -1, "=": 0, ">": 1 } as const;

function sign(n: number): number {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

describe.each(SCHEMES.map((s) => [s.name, s] as const))("%s", (name, scheme) => {
  const rows = TABLES[name] ?? [];

  it("has a table", () => {
    expect(rows.length).toBeGreaterThan(3);
  });

  it.each(rows)("%s %s %s", (a, rel, b) => {
    expect(scheme.isValid(a)).toBe(true);
    expect(scheme.isValid(b)).toBe(true);
    expect(sign(scheme.compare(a, b))).toBe(SIGN[rel]);
    expect(sign(scheme.compare(b, a))).toBe(sign(-SIGN[rel]));
    expect(scheme.compare(a, a)).toBe(0);
  });

  it.each((INVALID[name] ?? []).map((v) => [v]))("refuses %j", (v) => {
    expect(scheme.isValid(v)).toBe(false);
    let thrown: unknown;
    try {
      scheme.compare(v, rows[0]![0]);
    } catch (e) {
      thrown = e;
    }
    expect(isInputError(thrown)).toBe(true);
    expect((thrown as Error).message).toContain(`not a valid ${name} version`);
  });
});
