// A Terraform project: every .tf and .tf.json file under the scan root, read per directory (a directory is a
// module, its override files merged into its other files: override.ts). Directories no other scanned directory calls are root modules; each root is evaluated
// with its variables and the modules it calls, and its resources (its own and its modules') are
// mapped onto models. Findings in a module point into the module's file, through the calls.
import type { ResourceModel } from "../../checks/types.js";
import { InputError } from "../../core/errors.js";
import type { ParsedFile, ProjectFile, ProjectOptions } from "../types.js";
import { mapTerraform } from "./index.js";
import { Budget } from "./limits.js";
import type { Collected, ModuleDef } from "./module.js";
import { moduleBlocks } from "./override.js";
import { HclSyntaxError } from "./parse-cursor.js";
import { parseConfigFile, syntaxProblem } from "./config-file.js";
import { RootEval, sourceOf, syntaxWarning, type Sink } from "./root.js";
import { dirOf, isDownloaded, isLocalSource, localDir } from "./sources.js";
import { cliLayers } from "./variables.js";

/** Top-level blocks in the files of one module directory (see MAX_BLOCKS_PER_FILE for one file). */
const MAX_BLOCKS_PER_MODULE = 50_000;

/** Directories called by a local module source from another directory. */
function calledDirs(defs: ReadonlyMap<string, ModuleDef>): Map<string, Set<string>> {
  const calls = new Map<string, Set<string>>();
  for (const def of defs.values()) {
    const out = new Set<string>();
    for (const { block: b } of moduleBlocks(def).declared) {
      const src = b.type === "module" ? sourceOf(b) : undefined;
      const dir = src !== undefined && isLocalSource(src) ? localDir(def.dir, src) : undefined;
      if (dir !== undefined && dir !== def.dir) out.add(dir);
    }
    calls.set(def.dir, out);
  }
  return calls;
}

/** Root modules: directories nobody calls, then any left unreached (modules that only call each other). */
export function rootDirs(defs: ReadonlyMap<string, ModuleDef>): string[] {
  const calls = calledDirs(defs);
  const called = new Set([...calls.values()].flatMap((s) => [...s]));
  const candidates = [...defs.keys()].filter((d) => !isDownloaded(d)).sort();
  const roots = candidates.filter((d) => !called.has(d));
  const reached = new Set<string>();
  const visit = (d: string): void => {
    if (reached.has(d)) return;
    reached.add(d);
    for (const c of calls.get(d) ?? []) visit(c);
  };
  roots.forEach(visit);
  for (const d of candidates) {
    if (reached.has(d)) continue;
    roots.push(d);
    visit(d);
  }
  return roots;
}

export function parseTerraformProject(files: readonly ProjectFile[], opts: ProjectOptions): ParsedFile[] {
  const out: ParsedFile[] = files.map(() => ({ models: [], blocks: [], warnings: [] }));
  const index = new Map(files.map((f, i) => [f.path, i]));
  const texts = new Map<string, string>();
  const defs = new Map<string, ModuleDef>();
  files.forEach((f, i) => {
    const parsed = out[i] as ParsedFile;
    try {
      const h = parseConfigFile(f.text, f.path);
      const dir = dirOf(f.path);
      const def = defs.get(dir);
      // One module of generated files could hold millions of resources: past the bound, files are left out.
      const held = def?.files.reduce((n, x) => n + x.blocks.length, 0) ?? 0;
      if (held + h.blocks.length > MAX_BLOCKS_PER_MODULE) {
        parsed.warnings.push({ line: 1, message: `too large to evaluate: the files of ${dir === "" ? "the root module" : dir} would hold more than ${MAX_BLOCKS_PER_MODULE.toLocaleString("en-US")} blocks; this file is not scanned` });
        return;
      }
      parsed.blocks = h.blocks.map((b) => b.r);
      texts.set(f.path, f.text);
      if (def) def.files.push(h);
      else defs.set(dir, { dir, files: [h] });
    } catch (e) {
      if (!(e instanceof HclSyntaxError)) throw e;
      if (opts.strict) throw new InputError(`${f.label ?? f.path}:${e.line}: ${syntaxProblem(f.path, e)}`);
      parsed.warnings.push({ line: e.line, message: syntaxWarning(f.path, e) });
    }
  });
  for (const def of defs.values()) def.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const seen = new Set<string>();
  let current = 0;
  // A module evaluated once per call would say the same thing once per call.
  const said = new Set<string>();
  const debug = opts.debug;
  const sink: Sink = {
    debug: debug
      ? (line) => {
          if (said.has(line)) return;
          said.add(line);
          debug(line);
        }
      : undefined,
    warn(file, line, message) {
      const key = `${file}\u0000${line ?? ""}\u0000${message}`;
      if (seen.has(key)) return;
      seen.add(key);
      const i = index.get(file);
      if (i !== undefined) (out[i] as ParsedFile).warnings.push(line !== undefined ? { line, message } : { message });
      else (out[current] as ParsedFile).warnings.push({ message: `${file}${line !== undefined ? `:${line}` : ""}: ${message}` });
    },
  };
  const layers = cliLayers(opts.variables, new Budget());
  for (const dir of rootDirs(defs)) {
    const def = defs.get(dir) as ModuleDef;
    const first = def.files[0];
    if (!first) continue;
    current = index.get(first.path) ?? 0;
    const collected = new RootEval(dir, defs, texts, opts, sink, layers).run(def);
    place(mapTerraform(collected.map((c) => c.resource)), collected, out, index, current);
  }
  for (const p of out) p.models.sort((x, y) => x.range.startLine - y.range.startLine);
  return out;
}

/** Puts each model into the file its resource is in, or (from a module) the file of the outermost call. */
function place(models: ResourceModel[], collected: readonly Collected[], out: ParsedFile[], index: ReadonlyMap<string, number>, fallback: number): void {
  const byAddress = new Map(collected.map((c) => [c.resource.address, c]));
  for (const m of models) {
    const c = m.address !== undefined ? byAddress.get(m.address) : undefined;
    const outer = c?.via[0];
    if (c && outer) {
      m.file = c.file;
      m.via = c.via.map((v) => ({ file: v.file, range: v.range }));
    }
    const i = (c ? index.get(outer ? outer.file : c.file) : undefined) ?? fallback;
    (out[i] as ParsedFile).models.push(m);
  }
}
