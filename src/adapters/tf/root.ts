// One root module evaluated: its variables (.tfvars files of its directory and the command line),
// the modules it calls (local directories, or .terraform/modules for registry and git sources),
// and the resources of all of them. Warnings and --debug lines go to the project's sink.
import type { Where } from "./eval-context.js";
import { Budget, LIMITS } from "./limits.js";
import { ModuleInstance, type CallDecl, type Collected, type ModuleDef, type ProjectHost } from "./module.js";
import { HclSyntaxError } from "./parse-cursor.js";
import { isConfigFile, parseConfigFile, syntaxProblem } from "./config-file.js";
import { isLocalSource, joinPath, localDir, readManifest } from "./sources.js";
import type { HclFile } from "./syntax.js";
import type { ProjectOptions } from "../types.js";
import { dirLayers, RootValues, type Layer, type RootValue } from "./variables.js";

export interface Sink {
  warn(file: string, line: number | undefined, message: string): void;
  debug: ((line: string) => void) | undefined;
}

export function syntaxWarning(path: string, e: HclSyntaxError): string {
  return `${syntaxProblem(path, e)}; the file is not scanned`;
}

/** The literal source of a module call. */
export function sourceOf(call: { attrs: { name: string; expr: { k: string; v?: unknown } }[] }): string | undefined {
  const a = call.attrs.find((x) => x.name === "source");
  return a?.expr.k === "lit" && typeof a.expr.v === "string" ? a.expr.v : undefined;
}

/** Evaluates one root module and the modules it calls. */
export class RootEval implements ProjectHost {
  readonly budget = new Budget();
  readonly stack: string[] = [];
  readonly explain: ((at: Where, file: string, why: string) => void) | undefined;
  private manifest: Map<string, string> | undefined;
  private readonly values: RootValues;

  constructor(
    readonly rootDir: string,
    private readonly defs: Map<string, ModuleDef>,
    private readonly texts: Map<string, string>,
    private readonly opts: ProjectOptions,
    private readonly sink: Sink,
    layers: { env: Layer; cli: Layer[] },
  ) {
    const names = opts.listDir?.(rootDir) ?? [];
    const own = dirLayers(rootDir, names, (p) => opts.readFile?.(p), this.budget, (p, line, m) => sink.warn(p, line, m));
    this.values = new RootValues([layers.env, ...own, ...layers.cli], this.budget);
    const debug = sink.debug;
    this.explain = debug
      ? (at, file, why) => {
          const text = at.o !== undefined && at.z !== undefined ? `${(this.texts.get(file) ?? "").slice(at.o, Math.min(at.z, at.o + 120)).replace(/\s+/g, " ")}: ` : "";
          debug(`unknown: ${file}:${at.r.startLine}: ${text}${why}`);
        }
      : undefined;
  }

  warn(file: string, line: number, message: string): void {
    this.sink.warn(file, line, message);
  }

  cycle(label: string, chain: string[], file: string, range: { startLine: number }): void {
    this.sink.warn(file, range.startLine, `${label} depends on itself (${chain.join(" -> ")}); its value is unknown`);
  }

  tooDeep(label: string, file: string, range: { startLine: number }): void {
    this.sink.warn(file, range.startLine, `${label} needs more than ${LIMITS.maxDepth} other values computed first; its value is unknown`);
  }

  rootValue(name: string, primitive: boolean): RootValue | undefined {
    return this.values.get(name, primitive);
  }

  readText(path: string): string | undefined {
    const text = this.texts.get(path) ?? this.opts.readFile?.(path);
    return text !== undefined && text.length <= LIMITS.maxFileRead ? text : undefined;
  }

  moduleFor(caller: ModuleInstance, call: CallDecl): ModuleDef | undefined {
    const line = call.block.r.startLine;
    const fail = (why: string): undefined => {
      this.warn(call.file, line, `module "${call.name}": ${why}; its resources are not checked and its outputs are unknown`);
      return undefined;
    };
    const source = sourceOf(call.block);
    if (source === undefined) return fail("its source is not a literal string");
    if (caller.dirs.length > LIMITS.maxModuleDepth) return fail(`modules are nested more than ${LIMITS.maxModuleDepth} deep`);
    let dir: string | undefined;
    if (isLocalSource(source)) {
      dir = localDir(caller.def.dir, source);
      if (dir === undefined) return fail(`${source} is outside the scanned directory`);
    } else {
      this.manifest ??= readManifest(this.rootDir, (p) => this.opts.readFile?.(p));
      dir = this.manifest.get([...caller.callPath, call.name].join("."));
      if (dir === undefined) return fail(`${source} is not on disk (run terraform init, so .terraform/modules holds it)`);
    }
    if (caller.dirs.includes(dir)) return fail(`it calls itself (${dir || "."})`);
    const def = this.defs.get(dir) ?? this.load(dir);
    if (!def || def.files.length === 0) return fail(`${source} has no .tf or .tf.json files among the scanned files`);
    return def;
  }

  /** A module directory the walk did not offer (a single-file scan): read through the options. */
  private load(dir: string): ModuleDef | undefined {
    const names = this.opts.listDir?.(dir);
    if (!names) return undefined;
    const files: HclFile[] = [];
    for (const n of names.filter(isConfigFile).sort()) {
      const path = joinPath(dir, n);
      const text = this.opts.readFile?.(path);
      if (text === undefined) continue;
      try {
        files.push(parseConfigFile(text, path));
        this.texts.set(path, text);
      } catch (e) {
        if (!(e instanceof HclSyntaxError)) throw e;
        this.sink.warn(path, e.line, syntaxWarning(path, e));
      }
    }
    const def = { dir, files };
    this.defs.set(dir, def);
    return def;
  }

  run(def: ModuleDef): Collected[] {
    const root = new ModuleInstance(this, def, "", [], undefined, [def.dir], []);
    const out: Collected[] = [];
    root.collect(out);
    if (this.budget.exhausted) {
      this.sink.warn(def.files[0]?.path ?? "", undefined, `evaluating the module in ${def.dir || "."} took more than the work limit; values computed after it are unknown`);
    }
    return out;
  }
}

