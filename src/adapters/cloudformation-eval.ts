// CloudFormation values evaluated as far as they are certain: parameters with defaults, conditions,
// mappings and the intrinsic functions whose result can be known before deployment. A `Ref` or
// `Fn::GetAtt` to a resource stays unknown with `ref` set, so mappers can join resources; pseudo
// parameters (region, account) and dynamic references (`{{resolve:...}}`) stay unknown.
import type { SourceRange } from "../checks/types.js";
import { InputError } from "../core/errors.js";
import type { IacNode } from "../models/value.js";
import { FOR_EACH, ForEachExpander, hasForEach, type Expanded } from "./cloudformation-foreach.js";
import { get, text, type Raw, type RawEntry } from "./cloudformation-tree.js";

/** `AWS::NoValue`: the property (or list item) is removed. */
export const NO_VALUE: unique symbol = Symbol("AWS::NoValue");
export type Evaluated = IacNode | typeof NO_VALUE;

export interface TemplateParts {
  path: string;
  parameters: Map<string, Raw>;
  conditions: Map<string, Raw>;
  mappings: Raw | undefined;
  resources: ReadonlySet<string>;
}

export interface Warning {
  line: number;
  message: string;
}

/** Functions that exist but whose value is never known before deployment: unknown, and no warning. */
const UNKNOWABLE = new Set(["Fn::GetAZs", "Fn::ImportValue", "Fn::Cidr", "Fn::Transform", "Fn::Length", "Fn::ToJsonString", "Fn::Contains", "Fn::EachMemberEquals", "Fn::EachMemberIn", "Fn::RefAll", "Fn::ValueOf", "Fn::ValueOfAll"]);
const DYNAMIC_REFERENCE = /\{\{resolve:/;
const MAX_STRING = 1 << 20;
/** Values and characters evaluation may produce: templates are at most 1 MB, so this is never reached by a real one. */
const WORK_BUDGET = 2_000_000;
/** Values the copies Fn::ForEach makes may hold in all: the expanded template must still fit CloudFormation's 1 MB. */
const FOR_EACH_NODES = 250_000;

function unknown(range: SourceRange, ref?: string): IacNode {
  return ref === undefined ? { t: "unknown", range } : { t: "unknown", range, ref };
}

function withRange(n: Evaluated, range: SourceRange): Evaluated {
  return n === NO_VALUE ? n : ({ ...n, range } as IacNode);
}

function untagged(raw: Raw): Raw {
  const { tag: _tag, ...rest } = raw;
  return rest as Raw;
}

/** A string value, unless it holds a dynamic reference that CloudFormation resolves at deployment. */
function str(value: string, range: SourceRange): IacNode {
  return DYNAMIC_REFERENCE.test(value) ? unknown(range) : { t: "prim", value, range };
}

function knownPrim(n: Evaluated): string | number | boolean | undefined {
  return n !== NO_VALUE && n.t === "prim" && n.value !== null ? n.value : undefined;
}

function truth(n: Evaluated): boolean | undefined {
  const v = knownPrim(n);
  if (typeof v === "boolean") return v;
  if (typeof v === "string" && /^(true|false)$/i.test(v)) return v.toLowerCase() === "true";
  return undefined;
}

export class Evaluator {
  readonly warnings: Warning[] = [];
  private readonly conditionCache = new Map<string, boolean | undefined | "pending">();
  private work = 0;
  private readonly loops: ForEachExpander;

  constructor(private readonly t: TemplateParts) {
    this.loops = new ForEachExpander({
      path: t.path,
      collection: (raw) => this.collection(raw),
      warn: (range, message) => this.warn(range, message),
      maxNodes: FOR_EACH_NODES,
    });
  }

  /** A map's entries with their Fn::ForEach loops expanded; `what` names what an unknown loop leaves out. */
  expandLoops(entries: readonly RawEntry[], what: string): Expanded {
    return this.loops.expand(entries, what);
  }

  /** Fn::ForEach's collection: its items when the list and every item in it are known. */
  private collection(raw: Raw): string[] | undefined {
    const v = this.value(raw);
    if (v === NO_VALUE || v.t !== "list") return undefined;
    const out: string[] = [];
    for (const item of v.items) {
      const p = knownPrim(item);
      if (p === undefined) return undefined;
      out.push(String(p));
    }
    return out;
  }

  warn(range: SourceRange, message: string): void {
    this.warnings.push({ line: range.startLine, message });
  }

  private spend(units: number, at: SourceRange): void {
    this.work += units;
    if (this.work > WORK_BUDGET) throw new InputError(`${this.t.path}:${at.startLine}: the template expands to too many values to evaluate: not scanned`);
  }

  /** Evaluates a value; `inCondition` lets `{Condition: Name}` stand for a condition (as in Fn::And). */
  value(raw: Raw, inCondition = false): Evaluated {
    this.spend(1, raw.range);
    const fn = this.functionOf(raw, inCondition);
    if (fn) return this.call(fn.name, fn.arg, raw.range);
    if (raw.k === "scalar") return typeof raw.value === "string" ? str(raw.value, raw.range) : { t: "prim", value: raw.value, range: raw.range };
    if (raw.k === "seq") {
      const items = raw.items.map((i) => this.value(i)).filter((i): i is IacNode => i !== NO_VALUE);
      return { t: "list", items, range: raw.range };
    }
    const entries = new Map<string, IacNode>();
    let written: readonly RawEntry[] = raw.entries;
    if (hasForEach(written)) {
      // A property map (Fn::ForEach in Properties): what an unknown loop adds is not known, so neither is the map.
      const x = this.expandLoops(written, "the properties it makes are not known");
      if (!x.complete) return unknown(raw.range);
      written = x.entries;
    }
    for (const e of written) {
      const v = this.value(e.value);
      if (v !== NO_VALUE) entries.set(e.key, { ...v, range: e.range } as IacNode);
    }
    return { t: "object", entries, range: raw.range };
  }

  /** A condition by name: known true or false, or undefined when it depends on what is not known. */
  condition(name: string, at: SourceRange): boolean | undefined {
    const cached = this.conditionCache.get(name);
    if (cached === "pending") {
      this.warn(at, `condition ${name} refers to itself`);
      return undefined;
    }
    if (cached !== undefined || this.conditionCache.has(name)) return cached;
    const raw = this.t.conditions.get(name);
    if (!raw) {
      this.warn(at, `condition ${name} is not defined in Conditions`);
      this.conditionCache.set(name, undefined);
      return undefined;
    }
    this.conditionCache.set(name, "pending");
    const v = truth(this.value(raw, true));
    this.conditionCache.set(name, v);
    return v;
  }

  private functionOf(raw: Raw, inCondition: boolean): { name: string; arg: Raw } | undefined {
    if (raw.tag !== undefined) {
      const short = raw.tag.slice(1);
      return { name: short === "Ref" || short === "Condition" ? short : `Fn::${short}`, arg: untagged(raw) };
    }
    if (raw.k !== "map" || raw.entries.length !== 1) return undefined;
    const e = raw.entries[0];
    if (!e) return undefined;
    // `{Fn::ForEach::Name: [...]}` alone in a map is a loop that makes the map's entries, not a function.
    if (e.key.startsWith(FOR_EACH)) return undefined;
    if (e.key === "Ref" || e.key.startsWith("Fn::") || (inCondition && e.key === "Condition")) return { name: e.key, arg: e.value };
    return undefined;
  }

  /** The items of a function's list argument. */
  private args(arg: Raw): Raw[] {
    return arg.k === "seq" ? arg.items : [arg];
  }

  /** A string argument: literal, or a function whose value is a known string. */
  private name(arg: Raw | undefined): string | undefined {
    if (!arg) return undefined;
    const v = knownPrim(this.value(arg));
    return v === undefined ? undefined : String(v);
  }

  private call(name: string, arg: Raw, range: SourceRange): Evaluated {
    switch (name) {
      case "Ref": {
        const target = this.name(arg);
        return target === undefined ? unknown(range) : this.ref(target, range);
      }
      case "Fn::GetAtt":
        return this.getAtt(arg, range);
      case "Fn::Sub":
        return this.sub(arg, range);
      case "Fn::If":
        return this.if(arg, range);
      case "Fn::Join":
        return this.join(arg, range);
      case "Fn::Select":
        return this.select(arg, range);
      case "Fn::Split":
        return this.split(arg, range);
      case "Fn::FindInMap":
        return this.findInMap(arg, range);
      case "Fn::Base64": {
        const v = knownPrim(this.value(arg));
        if (v === undefined) return unknown(range);
        const encoded = Buffer.from(String(v), "utf8").toString("base64");
        this.spend(encoded.length, range);
        return { t: "prim", value: encoded, range };
      }
      case "Fn::Equals": {
        const [a, b] = this.args(arg).map((x) => this.value(x));
        const x = a === undefined ? undefined : knownPrim(a);
        const y = b === undefined ? undefined : knownPrim(b);
        return x === undefined || y === undefined ? unknown(range) : { t: "prim", value: String(x) === String(y), range };
      }
      case "Fn::Not": {
        const [c] = this.args(arg);
        const v = c === undefined ? undefined : truth(this.value(c, true));
        return v === undefined ? unknown(range) : { t: "prim", value: !v, range };
      }
      case "Fn::And":
      case "Fn::Or": {
        const vs = this.args(arg).map((c) => truth(this.value(c, true)));
        const decisive = name === "Fn::Or";
        if (vs.includes(decisive)) return { t: "prim", value: decisive, range };
        return vs.includes(undefined) ? unknown(range) : { t: "prim", value: !decisive, range };
      }
      case "Condition": {
        const cond = this.name(arg);
        const v = cond === undefined ? undefined : this.condition(cond, range);
        return v === undefined ? unknown(range) : { t: "prim", value: v, range };
      }
      default:
        if (!UNKNOWABLE.has(name)) this.warn(range, `unknown intrinsic function ${name}: its value is treated as unknown`);
        return unknown(range);
    }
  }

  private ref(target: string, range: SourceRange): Evaluated {
    if (target === "AWS::NoValue") return NO_VALUE;
    if (target.startsWith("AWS::")) return unknown(range);
    if (this.t.parameters.has(target)) return this.parameter(target, range);
    if (this.t.resources.has(target)) return unknown(range, target);
    this.warn(range, `Ref to ${target}, which is neither a parameter nor a resource of the template`);
    return unknown(range);
  }

  /** A parameter's default, where its value is used; no default (or an SSM parameter name) is unknown. */
  private parameter(name: string, range: SourceRange): Evaluated {
    const decl = this.t.parameters.get(name);
    const type = text(get(decl, "Type")) ?? "String";
    const def = get(decl, "Default");
    if (!def || def.tag !== undefined || type.startsWith("AWS::SSM::Parameter::")) return unknown(range);
    if (type === "CommaDelimitedList" || type.startsWith("List<")) {
      if (def.k === "seq") return withRange(this.value(def), range);
      const s = text(def);
      if (s === undefined) return unknown(range);
      this.spend(s.length, range);
      return { t: "list", items: s.split(",").map((x) => str(x.trim(), range)), range };
    }
    if (def.k !== "scalar") return unknown(range);
    return withRange(this.value(def), range);
  }

  private getAtt(arg: Raw, range: SourceRange): Evaluated {
    let id: string | undefined;
    let attr: string | undefined;
    if (arg.k === "seq") {
      id = text(arg.items[0]);
      attr = this.name(arg.items[1]);
    } else {
      const s = text(arg) ?? "";
      const dot = s.indexOf(".");
      if (dot > 0) [id, attr] = [s.slice(0, dot), s.slice(dot + 1)];
    }
    if (id === undefined) {
      this.warn(range, "Fn::GetAtt needs a resource and an attribute");
      return unknown(range);
    }
    if (!this.t.resources.has(id)) {
      this.warn(range, `Fn::GetAtt on ${id}, which is not a resource of the template`);
      return unknown(range);
    }
    return unknown(range, attr === undefined ? id : `${id}.${attr}`);
  }

  private sub(arg: Raw, range: SourceRange): Evaluated {
    const [templateRaw, varsRaw] = this.args(arg);
    const template = templateRaw?.k === "scalar" ? text(templateRaw) : undefined;
    if (template === undefined) return unknown(range);
    const vars = new Map<string, Raw>();
    if (varsRaw?.k === "map") for (const e of varsRaw.entries) vars.set(e.key, e.value);
    let out = "";
    let known = true;
    let ref: string | undefined;
    let last = 0;
    const whole = /^\$\{([^!}][^}]*)\}$/.exec(template);
    for (const m of template.matchAll(/\$\{([^}]*)\}/g)) {
      out += template.slice(last, m.index);
      last = m.index + m[0].length;
      const name = (m[1] ?? "").trim();
      if (name.startsWith("!")) {
        out += `\${${name.slice(1)}}`;
        continue;
      }
      const v = this.subVariable(name, vars, range);
      const p = knownPrim(v);
      if (p === undefined) {
        known = false;
        if (whole && v !== NO_VALUE && v.t === "unknown") ref = v.ref;
      } else out += String(p);
      if (out.length > MAX_STRING) return unknown(range);
    }
    if (!known) return unknown(range, ref);
    out += template.slice(last);
    this.spend(out.length, range);
    return str(out, range);
  }

  private subVariable(name: string, vars: Map<string, Raw>, range: SourceRange): Evaluated {
    const local = vars.get(name);
    if (local) return this.value(local);
    const dot = name.indexOf(".");
    if (dot > 0 && this.t.resources.has(name.slice(0, dot))) return unknown(range, name);
    return this.ref(name, range);
  }

  private if(arg: Raw, range: SourceRange): Evaluated {
    const [cond, yes, no] = this.args(arg);
    const name = text(cond);
    if (name === undefined || !yes || !no) {
      this.warn(range, "Fn::If needs a condition name and two values");
      return unknown(range);
    }
    const v = this.condition(name, range);
    if (v === undefined) return unknown(range);
    return withRange(this.value(v ? yes : no), range);
  }

  private join(arg: Raw, range: SourceRange): Evaluated {
    const [delimRaw, listRaw] = this.args(arg);
    const delim = delimRaw ? knownPrim(this.value(delimRaw)) : undefined;
    const list = listRaw ? this.value(listRaw) : NO_VALUE;
    if (delim === undefined || list === NO_VALUE || list.t !== "list") return unknown(range);
    const parts: string[] = [];
    let size = 0;
    for (const item of list.items) {
      const p = knownPrim(item);
      if (p === undefined) return unknown(range);
      parts.push(String(p));
      size += parts[parts.length - 1]?.length ?? 0;
      if (size > MAX_STRING) return unknown(range);
    }
    const out = parts.join(String(delim));
    this.spend(out.length, range);
    return str(out, range);
  }

  private select(arg: Raw, range: SourceRange): Evaluated {
    const [indexRaw, listRaw] = this.args(arg);
    const index = indexRaw ? Number(knownPrim(this.value(indexRaw))) : NaN;
    const list = listRaw ? this.value(listRaw) : NO_VALUE;
    if (!Number.isInteger(index) || list === NO_VALUE || list.t !== "list") return unknown(range);
    const item = list.items[index];
    if (!item) {
      this.warn(range, `Fn::Select index ${index} is outside the list`);
      return unknown(range);
    }
    return withRange(item, range);
  }

  private split(arg: Raw, range: SourceRange): Evaluated {
    const [delimRaw, sourceRaw] = this.args(arg);
    const delim = delimRaw ? knownPrim(this.value(delimRaw)) : undefined;
    const source = sourceRaw ? knownPrim(this.value(sourceRaw)) : undefined;
    if (delim === undefined || source === undefined || String(delim) === "") return unknown(range);
    const parts = String(source).split(String(delim));
    this.spend(parts.length, range);
    return { t: "list", items: parts.map((p) => str(p, range)), range };
  }

  private findInMap(arg: Raw, range: SourceRange): Evaluated {
    const [mapRaw, topRaw, secondRaw, options] = this.args(arg);
    const map = get(this.t.mappings, this.name(mapRaw) ?? "");
    const second = this.name(secondRaw);
    const fallback = get(options, "DefaultValue");
    if (!map || second === undefined) {
      if (!map && mapRaw) this.warn(range, `Fn::FindInMap: no mapping ${this.name(mapRaw) ?? "(unknown)"} in Mappings`);
      return unknown(range);
    }
    const top = this.name(topRaw);
    if (top === undefined) return this.sameForEveryKey(map, second, range);
    const found = get(get(map, top), second);
    if (found) return withRange(this.value(found), range);
    if (fallback) return withRange(this.value(fallback), range);
    this.warn(range, `Fn::FindInMap: ${top}.${second} is not in the mapping`);
    return unknown(range);
  }

  /** `!FindInMap [M, !Ref AWS::Region, K]` is known when every top-level key maps K to the same scalar. */
  private sameForEveryKey(map: Raw, second: string, range: SourceRange): Evaluated {
    if (map.k !== "map" || map.entries.length === 0) return unknown(range);
    const values = map.entries.map((e) => get(e.value, second));
    const first = values[0];
    if (first?.k !== "scalar" || first.tag !== undefined) return unknown(range);
    const same = values.every((v) => v?.k === "scalar" && v.tag === undefined && v.value === first.value);
    return same ? withRange(this.value(first), range) : unknown(range);
  }
}
