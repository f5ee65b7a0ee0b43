// Yarn 1's lock file format. Hand-written on purpose: it is yarn's own format, close to YAML but
// not YAML (`version "1.2.3"` has no colon, keys are comma-separated lists of specs), and the only
// library for it, @yarnpkg/lockfile, has not been published since 2018. Only what a package list
// needs is read: each entry's specs and its `version`.
import { InputError } from "../../core/errors.js";
import { quote } from "./common.js";

export interface YarnV1Entry {
  /** The specs the entry resolves, "name@range", unquoted. */
  specs: string[];
  version?: string;
  /** `dependencies` and `optionalDependencies`, as name and range. */
  dependencies: { name: string; range: string }[];
  /** 1-based line of the entry's key, for messages. */
  line: number;
}

export function parseYarnV1(text: string, path: string): YarnV1Entry[] {
  const entries: YarnV1Entry[] = [];
  let current: YarnV1Entry | undefined;
  let inDeps = false;
  let lineNo = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, "");
    start = end + 1;
    lineNo++;
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    if (line[0] !== " " && line[0] !== "\t") {
      if (!line.endsWith(":")) throw new InputError(`${path}:${lineNo}: not a yarn lock file entry: ${quote(line)}`);
      current = { specs: splitSpecs(line.slice(0, -1), path, lineNo), dependencies: [], line: lineNo };
      inDeps = false;
      entries.push(current);
      continue;
    }
    if (!current) throw new InputError(`${path}:${lineNo}: indented line before the first entry: ${quote(line)}`);
    // Fields of the entry are indented two spaces; deeper lines belong to its dependency maps.
    if (line.startsWith("  ") && line[2] !== " ") {
      const field = /^ {2}version:? +(.*)$/.exec(line);
      if (field) current.version = unquote(field[1] ?? "");
      inDeps = /^ {2}(dependencies|optionalDependencies):$/.test(line);
    } else if (inDeps && line.startsWith("    ") && line[4] !== " ") {
      // `    name "range"` or `    "@scope/name" "range"`
      const dep = /^ {4}("[^"]+"|[^\s"]+):? +(.*)$/.exec(line);
      if (dep) current.dependencies.push({ name: unquote(dep[1] ?? ""), range: unquote(dep[2] ?? "") });
    }
  }
  return entries;
}

/** `"@a/b@^1.0.0", "@a/b@^1.2.0"` or `lodash@^4.17.21, lodash@^4.0.0`. */
function splitSpecs(key: string, path: string, lineNo: number): string[] {
  const specs: string[] = [];
  let i = 0;
  while (i < key.length) {
    while (key[i] === " " || key[i] === ",") i++;
    if (i >= key.length) break;
    if (key[i] === '"') {
      const close = key.indexOf('"', i + 1);
      if (close < 0) throw new InputError(`${path}:${lineNo}: unterminated quote in entry key`);
      specs.push(key.slice(i + 1, close));
      i = close + 1;
    } else {
      let comma = key.indexOf(",", i);
      if (comma < 0) comma = key.length;
      specs.push(key.slice(i, comma).trim());
      i = comma + 1;
    }
  }
  if (specs.length === 0) throw new InputError(`${path}:${lineNo}: entry key names no package`);
  return specs;
}

function unquote(v: string): string {
  const t = v.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
}
