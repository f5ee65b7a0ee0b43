// ARM template expressions: parsing and evaluation over parameters and variables, table-driven,
// and a property test that no input string makes the parser or evaluator throw.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Evaluator, resourcePath, type ArmScope } from "../../src/adapters/arm/eval.js";
import { classify, ExprSyntaxError, parseExpr } from "../../src/adapters/arm/expr.js";
import type { IacNode } from "../../src/models/value.js";

const at = { startLine: 1, endLine: 1 };
const prim = (value: string | number | boolean | null): IacNode => ({ t: "prim", value, range: at });
const list = (...items: IacNode[]): IacNode => ({ t: "list", items, range: at });
const obj = (entries: Record<string, IacNode>): IacNode => ({ t: "object", entries: new Map(Object.entries(entries)), range: at });

function scope(): ArmScope {
  return {
    params: new Map<string, IacNode | undefined>([
      ["env", prim("prod")],
      ["count", prim(3)],
      ["flag", prim(true)],
      ["nodefault", undefined],
      ["tags", obj({ team: prim("data"), Owner: prim("ops") })],
      ["zones", list(prim("1"), prim("2"))],
    ]),
    vars: new Map<string, IacNode>([
      ["name", prim("[concat('logs', parameters('env'))]")],
      ["loop", prim("[variables('loop')]")],
      ["nested", obj({ tls: prim("[if(equals(parameters('env'), 'prod'), 'TLS1_2', 'TLS1_0')]") })],
    ]),
    userNamespaces: new Set(["contoso"]),
  };
}

function run(text: string): { value: IacNode; warnings: string[] } {
  const warnings: string[] = [];
  const ev = new Evaluator(scope(), (line, m) => warnings.push(`${line}: ${m}`));
  return { value: ev.value(prim(text)), warnings };
}

describe("classify", () => {
  it.each([
    { s: "[parameters('a')]", out: { expr: "parameters('a')" } },
    { s: "[[not an expression]", out: { literal: "[not an expression]" } },
    { s: "plain", out: { literal: "plain" } },
    { s: "[", out: { literal: "[" } },
  ])("$s", ({ s, out }) => expect(classify(s)).toEqual(out));
});

describe("parseExpr", () => {
  it("reads calls, strings with doubled quotes, numbers, properties and indexes", () => {
    expect(parseExpr("concat('it''s', -2).a[0]")).toEqual({
      k: "index",
      obj: { k: "prop", obj: { k: "call", name: "concat", args: [{ k: "str", v: "it's" }, { k: "num", v: -2 }] }, name: "a" },
      idx: { k: "num", v: 0 },
    });
  });

  it.each(["concat('a'", "parameters('a'))", "'unterminated", "foo", "a.b", "concat(,)"])("rejects %s", (s) => {
    expect(() => parseExpr(s)).toThrow(ExprSyntaxError);
  });

  it("bounds nesting depth", () => {
    expect(() => parseExpr(`${"not(".repeat(200)}true()${")".repeat(200)}`)).toThrow(/deeper/);
  });
});

describe("Evaluator", () => {
  it.each([
    { expr: "[parameters('env')]", value: "prod" },
    { expr: "[parameters('ENV')]", value: "prod" },
    { expr: "[variables('name')]", value: "logsprod" },
    { expr: "[variables('nested').tls]", value: "TLS1_2" },
    { expr: "[concat('a-', parameters('count'))]", value: "a-3" },
    { expr: "[format('{0}-{1}', parameters('env'), 'x')]", value: "prod-x" },
    { expr: "[toUpper(parameters('env'))]", value: "PROD" },
    { expr: "[if(parameters('flag'), 'on', 'off')]", value: "on" },
    { expr: "[not(equals(parameters('env'), 'dev'))]", value: true },
    { expr: "[and(true(), or(false, parameters('flag')))]", value: true },
    { expr: "[parameters('tags').owner]", value: "ops" },
    { expr: "[parameters('tags')['team']]", value: "data" },
    { expr: "[parameters('zones')[1]]", value: "2" },
    { expr: "[length(parameters('zones'))]", value: 2 },
    { expr: "[contains(parameters('zones'), '2')]", value: true },
    { expr: "[empty(parameters('zones'))]", value: false },
    { expr: "[greater(parameters('count'), 2)]", value: true },
    { expr: "[add(parameters('count'), 4)]", value: 7 },
    { expr: "[replace('a.b.c', '.', '-')]", value: "a-b-c" },
    { expr: "[split('a/b', '/')[1]]", value: "b" },
    { expr: "[coalesce(null(), 'x')]", value: "x" },
    { expr: "[string(parameters('flag'))]", value: "true" },
    { expr: "[json('{\"a\": 1}').a]", value: 1 },
    { expr: "[[literal]", value: "[literal]" },
  ])("$expr is $value", ({ expr, value }) => {
    const { value: v, warnings } = run(expr);
    expect(v).toMatchObject({ t: "prim", value });
    expect(warnings).toEqual([]);
  });

  it.each([
    "[parameters('nodefault')]",
    "[resourceGroup().location]",
    "[subscription().subscriptionId]",
    "[uniqueString(resourceGroup().id)]",
    "[reference('x').properties.primaryEndpoints]",
    "[listKeys('x', '2023-01-01').keys[0].value]",
    "[variables('loop')]",
    "[concat('a', parameters('nodefault'))]",
    "[if(equals(parameters('nodefault'), 'x'), 'a', 'b')]",
    "[contoso.name('x')]",
    "[copyIndex()]",
  ])("%s is unknown, without a warning", (expr) => {
    const { value, warnings } = run(expr);
    expect(value.t).toBe("unknown");
    expect(warnings).toEqual([]);
  });

  it("warns, with the line, about functions it does not know and expressions it cannot read", () => {
    expect(run("[frobnicate('x')]")).toMatchObject({ value: { t: "unknown" }, warnings: ["1: unknown template function frobnicate(); its value is treated as unknown"] });
    expect(run("[concat('a']")).toMatchObject({ value: { t: "unknown" }, warnings: [expect.stringMatching(/^1: cannot read template expression/)] });
    expect(run("[parameters('missing')]").warnings).toEqual(["1: parameters('missing') is not declared in the template"]);
  });

  it("gives resourceId() a ref naming the resource path, parameters without values kept by name", () => {
    expect(run("[resourceId('Microsoft.Sql/servers', parameters('env'))]").value).toMatchObject({ t: "unknown", ref: "Microsoft.Sql/servers/prod" });
    expect(run("[resourceId('rg', 'Microsoft.Sql/servers/firewallRules', 'srv', 'all')]").value).toMatchObject({ ref: "Microsoft.Sql/servers/srv/firewallRules/all" });
    expect(run("[resourceId('Microsoft.Sql/servers', parameters('nodefault'))]").value).toMatchObject({ ref: "Microsoft.Sql/servers/[parameters('nodefault')]" });
    expect(run("[reference(resourceId('Microsoft.Web/sites', 'app')).defaultHostName]").value).toMatchObject({ t: "unknown", ref: "Microsoft.Web/sites/app" });
  });

  it("composes resource paths", () => {
    expect(resourcePath("Microsoft.Sql/servers/databases", ["srv", "db"])).toBe("Microsoft.Sql/servers/srv/databases/db");
    expect(resourcePath("Microsoft.Sql/servers", ["srv", "db"])).toBeUndefined();
  });

  it("turns property copy loops whose count is unknown into unknown properties", () => {
    const ev = new Evaluator(scope(), () => undefined);
    const n = ev.value(obj({ copy: list(obj({ name: prim("securityRules"), count: prim("[parameters('nodefault')]"), input: obj({}) })), other: prim("x") }));
    expect(n.t === "object" && n.entries.get("securityRules")?.t).toBe("unknown");
    expect(n.t === "object" && n.entries.has("copy")).toBe(false);
  });

  it("stops after its step budget with one warning", () => {
    const vars = new Map<string, IacNode>();
    for (let i = 0; i < 40; i++) vars.set(`v${i}`, prim(`[concat(variables('v${i + 1}'), variables('v${i + 1}'))]`));
    vars.set("v40", prim("x"));
    const warnings: string[] = [];
    const ev = new Evaluator({ params: new Map(), vars, userNamespaces: new Set() }, (_, m) => warnings.push(m));
    // Each variable is evaluated once, so even this doubling chain stays cheap; its string is bounded.
    const v = ev.value(prim("[variables('v0')]"));
    expect(v.t).toBe("unknown");
    expect(warnings.length).toBeLessThanOrEqual(1);
  });

  it("never throws, whatever the expression", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const ev = new Evaluator(scope(), () => undefined);
        ev.value(prim(`[${s}]`));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z(),' 0-9.[\]]{0,80}$/), (s) => {
        const ev = new Evaluator(scope(), () => undefined);
        ev.value(prim(`[${s}]`));
      }),
      { numRuns: 500 },
    );
  });
});
