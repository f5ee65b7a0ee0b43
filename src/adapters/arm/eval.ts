// Evaluates ARM expressions over a template's parameters and variables, as far as the result is
// certain. Deployment-time values (resourceGroup(), reference(), uniqueString(), ...) come back
// unknown; resourceId() comes back unknown with `ref` naming the resource it points at, so mappers
// can join resources. A function this evaluator does not know is unknown too, with a warning.
import type { SourceRange } from "../../checks/types.js";
import type { IacNode } from "../../models/value.js";
import { classify, ExprSyntaxError, parseExpr, type Expr } from "./expr.js";
import { callFunction, DEPLOYMENT_FUNCTIONS, isKnownFunction } from "./functions.js";

/** How names are evaluated: `value` for what checks see, `symbolic` keeps a parameter without a value as `[parameters('x')]` so names can still be compared. */
export type Mode = "value" | "symbolic";

export interface ArmScope {
  /** By lower-case name: the value given for the parameter, or its default. */
  params: Map<string, IacNode | undefined>;
  /** By lower-case name. */
  vars: Map<string, IacNode>;
  /** Lower-case namespaces of the template's user-defined functions. */
  userNamespaces: Set<string>;
  /** Variable loops (`variables.copy` items), by lower-case variable name. */
  varLoops?: Map<string, IacNode>;
}

/** ARM's limit on the iterations of one copy loop. */
export const MAX_COPY = 800;

export type Warn = (line: number, message: string) => void;

/** Evaluation steps per template: enough for any real template, far too few for a blow-up. */
export const MAX_STEPS = 1_000_000;
export const MAX_STRING = 1 << 20;

const unknown = (range: SourceRange, ref?: string): IacNode => (ref === undefined ? { t: "unknown", range } : { t: "unknown", range, ref });

/** `Microsoft.Sql/servers/firewallRules` and `srv/rule` give `Microsoft.Sql/servers/srv/firewallRules/rule`. */
export function resourcePath(type: string, names: readonly string[]): string | undefined {
  const t = type.split("/");
  if (t.length < 2 || names.length !== t.length - 1) return undefined;
  const out = [t[0] as string];
  for (let i = 1; i < t.length; i++) out.push(t[i] as string, names[i - 1] as string);
  return out.join("/");
}

export class Evaluator {
  private steps = 0;
  private exhausted = false;
  private readonly cache = new Map<string, IacNode | "pending">();
  private readonly warned = new Set<string>();
  /** The copy loops being expanded, innermost last; `resource` marks a resource loop (what `copyIndex()` counts). */
  private readonly loops: { name: string; index: number; resource: boolean }[] = [];

  constructor(
    private readonly scope: ArmScope,
    private readonly warnFn: Warn,
  ) {}

  /** Every expression string in `n` evaluated (deeply); property `copy` loops expanded (unknown when their count is). */
  value(n: IacNode, mode: Mode = "value"): IacNode {
    return this.node(n, mode, 0);
  }

  /** Runs `fn` with the loop `name` at `index`: `copyIndex('name')` (and `copyIndex()` for a resource loop) give it. */
  inLoop<T>(name: string, index: number, resource: boolean, fn: () => T): T {
    this.loops.push({ name: name.toLowerCase(), index, resource });
    try {
      return fn();
    } finally {
      this.loops.pop();
    }
  }

  /**
   * The iteration count of a copy loop: a known whole number, at most MAX_COPY (with a warning
   * past it); undefined when it cannot be worked out, and the loop is then left unexpanded.
   */
  copyCount(count: IacNode | undefined, range: SourceRange): number | undefined {
    const c = count ? this.node(count, "value", 0) : undefined;
    if (c?.t !== "prim" || typeof c.value !== "number" || !Number.isInteger(c.value) || c.value < 0) return undefined;
    if (c.value > MAX_COPY) {
      this.warn(range.startLine, `copy count ${c.value} is more than ARM's limit of ${MAX_COPY}; only the first ${MAX_COPY} are checked`);
      return MAX_COPY;
    }
    return c.value;
  }

  /** A property or variable loop (`{ name, count, input }`) as the list it builds; unknown when its count is. */
  private copyList(item: IacNode, mode: Mode, depth: number): IacNode {
    const at = item.range;
    const name = item.t === "object" ? item.entries.get("name") : undefined;
    const input = item.t === "object" ? [...item.entries].find(([k]) => k.toLowerCase() === "input")?.[1] : undefined;
    const countNode = item.t === "object" ? [...item.entries].find(([k]) => k.toLowerCase() === "count")?.[1] : undefined;
    const n = input ? this.copyCount(countNode, at) : undefined;
    if (!input || n === undefined || name?.t !== "prim" || typeof name.value !== "string") return unknown(at);
    const loop = name.value;
    const items: IacNode[] = [];
    for (let i = 0; i < n; i++) {
      if (!this.tick(at)) return unknown(at);
      items.push(this.inLoop(loop, i, false, () => this.node(input, mode, depth + 1)));
    }
    return { t: "list", items, range: at };
  }

  private copyIndex(args: IacNode[], range: SourceRange): IacNode {
    const [a, b] = args;
    const named = a?.t === "prim" && typeof a.value === "string" ? a.value.toLowerCase() : undefined;
    const offset = named !== undefined ? b : a;
    const loop = named !== undefined ? this.loops.findLast((l) => l.name === named) : this.loops.findLast((l) => l.resource);
    if (!loop) return unknown(range);
    if (offset === undefined) return { t: "prim", value: loop.index, range };
    if (offset.t === "prim" && typeof offset.value === "number") return { t: "prim", value: loop.index + offset.value, range };
    return unknown(range);
  }

  private warn(line: number, message: string): void {
    const key = `${line}:${message}`;
    if (this.warned.has(key) || this.warned.size >= 100) return;
    this.warned.add(key);
    this.warnFn(line, message);
  }

  private tick(range: SourceRange): boolean {
    if (++this.steps <= MAX_STEPS) return true;
    if (!this.exhausted) {
      this.exhausted = true;
      this.warn(range.startLine, `template expressions take more than ${MAX_STEPS} steps to evaluate; the rest are treated as unknown`);
    }
    return false;
  }

  /**
   * A copy of `n` with every node at `range` (a value belongs where it is used, not where it was
   * defined), each node copied counted against the step budget: a large variable used many times.
   */
  private moved(n: IacNode, range: SourceRange): IacNode {
    if (!this.tick(range)) return unknown(range);
    switch (n.t) {
      case "list":
        return { t: "list", items: n.items.map((i) => this.moved(i, range)), range };
      case "object":
        return { t: "object", entries: new Map([...n.entries].map(([k, v]) => [k, this.moved(v, range)])), range };
      default:
        return { ...n, range };
    }
  }

  private node(n: IacNode, mode: Mode, depth: number): IacNode {
    if (depth > 64) return unknown(n.range);
    switch (n.t) {
      case "prim":
        return typeof n.value === "string" ? this.string(n.value, n.range, mode) : n;
      case "list":
        return { t: "list", items: n.items.map((i) => this.node(i, mode, depth + 1)), range: n.range };
      case "object": {
        const entries = new Map<string, IacNode>();
        for (const [k, v] of n.entries) {
          // A property loop (`"copy": [{ "name": "rules", "count": ..., "input": ... }]`) builds
          // the array properties it names from copyIndex('rules'); unknown when its count is.
          if (k === "copy" && v.t === "list" && v.items.every((i) => i.t === "object" && i.entries.has("name"))) {
            for (const item of v.items) {
              const name = item.t === "object" ? item.entries.get("name") : undefined;
              if (name?.t === "prim" && typeof name.value === "string") entries.set(name.value, this.copyList(item, mode, depth));
            }
            continue;
          }
          if (!entries.has(k)) entries.set(k, this.node(v, mode, depth + 1));
        }
        return { t: "object", entries, range: n.range };
      }
      default:
        return n;
    }
  }

  private string(s: string, range: SourceRange, mode: Mode): IacNode {
    const c = classify(s);
    if ("literal" in c) return { t: "prim", value: c.literal, range };
    let e: Expr;
    try {
      e = parseExpr(c.expr);
    } catch (err) {
      if (!(err instanceof ExprSyntaxError)) throw err;
      this.warn(range.startLine, `cannot read template expression: ${err.message}`);
      return unknown(range);
    }
    return this.expr(e, range, mode, 0);
  }

  /** Evaluates one parsed expression; the result sits at `range`. */
  expr(e: Expr, range: SourceRange, mode: Mode, depth: number): IacNode {
    if (depth > 64 || !this.tick(range)) return unknown(range);
    switch (e.k) {
      case "str":
        return { t: "prim", value: e.v, range };
      case "num":
        return { t: "prim", value: e.v, range };
      case "prop": {
        const obj = this.expr(e.obj, range, mode, depth + 1);
        if (obj.t === "unknown") return obj;
        if (obj.t !== "object") return unknown(range);
        const hit = obj.entries.get(e.name) ?? [...obj.entries].find(([k]) => k.toLowerCase() === e.name.toLowerCase())?.[1];
        return hit ? this.moved(hit, range) : unknown(range);
      }
      case "index": {
        const obj = this.expr(e.obj, range, mode, depth + 1);
        const idx = this.expr(e.idx, range, mode, depth + 1);
        if (obj.t === "unknown") return obj;
        if (obj.t === "list" && idx.t === "prim" && typeof idx.value === "number") {
          const hit = obj.items[idx.value];
          return hit ? this.moved(hit, range) : unknown(range);
        }
        if (obj.t === "object" && idx.t === "prim" && typeof idx.value === "string") {
          const key = idx.value;
          const hit = obj.entries.get(key) ?? [...obj.entries].find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
          return hit ? this.moved(hit, range) : unknown(range);
        }
        return unknown(range);
      }
      case "call":
        return this.call(e, range, mode, depth);
    }
  }

  private call(e: Extract<Expr, { k: "call" }>, range: SourceRange, mode: Mode, depth: number): IacNode {
    const name = e.name.toLowerCase();
    const arg = (i: number, m: Mode = mode): IacNode => {
      const a = e.args[i];
      return a ? this.expr(a, range, m, depth + 1) : unknown(range);
    };
    switch (name) {
      case "parameters":
      case "variables":
        return this.lookup(name, arg(0), range, mode);
      case "if": {
        const cond = arg(0);
        if (cond.t === "prim" && typeof cond.value === "boolean") return arg(cond.value ? 1 : 2);
        return unknown(range);
      }
      case "coalesce": {
        for (let i = 0; i < e.args.length; i++) {
          const v = arg(i);
          if (v.t === "unknown") return unknown(range);
          if (!(v.t === "prim" && v.value === null)) return v;
        }
        return { t: "prim", value: null, range };
      }
      case "resourceid":
      case "subscriptionresourceid":
      case "tenantresourceid":
      case "extensionresourceid":
      case "managementgroupresourceid":
        return unknown(range, this.resourceRef(e.args.map((_, i) => arg(i, "symbolic"))));
      case "copyindex":
        return this.copyIndex(e.args.map((_, i) => arg(i)), range);
      case "reference": {
        const target = arg(0, "symbolic");
        return unknown(range, target.t === "unknown" ? target.ref : undefined);
      }
    }
    if (name.includes(".")) {
      const ns = name.split(".")[0] ?? "";
      if (!this.scope.userNamespaces.has(ns)) this.warn(range.startLine, `unknown template function ${e.name}(); its value is treated as unknown`);
      return unknown(range);
    }
    if (DEPLOYMENT_FUNCTIONS.has(name) || name.startsWith("list")) {
      e.args.forEach((_, i) => arg(i));
      return unknown(range);
    }
    if (!isKnownFunction(name)) {
      this.warn(range.startLine, `unknown template function ${e.name}(); its value is treated as unknown`);
      return unknown(range);
    }
    const args = e.args.map((_, i) => arg(i));
    const out = callFunction(name, args, range);
    if (out.t === "prim" && typeof out.value === "string" && out.value.length > MAX_STRING) return unknown(range);
    return out;
  }

  private lookup(kind: "parameters" | "variables", key: IacNode, range: SourceRange, mode: Mode): IacNode {
    if (key.t !== "prim" || typeof key.value !== "string") return unknown(range);
    const name = key.value.toLowerCase();
    const cacheKey = `${mode}:${kind}:${name}`;
    const cached = this.cache.get(cacheKey);
    if (cached === "pending") return unknown(range);
    if (cached) return this.moved(cached, range);
    const loop = kind === "variables" ? this.scope.varLoops?.get(name) : undefined;
    const source = kind === "parameters" ? this.scope.params.get(name) : this.scope.vars.get(name);
    const known = kind === "parameters" ? this.scope.params.has(name) : this.scope.vars.has(name) || loop !== undefined;
    if (!known) {
      this.warn(range.startLine, `${kind}('${key.value}') is not declared in the template`);
      return unknown(range);
    }
    if (!source && !loop) {
      // A parameter with neither a value nor a default is only known at deployment.
      return mode === "symbolic" ? { t: "prim", value: `[parameters('${key.value}')]`, range } : unknown(range);
    }
    this.cache.set(cacheKey, "pending");
    const v = loop ? this.copyList(loop, mode, 0) : this.node(source as IacNode, mode, 0);
    this.cache.set(cacheKey, v);
    return this.moved(v, range);
  }

  /** The path a resourceId() call names (`Microsoft.Sql/servers/srv`), when type and names are known. */
  private resourceRef(args: IacNode[]): string | undefined {
    const strings = args.map((a) => (a.t === "prim" && typeof a.value === "string" ? a.value : undefined));
    const at = strings.findIndex((s) => s !== undefined && /^[A-Za-z0-9]+\.[A-Za-z0-9.]+\/[A-Za-z0-9./]+$/.test(s));
    if (at < 0) return undefined;
    const names = strings.slice(at + 1);
    if (names.some((n) => n === undefined)) return undefined;
    return resourcePath(strings[at] as string, (names as string[]).flatMap((n) => n.split("/")));
  }
}
