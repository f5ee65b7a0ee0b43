// go.mod: the modules a Go module requires (direct and `// indirect`), with versions as Go writes
// them ("v1.2.3", "v0.0.0-2023...-abcdef", "+incompatible"). Hand-written: golang.org/x/mod/modfile
// has no JavaScript port, and the grammar is a few line-oriented directives.
//
// replace directives decide what is built, so they decide what is reported: a module replaced by
// another module at a version is reported as that module and version (what the binary's build info
// also records); a module replaced by a local directory is left out, since the code there is the
// user's own copy with no registry version to match. The `go` and `toolchain` lines are not the
// standard library actually compiled in (only a binary says that), so no "stdlib" package is made.
import type { AnalyzerOutput } from "../../analyzers/types.js";
import { InputError } from "../../core/errors.js";
import { baseName, detector, MAX_MANIFEST_BYTES, PackageList, quote } from "./common.js";

interface Replacement {
  oldVersion?: string;
  newPath: string;
  /** Absent for a local directory. */
  newVersion?: string;
}

export const goModDetector = detector({
  name: "go-mod",
  wants: (path) => baseName(path) === "go.mod",
  maxBytes: MAX_MANIFEST_BYTES,
  parse: parseGoMod,
});

export function parseGoMod(text: string, path: string): AnalyzerOutput {
  const list = new PackageList("Go", path);
  const requires: { module: string; version: string }[] = [];
  const replaces = new Map<string, Replacement[]>();
  let sawModule = false;
  let block: string | undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const tokens = tokenize(lines[i] ?? "");
    if (tokens.length === 0) continue;
    let verb: string;
    let args: string[];
    if (block !== undefined) {
      if (tokens[0] === ")") {
        block = undefined;
        continue;
      }
      verb = block;
      args = tokens;
    } else {
      verb = tokens[0] ?? "";
      args = tokens.slice(1);
      if (args[0] === "(") {
        // `require (` opens a block; `require ()` is an empty one.
        if (args[1] !== ")") block = verb;
        continue;
      }
    }
    const where = `line ${i + 1}`;
    if (verb === "module") sawModule = true;
    else if (verb === "require") {
      const [module, version] = args;
      if (args.length !== 2 || module === undefined || version === undefined) list.warn(`${where}: malformed require: ${quote(args.join(" "))}`);
      else requires.push({ module, version });
    } else if (verb === "replace") {
      const r = parseReplace(args);
      if (!r) list.warn(`${where}: malformed replace: ${quote(args.join(" "))}`);
      else replaces.set(r.oldPath, [...(replaces.get(r.oldPath) ?? []), r.replacement]);
    }
  }
  if (block !== undefined) throw new InputError(`${path}: unterminated "${block} (" block`);
  if (!sawModule && requires.length === 0) throw new InputError(`${path}: not a go.mod file (no module or require directive)`);
  for (const { module, version } of requires) {
    const candidates = replaces.get(module) ?? [];
    // A replace naming the old version wins over one for every version.
    const r = candidates.find((c) => c.oldVersion === version) ?? candidates.find((c) => c.oldVersion === undefined);
    if (!r) list.add(module, version);
    else if (r.newVersion !== undefined) list.add(r.newPath, r.newVersion);
  }
  return list.output();
}

/** `old [v] => new [v]`. */
function parseReplace(args: string[]): { oldPath: string; replacement: Replacement } | undefined {
  const arrow = args.indexOf("=>");
  const left = args.slice(0, arrow);
  const right = args.slice(arrow + 1);
  if (arrow < 1 || left.length > 2 || right.length < 1 || right.length > 2) return undefined;
  const [oldPath, oldVersion] = left;
  const [newPath, newVersion] = right;
  if (oldPath === undefined || newPath === undefined) return undefined;
  const replacement: Replacement = { newPath };
  if (oldVersion !== undefined) replacement.oldVersion = oldVersion;
  if (newVersion !== undefined) replacement.newVersion = newVersion;
  return { oldPath, replacement };
}

/** Words of a line with its `//` comment dropped; quoted module paths ("..." or `...`) unquoted. */
function tokenize(line: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === " " || c === "\t") {
      i++;
    } else if (c === "/" && line[i + 1] === "/") {
      break;
    } else if (c === '"' || c === "`") {
      const close = line.indexOf(c, i + 1);
      const end = close < 0 ? line.length : close;
      tokens.push(line.slice(i + 1, end));
      i = end + 1;
    } else if (c === "(" || c === ")") {
      tokens.push(c);
      i++;
    } else {
      let j = i;
      while (j < line.length && !" \t()".includes(line[j] ?? " ") && !(line[j] === "/" && line[j + 1] === "/")) j++;
      tokens.push(line.slice(i, j));
      i = j;
    }
  }
  return tokens;
}
