// One instance of a module (the root module, or one instance of a module call): its variables,
// locals, outputs, resources and module calls, evaluated on demand. It is the Scope expressions
// in its files resolve names against (var.x, local.y, module.z.out, aws_s3_bucket.b.bucket).
import { posix } from "node:path";
import type { SourceRange } from "../../checks/types.js";
import type { TfResource } from "./types.js";
import { evalBlock } from "./blocks.js";
import { convert, isPrimitive, typeSpec } from "./convert.js";
import { RENDERED_DATA } from "./data-render.js";
import type { Cx, Resolved, Scope, TStep, Where } from "./eval-context.js";
import { evalExpr, evalSafe } from "./eval.js";
import { applyStep, keyText } from "./eval-traversal.js";
import { instancesOf, pick, standIn, type Instance, type Repetition } from "./expand.js";
import { Lazy, type Computed, type LazyHost } from "./lazy.js";
import type { Budget } from "./limits.js";
import type { Expr, HclAttr, HclBlock, HclFile } from "./syntax.js";
import { moduleBlocks } from "./override.js";
import { EvalError, list, object, openObjects, place, prim, unknown, type V } from "./value.js";
import type { RootValue } from "./variables.js";

export interface Via {
  file: string;
  range: SourceRange;
}

/** A directory's files, read together as one module. */
export interface ModuleDef {
  /** Root-relative directory, "" for the scan root. */
  dir: string;
  files: HclFile[];
}

/** A resource as mappers get it, with the file it is written in and the module calls that reached it. */
export interface Collected {
  resource: TfResource;
  file: string;
  via: Via[];
}

export interface ProjectHost extends LazyHost {
  readonly budget: Budget;
  readonly explain: ((at: Where, file: string, why: string) => void) | undefined;
  /** The scan-root-relative directory of the root module being evaluated. */
  readonly rootDir: string;
  warn(file: string, line: number, message: string): void;
  /** The module a call names; undefined (after a warning) when it is not available. */
  moduleFor(caller: ModuleInstance, call: CallDecl): ModuleDef | undefined;
  /** A file's text, for file(): `path` is scan-root-relative and already confined to the module. */
  readText(path: string): string | undefined;
  /** Values a root module's variables take from .tfvars files, -var, -var-file and TF_VAR_. */
  rootValue(name: string, primitive: boolean): RootValue | undefined;
}

interface ResDecl {
  type: string;
  name: string;
  data: boolean;
  block: HclBlock;
  file: string;
  exp?: { kind: Repetition; instances: ResInstance[] };
  expanding?: boolean;
}

interface ResInstance extends Instance {
  attrs: Map<string, Lazy>;
  /** The value a rendered data source instance gives (RENDERED_DATA: a policy document, a Google IAM policy). */
  doc?: Lazy;
}

export interface CallDecl {
  name: string;
  block: HclBlock;
  file: string;
  exp?: { kind: Repetition; instances: CallInstance[] };
  expanding?: boolean;
}

interface CallInstance extends Instance {
  child: ModuleInstance | undefined;
}

interface VarDecl {
  block: HclBlock;
  file: string;
  lazy?: Lazy;
}

/** Module call arguments that are not input variables. */
const META = new Set(["source", "version", "count", "for_each", "providers", "depends_on"]);

function attrOf(b: HclBlock, name: string): HclAttr | undefined {
  return b.attrs.find((a) => a.name === name);
}

export class ModuleInstance implements Scope {
  readonly budget: Budget;
  readonly explain: ((at: Where, file: string, why: string) => void) | undefined;
  private readonly vars = new Map<string, VarDecl>();
  private readonly locals = new Map<string, Lazy>();
  private readonly outputs = new Map<string, Lazy>();
  private readonly resources = new Map<string, ResDecl>();
  private readonly data = new Map<string, ResDecl>();
  readonly calls = new Map<string, CallDecl>();

  constructor(
    readonly host: ProjectHost,
    readonly def: ModuleDef,
    /** `""`, or `module.a.` / `module.a[0].module.b.` */
    readonly prefix: string,
    readonly via: Via[],
    /** A child module's inputs; undefined for the root module. */
    private readonly inputs: Map<string, Lazy> | undefined,
    /** Directories of the calls that led here, this one last (cycle detection). */
    readonly dirs: readonly string[],
    /** Call names from the root (`vpc`, `vpc.subnets`): the key of .terraform/modules/modules.json. */
    readonly callPath: readonly string[],
  ) {
    this.budget = host.budget;
    this.explain = host.explain;
    const { declared, warnings } = moduleBlocks(def);
    for (const d of declared) this.declare(d.block, d.file);
    for (const w of warnings) host.warn(w.file, w.line, w.message);
  }

  private declare(b: HclBlock, file: string): void {
    const [l0, l1] = b.labels;
    if (b.type === "variable" && l0 !== undefined) this.vars.set(l0, { block: b, file });
    else if (b.type === "locals") {
      for (const a of b.attrs) this.locals.set(a.name, this.lazy(`local.${a.name}`, file, a.r, () => ({ value: evalSafe(a.expr, this.cx(file)), file })));
    } else if (b.type === "output" && l0 !== undefined) {
      const value = attrOf(b, "value");
      // An override file's value is computed in that file; used elsewhere, it takes the use's lines.
      const at = value?.from?.file ?? file;
      this.outputs.set(l0, this.lazy(`output.${l0}`, file, b.r, () => ({ value: value ? evalSafe(value.expr, this.cx(at)) : prim(null, b.r), file: at })));
    } else if ((b.type === "resource" || b.type === "data") && l0 !== undefined && l1 !== undefined) {
      (b.type === "data" ? this.data : this.resources).set(`${l0}.${l1}`, { type: l0, name: l1, data: b.type === "data", block: b, file });
    } else if (b.type === "module" && l0 !== undefined) this.calls.set(l0, { name: l0, block: b, file });
  }

  private lazy(label: string, file: string, range: SourceRange, compute: () => Computed): Lazy {
    return new Lazy(this.host, this.prefix + label, file, range, compute);
  }

  cx(file: string): Cx {
    return { scope: this, file, names: undefined };
  }

  private warnAt(file: string): (line: number, message: string) => void {
    return (line, message) => this.host.warn(file, line, message);
  }

  // --- variables -------------------------------------------------------------------------------

  private variable(name: string): Lazy | undefined {
    const d = this.vars.get(name);
    if (!d) return undefined;
    d.lazy ??= this.lazy(`var.${name}`, d.file, d.block.r, () => this.computeVar(name, d));
    return d.lazy;
  }

  private computeVar(name: string, d: VarDecl): Computed {
    const type = typeSpec(attrOf(d.block, "type")?.expr);
    const def = attrOf(d.block, "default");
    const cx = this.cx(d.file);
    let given: Computed | undefined;
    if (this.inputs) given = this.inputs.get(name)?.get();
    else {
      const rv = this.host.rootValue(name, isPrimitive(type));
      if (rv) given = { value: rv.value, file: rv.file };
    }
    // nullable = false: a null from the caller means the default.
    const nullable = attrOf(d.block, "nullable");
    const nv = nullable ? evalSafe(nullable.expr, cx) : undefined;
    if (given?.value.t === "prim" && given.value.value === null && nv?.t === "prim" && nv.value === false && def) given = undefined;
    const defFile = def?.from?.file ?? d.file;
    const out: Computed = given ?? (def ? { value: evalSafe(def.expr, this.cx(defFile)), file: defFile } : { value: unknown(d.block.r), file: d.file });
    if (!given && !def) this.explain?.(d.block, d.file, `var.${name} has no value (no default, and not set by ${this.inputs ? "the module call" : "a .tfvars file, --var, --var-file or TF_VAR_" + name})`);
    try {
      return { value: convert(out.value, type, d.block.r, (e: Expr) => evalSafe(e, cx)), file: out.file };
    } catch (e) {
      if (!(e instanceof EvalError)) throw e;
      this.explain?.(d.block, d.file, `var.${name}: ${e.message}`);
      return { value: unknown(d.block.r), file: out.file };
    }
  }

  // --- resources and module calls --------------------------------------------------------------

  private expandRes(d: ResDecl): ResInstance[] {
    if (d.exp) return d.exp.instances;
    // count or for_each that refers to the resource itself: it cannot be counted.
    if (d.expanding) return [{ ...standIn(d.block, undefined), attrs: new Map() }];
    d.expanding = true;
    try {
      const { kind, instances } = instancesOf(d.block, this.cx(d.file), this.warnAt(d.file));
      d.exp = { kind, instances: instances.map((i) => ({ ...i, attrs: new Map() })) };
    } finally {
      d.expanding = false;
    }
    return d.exp.instances;
  }

  private resAttr(d: ResDecl, inst: ResInstance, a: HclAttr): Computed {
    let l = inst.attrs.get(a.name);
    if (!l) {
      const label = `${d.data ? "data." : ""}${d.type}.${d.name}${inst.suffix}.${a.name}`;
      const from = a.from;
      l = this.lazy(label, d.file, a.r, () =>
        from
          ? { value: place(evalSafe(a.expr, { scope: this, file: from.file, names: inst.names }), from.at, true), file: d.file }
          : { value: evalSafe(a.expr, { scope: this, file: d.file, names: inst.names }), file: d.file },
      );
      inst.attrs.set(a.name, l);
    }
    return l.get();
  }

  /** An attribute the evaluator computes from a data source's own arguments (`data.aws_iam_policy_document.x.json`). */
  private dataOutput(d: ResDecl, inst: ResInstance, name: string): Computed | undefined {
    const rendered = d.data ? RENDERED_DATA.get(d.type) : undefined;
    if (!rendered?.outputs.has(name)) return undefined;
    inst.doc ??= this.lazy(`data.${d.type}.${d.name}${inst.suffix}.${[...rendered.outputs][0] ?? name}`, d.file, d.block.r, () => {
      const cx: Cx = { scope: this, file: d.file, names: inst.names };
      return { value: rendered.render(evalBlock(d.block, cx, (a) => this.resAttr(d, inst, a).value)), file: d.file };
    });
    return inst.doc.get();
  }

  private instanceObject(d: ResDecl, inst: ResInstance): V {
    const entries = new Map<string, V>();
    for (const a of d.block.attrs) entries.set(a.name, this.resAttr(d, inst, a).value);
    const rendered = d.data ? RENDERED_DATA.get(d.type) : undefined;
    for (const n of rendered?.outputs ?? []) entries.set(n, (this.dataOutput(d, inst, n) as Computed).value);
    const o = object(entries, d.block.r);
    openObjects.add(o);
    return o;
  }

  private expandCall(c: CallDecl): CallInstance[] {
    if (c.exp) return c.exp.instances;
    if (c.expanding) return [{ ...standIn(c.block, undefined), child: undefined }];
    c.expanding = true;
    try {
      const { kind, instances } = instancesOf(c.block, this.cx(c.file), this.warnAt(c.file));
      const def = this.host.moduleFor(this, c);
      c.exp = {
        kind,
        instances: instances.map((inst) => {
          if (!def) return { ...inst, child: undefined };
          const inputs = new Map<string, Lazy>();
          for (const a of c.block.attrs) {
            if (META.has(a.name)) continue;
            const file = a.from?.file ?? c.file;
            inputs.set(a.name, this.lazy(`module.${c.name}${inst.suffix}.${a.name}`, c.file, a.r, () => ({ value: evalSafe(a.expr, { scope: this, file, names: inst.names }), file })));
          }
          const via = [...this.via, { file: c.file, range: c.block.r }];
          const child = new ModuleInstance(this.host, def, `${this.prefix}module.${c.name}${inst.suffix}.`, via, inputs, [...this.dirs, def.dir], [...this.callPath, c.name]);
          return { ...inst, child };
        }),
      };
    } finally {
      c.expanding = false;
    }
    return c.exp.instances;
  }

  private outputsObject(child: ModuleInstance, range: SourceRange): V {
    const entries = new Map<string, V>();
    for (const [k, l] of child.outputs) entries.set(k, l.get().value);
    return object(entries, range);
  }

  // --- name resolution -------------------------------------------------------------------------

  lookup(root: string, steps: readonly TStep[], cx: Cx, at: Expr): Resolved {
    const first = steps[0];
    const name = first && "attr" in first ? first.attr : undefined;
    const none = (text: string, used: number, why?: string): Resolved => {
      if (why) this.explain?.(at, cx.file, why);
      return { value: unknown(at.r), file: cx.file, used, text };
    };
    switch (root) {
      case "var":
      case "local": {
        if (name === undefined) return none(root, 0);
        const l = root === "var" ? this.variable(name) : this.locals.get(name);
        if (!l) return none(`${root}.${name}`, 1, `${root}.${name} is not declared in this module`);
        const c = l.get();
        return { value: c.value, file: c.file, used: 1, text: `${root}.${name}` };
      }
      case "path": {
        if (name === "module" || name === "root") {
          const dir = name === "root" ? "." : posix.relative(this.host.rootDir, this.def.dir) || ".";
          return { value: prim(dir, at.r), file: cx.file, used: 1, text: `path.${name}` };
        }
        return none(`path.${name ?? ""}`, 1, `path.${name ?? ""} depends on where Terraform runs`);
      }
      case "module":
        return this.lookupModule(name, steps, cx, at);
      case "data": {
        const second = steps[1];
        const rname = second && "attr" in second ? second.attr : undefined;
        if (name === undefined || rname === undefined) return none("data", 0);
        return this.lookupResource(this.data.get(`${name}.${rname}`), `${this.prefix}data.${name}.${rname}`, steps, 2, cx, at);
      }
      case "count":
      case "each":
      case "self":
      case "terraform":
        return none(`${root}${name !== undefined ? `.${name}` : ""}`, name !== undefined ? 1 : 0, `${root}${name !== undefined ? `.${name}` : ""} is not known here`);
      default:
        if (name === undefined) return none(root, 0, `${root} is not a known name`);
        return this.lookupResource(this.resources.get(`${root}.${name}`), `${this.prefix}${root}.${name}`, steps, 1, cx, at);
    }
  }

  /** After a resource or module call: the instance its next step selects, or the whole collection. */
  private select<I extends Instance>(
    kind: Repetition,
    instances: readonly I[],
    steps: readonly TStep[],
    from: number,
    text: string,
    cx: Cx,
    at: Expr,
    whole: (i: I) => V,
  ): { inst: I; used: number; text: string } | { value: V; used: number; text: string } {
    const only = instances[0];
    if (kind === "single" && only) return { inst: only, used: from, text };
    const step = steps[from];
    if (step && "index" in step) {
      const k = evalExpr(step.index, cx);
      const t = text + keyText(k);
      if (k.t === "unknown") return { value: unknown(at.r), used: from + 1, text: t };
      const inst = pick(instances, k);
      if (!inst) throw new EvalError(`${t} does not exist`);
      return { inst, used: from + 1, text: t };
    }
    if (instances.length === 1 && only?.key?.t === "unknown") return { value: unknown(at.r), used: from, text };
    if (kind === "count") return { value: list(instances.map(whole), at.r), used: from, text };
    const entries = new Map<string, V>();
    for (const i of instances) if (i.key?.t === "prim") entries.set(String(i.key.value), whole(i));
    return { value: object(entries, at.r), used: from, text };
  }

  private lookupResource(d: ResDecl | undefined, base: string, steps: readonly TStep[], from: number, cx: Cx, at: Expr): Resolved {
    if (!d) {
      this.explain?.(at, cx.file, `${base} is not declared in this module`);
      return { value: unknown(at.r), file: cx.file, used: from, text: base };
    }
    const instances = this.expandRes(d);
    const kind = d.exp?.kind ?? "count";
    const next = steps[from];
    // `aws_instance.web[*].id`: each instance's attribute, keeping each one's reference.
    const first = next && "splat" in next ? next.splat[0] : undefined;
    if (next && "splat" in next && first && "attr" in first && instances[0]?.key?.t !== "unknown") {
      const items = instances.map((inst) => {
        const v = this.instanceAttr(d, inst, first.attr, `${base}${inst.suffix}.${first.attr}`, cx, at).value;
        return next.splat.slice(1).reduce((x, s) => (x.t === "unknown" ? x : applyStep(x, s, cx, evalExpr)), v);
      });
      return { value: list(items, at.r), file: d.file, used: from + 1, text: `${base}[*].${first.attr}` };
    }
    const sel = this.select(kind, instances, steps, from, base, cx, at, (i) => this.instanceObject(d, i));
    if (!("inst" in sel)) return { value: sel.value, file: d.file, used: sel.used, text: sel.text };
    const step = steps[sel.used];
    if (!step || !("attr" in step)) return { value: this.instanceObject(d, sel.inst), file: d.file, used: sel.used, text: sel.text };
    const text = `${sel.text}.${step.attr}`;
    return { ...this.instanceAttr(d, sel.inst, step.attr, text, cx, at), used: sel.used + 1, text };
  }

  /** An argument of a resource instance: its value when written in the source, else unknown with the reference. */
  private instanceAttr(d: ResDecl, inst: ResInstance, name: string, text: string, cx: Cx, at: Expr): Computed {
    const a = attrOf(d.block, name);
    if (!a) {
      const out = this.dataOutput(d, inst, name);
      if (out) return out;
      this.explain?.(at, cx.file, `${text} is computed by the provider (it is not set in the configuration)`);
      return { value: unknown(at.r, text), file: cx.file };
    }
    const c = this.resAttr(d, inst, a);
    // An argument that is not known keeps the reference itself, so companions still join.
    return c.value.t === "unknown" ? { value: { ...c.value, ref: text }, file: c.file } : c;
  }

  private lookupModule(name: string | undefined, steps: readonly TStep[], cx: Cx, at: Expr): Resolved {
    const base = `${this.prefix}module.${name ?? ""}`;
    const c = name !== undefined ? this.calls.get(name) : undefined;
    if (!c) {
      this.explain?.(at, cx.file, `${base} is not declared in this module`);
      return { value: unknown(at.r), file: cx.file, used: name !== undefined ? 1 : 0, text: base };
    }
    const instances = this.expandCall(c);
    const whole = (i: CallInstance): V => (i.child ? this.outputsObject(i.child, at.r) : unknown(at.r));
    const sel = this.select(c.exp?.kind ?? "count", instances, steps, 1, base, cx, at, whole);
    if (!("inst" in sel)) return { value: sel.value, file: cx.file, used: sel.used, text: sel.text };
    const child = sel.inst.child;
    const step = steps[sel.used];
    if (!child) {
      this.explain?.(at, cx.file, `module.${c.name} is not available, so its outputs are unknown`);
      const rest = step && "attr" in step ? `.${step.attr}` : "";
      return { value: unknown(at.r), file: cx.file, used: sel.used + (rest ? 1 : 0), text: sel.text + rest };
    }
    if (!step || !("attr" in step)) return { value: this.outputsObject(child, at.r), file: child.def.files[0]?.path ?? "", used: sel.used, text: sel.text };
    const out = child.outputs.get(step.attr);
    if (!out) throw new EvalError(`module.${c.name} has no output "${step.attr}"`);
    const v = out.get();
    return { value: v.value, file: v.file, used: sel.used + 1, text: `${sel.text}.${step.attr}` };
  }

  readFile(path: string): string | undefined {
    if (posix.isAbsolute(path) || path.includes("\\")) return undefined;
    // Terraform resolves file() paths from the root module's directory; only the module's own
    // directory tree may be read.
    const full = posix.normalize(posix.join(this.host.rootDir, path));
    const dir = this.def.dir;
    if (full.startsWith("../") || full === ".." || (dir !== "" && !full.startsWith(`${dir}/`))) return undefined;
    return this.host.readText(full);
  }

  // --- the resources of this module and the modules it calls ----------------------------------

  collect(out: Collected[]): void {
    for (const d of this.resources.values()) {
      for (const inst of this.expandRes(d)) {
        const cx: Cx = { scope: this, file: d.file, names: inst.names };
        const block = evalBlock(d.block, cx, (a) => this.resAttr(d, inst, a).value);
        out.push({ resource: { type: d.type, name: d.name, address: `${this.prefix}${d.type}.${d.name}${inst.suffix}`, block }, file: d.file, via: this.via });
      }
    }
    for (const c of this.calls.values()) {
      for (const inst of this.expandCall(c)) inst.child?.collect(out);
    }
  }
}

