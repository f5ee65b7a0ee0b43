// The CEL dialect of custom policies: what compiles, what is refused at load time, and why.
import { describe, expect, it } from "vitest";
import { compileCel, MAX_EXPRESSION_LENGTH } from "../../src/policy/cel.js";

describe("compileCel", () => {
  const refused: { expr: string; error: RegExp }[] = [
    { expr: "resource.a ==", error: /Unexpected token/ },
    { expr: "resouce.a == 1", error: /resouce/ },
    { expr: "nosuch(resource.a)", error: /nosuch/ },
    { expr: "1 + 2", error: /must be a bool expression/ },
    { expr: 'resource.name.matches("^a")', error: /matchesRE2/ },
    { expr: "resource.name.matchesRE2(resource.other)", error: /string literal pattern/ },
    { expr: 'resource.name.matchesRE2("(unclosed")', error: /invalid pattern/ },
    { expr: "resource.a.all(x, x.b.all(y, y.c.all(z, z.d.exists(w, w))))", error: /nested more than 3/ },
    { expr: `resource.a == "${"x".repeat(MAX_EXPRESSION_LENGTH)}"`, error: /longer than/ },
  ];
  it.each(refused)("refuses $expr", ({ expr, error }) => {
    const r = compileCel(expr, "bool");
    expect("error" in r ? r.error : "compiled").toMatch(error);
  });

  it("accepts a dyn result at load time: whether it is a bool is seen per model", () => {
    expect("run" in compileCel("resource.a", "bool")).toBe(true);
  });

  const rows: { expr: string; resource: unknown; want: unknown }[] = [
    { expr: "resource.port == 22", resource: { port: 22 }, want: true },
    { expr: "resource.port > 1024", resource: { port: 22 }, want: false },
    { expr: "has(resource.versioning)", resource: {}, want: false },
    { expr: '"team" in resource.labels', resource: { labels: { team: "a" } }, want: true },
    { expr: 'resource.image.startsWith("registry.acme.example/")', resource: { image: "nginx" }, want: false },
    { expr: 'resource.name.matchesRE2("^acme-[a-z]+$")', resource: { name: "acme-logs" }, want: true },
    { expr: "resource.rules.exists(r, r.cidrs.exists(c, c == '0.0.0.0/0'))", resource: { rules: [{ cidrs: ["10.0.0.0/8", "0.0.0.0/0"] }] }, want: true },
    { expr: "size(resource.containers) > 1", resource: { containers: [1, 2] }, want: true },
  ];
  it.each(rows)("evaluates $expr", ({ expr, resource, want }) => {
    const r = compileCel(expr, "bool");
    if (!("run" in r)) throw new Error(r.error);
    expect(r.run({ resource })).toBe(want);
  });

  it("runs matchesRE2 in linear time on hostile input", () => {
    const r = compileCel('resource.s.matchesRE2("^(a+)+$")', "bool");
    if (!("run" in r)) throw new Error(r.error);
    const t0 = performance.now();
    expect(r.run({ resource: { s: `${"a".repeat(50_000)}b` } })).toBe(false);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
