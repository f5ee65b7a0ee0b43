// Loading custom policies: every .yaml/.yml file under the named directories (or a named file),
// read, validated and compiled before any scan starts, so a broken policy stops the run with its
// file and line (exit 2) instead of silently never firing.
import { readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { adapterForFormat } from "../adapters/index.js";
import type { Check, ExampleFormat } from "../checks/types.js";
import { describeFsError, InputError } from "../core/errors.js";
import { readSettingsFile } from "../config/yaml.js";
import { policyCheck, type PolicyCheck } from "./check.js";
import { readPolicy } from "./read.js";

export const MAX_POLICY_FILES = 1000;
const MAX_DEPTH = 8;
const POLICY_FILE = /\.ya?ml$/i;

/** Policy files under `path` (a file or a directory), in a stable order, named as the user would. */
function policyFiles(path: string, cwd: string): string[] {
  const abs = resolve(cwd, path);
  let st;
  try {
    st = statSync(abs);
  } catch (e) {
    throw new InputError(describeFsError(path, e));
  }
  if (st.isFile()) return [path];
  if (!st.isDirectory()) throw new InputError(`${path}: not a file or directory`);
  const out: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      throw new InputError(describeFsError(join(path, relative(abs, dir)), e));
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.name.startsWith(".")) continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full, depth + 1);
      else if (e.isFile() && POLICY_FILE.test(e.name)) {
        out.push(join(path, relative(abs, full)));
        if (out.length > MAX_POLICY_FILES) throw new InputError(`${path}: more than ${MAX_POLICY_FILES} policy files`);
      }
    }
  };
  walk(abs, 0);
  return out;
}

export interface LoadOptions {
  cwd: string;
  /** The checks the policies join (built-ins): their ids are taken and their model types are the known ones. */
  builtin: readonly Check[];
}

/** Reads and compiles every policy under `paths`. Throws InputError naming file:line on the first problem. */
export function loadPolicies(paths: readonly string[], o: LoadOptions): PolicyCheck[] {
  const modelTypes = new Set(o.builtin.map((c) => c.appliesTo));
  const taken = new Map<string, string>(o.builtin.map((c) => [c.id, "a built-in check"]));
  const out: PolicyCheck[] = [];
  for (const path of paths) {
    const files = policyFiles(path, o.cwd);
    if (files.length === 0) throw new InputError(`${path}: no policy files (.yaml, .yml) in it`);
    for (const file of files) {
      const spec = readPolicy(readSettingsFile(resolve(o.cwd, file)), file);
      if (!modelTypes.has(spec.appliesTo)) {
        throw new InputError(`${file}:${spec.lineOf("appliesTo")}: appliesTo: unknown model type "${spec.appliesTo}"`, {
          hint: `model types: ${[...modelTypes].sort().join(", ")}`,
        });
      }
      for (const format of Object.keys(spec.examples)) {
        if (!adapterForFormat(format as ExampleFormat)) throw new InputError(`${file}:${spec.lineOf("examples")}: examples: ${format} is not a format Mamori reads`);
      }
      const clash = taken.get(spec.id);
      if (clash !== undefined) throw new InputError(`${file}:${spec.lineOf("id")}: id ${spec.id} is already used by ${clash}`);
      taken.set(spec.id, file);
      out.push(policyCheck(spec));
    }
  }
  return out;
}
