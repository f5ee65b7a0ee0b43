// Override files (`override.tf`, `*_override.tf` and their `.tf.json` forms): Terraform loads them
// after the module's other files, in lexical order, and merges each top-level block into the block
// with the same header (type and labels): an argument replaces the argument of that name, nested
// blocks of a type replace all the original's blocks of that type (`lifecycle` is merged argument
// by argument), and `locals` are overridden value by value. What an override file brings is still
// evaluated in that file, but its values are reported at the lines of the block it overrides (the
// argument it replaces, else the block's first line), since that is where the merged block is.
import type { SourceRange } from "../../checks/types.js";
import type { ModuleDef } from "./module.js";
import type { HclAttr, HclBlock, HclFile } from "./syntax.js";

/** A top-level block and the file it is declared in. */
export interface Declared {
  block: HclBlock;
  file: string;
}

export interface OverrideWarning {
  file: string;
  line: number;
  message: string;
}

/** Whether a configuration file is an override file (by its name). */
export function isOverrideFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1);
  return /^(?:.*_)?override\.tf(?:\.json)?$/i.test(name);
}

/** Block types the evaluator reads; others (terraform, provider, moved, ...) hold nothing Mamori evaluates. */
const MERGED = new Set(["resource", "data", "variable", "output", "module"]);
/** Meta-arguments Terraform refuses in an override block. */
const NOT_OVERRIDABLE: Readonly<Record<string, string>> = { resource: "depends_on", data: "depends_on", output: "depends_on" };

const headerOf = (b: HclBlock): string => [b.type, ...b.labels].join("\u0000");
const firstLine = (r: SourceRange): SourceRange => ({ startLine: r.startLine, endLine: r.startLine });
/** The type a nested block stands for: `dynamic "ingress"` stands for `ingress` blocks. */
const kindOf = (b: HclBlock): string => (b.type === "dynamic" ? (b.labels[0] ?? "") : b.type);

function moved<T extends HclAttr | HclBlock>(x: T, file: string, at: SourceRange): T {
  return { ...x, from: { file, at: x.from?.at ?? at } };
}

/** Arguments of `over` replace those of the same name in `base` (in place), the others are added. */
function mergeAttrs(base: readonly HclAttr[], over: readonly HclAttr[], file: string, anchor: SourceRange, skip: string | undefined, warn: (line: number, message: string) => void): HclAttr[] {
  const out = [...base];
  for (const a of over) {
    if (a.name === skip) {
      warn(a.r.startLine, `${a.name} may not be set in an override block; it is ignored`);
      continue;
    }
    const i = out.findIndex((x) => x.name === a.name);
    const old = out[i];
    if (old) out[i] = moved(a, file, old.from?.at ?? firstLine(old.r));
    else out.push(moved(a, file, anchor));
  }
  return out;
}

function mergeBlock(base: HclBlock, over: HclBlock, file: string, warn: (line: number, message: string) => void): HclBlock {
  const anchor = firstLine(base.r);
  const attrs = mergeAttrs(base.attrs, over.attrs, file, anchor, NOT_OVERRIDABLE[base.type], warn);
  const resourceLike = base.type === "resource" || base.type === "data";
  const replaced = new Set(over.blocks.map(kindOf));
  if (resourceLike) replaced.delete("lifecycle");
  const blocks = base.blocks.filter((b) => !replaced.has(kindOf(b)));
  for (const b of over.blocks) {
    const kind = kindOf(b);
    if (resourceLike && kind === "lifecycle") continue;
    const was = base.blocks.find((x) => kindOf(x) === kind);
    blocks.push(moved(b, file, was ? (was.from?.at ?? firstLine(was.r)) : anchor));
  }
  if (resourceLike) {
    for (const life of over.blocks.filter((b) => b.type === "lifecycle")) {
      const i = blocks.findIndex((b) => b.type === "lifecycle");
      const old = blocks[i];
      if (old) blocks[i] = { ...old, attrs: mergeAttrs(old.attrs, life.attrs, file, old.from?.at ?? firstLine(old.r), undefined, warn), blocks: [...old.blocks, ...life.blocks.map((b) => moved(b, file, firstLine(old.r)))] };
      else blocks.push(moved(life, file, anchor));
    }
  }
  return { ...base, attrs, blocks };
}

function describe(b: HclBlock): string {
  return [b.type, ...b.labels.map((l) => `"${l}"`)].join(" ");
}

/** The top-level blocks of a module with its override files merged in, and what could not be merged. */
function merge(files: readonly HclFile[]): { declared: Declared[]; warnings: OverrideWarning[] } {
  const declared: Declared[] = [];
  const warnings: OverrideWarning[] = [];
  const byHeader = new Map<string, number>();
  const locals = new Map<string, number>();
  const primary = files.filter((f) => !isOverrideFile(f.path));
  const overrides = files.filter((f) => isOverrideFile(f.path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const f of primary) {
    for (const b of f.blocks) {
      if (b.type === "locals") for (const a of b.attrs) locals.set(a.name, declared.length);
      else byHeader.set(headerOf(b), declared.length);
      declared.push({ block: b, file: f.path });
    }
  }
  for (const f of overrides) {
    const warn = (line: number, message: string): void => {
      warnings.push({ file: f.path, line, message });
    };
    for (const b of f.blocks) {
      if (b.type === "locals") {
        // Value by value: an overriding local is declared again, in the override file, after the original.
        for (const a of b.attrs) {
          if (!locals.has(a.name)) {
            warn(a.r.startLine, `local.${a.name} is not defined in the module's other files, so it cannot be overridden; it is ignored`);
            continue;
          }
          declared.push({ block: { ...b, attrs: [a], blocks: [] }, file: f.path });
        }
        continue;
      }
      if (!MERGED.has(b.type)) continue;
      const i = byHeader.get(headerOf(b));
      const base = i === undefined ? undefined : declared[i];
      if (i === undefined || !base) {
        warn(b.r.startLine, `${describe(b)} overrides a block that is not in the module's other files; it is ignored`);
        continue;
      }
      declared[i] = { block: mergeBlock(base.block, b, f.path, warn), file: base.file };
    }
  }
  return { declared, warnings };
}

const cache = new WeakMap<ModuleDef, { declared: Declared[]; warnings: OverrideWarning[] }>();

/** The module's top-level blocks as Terraform sees them once its override files are merged (computed once per module). */
export function moduleBlocks(def: ModuleDef): { declared: readonly Declared[]; warnings: readonly OverrideWarning[] } {
  let m = cache.get(def);
  if (!m) {
    m = merge(def.files);
    cache.set(def, m);
  }
  return m;
}
