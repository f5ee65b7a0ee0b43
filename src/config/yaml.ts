// Reading the small YAML files a user writes to steer Mamori (mamori.yaml, .mamoriignore): bounded
// in size and aliases, and every error names the file and the line, because a config mistake
// should be fixable without guessing.
import { readFileSync, statSync } from "node:fs";
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node, type Pair } from "yaml";
import { describeFsError, InputError } from "../core/errors.js";

export const MAX_SETTINGS_FILE_BYTES = 1024 * 1024;
/** Settings files have no use for many aliases; this bounds "billion laughs" expansion. */
export const MAX_ALIAS_COUNT = 100;

export interface SettingsDocument {
  doc: Document.Parsed;
  label: string;
  /** The 1-based line of a node (or of the start of the file when the node has no range). */
  lineOf(node: Node | null | undefined): number;
}

/** Reads a settings file as text, refusing anything above MAX_SETTINGS_FILE_BYTES. */
export function readSettingsFile(path: string): string {
  try {
    const size = statSync(path).size;
    if (size > MAX_SETTINGS_FILE_BYTES) throw new InputError(`${path}: larger than 1 MB, not a settings file`);
    return readFileSync(path, "utf8");
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(describeFsError(path, e), { cause: e });
  }
}

export function parseSettingsYaml(text: string, label: string): SettingsDocument {
  if (Buffer.byteLength(text, "utf8") > MAX_SETTINGS_FILE_BYTES) {
    throw new InputError(`${label}: larger than 1 MB, not a settings file`);
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number): number => counter.linePos(offset).line;
  const first = doc.errors[0];
  if (first) {
    throw new InputError(`${label}:${lineAt(first.pos[0])}: ${first.message.split("\n")[0] ?? "invalid YAML"}`);
  }
  return { doc, label, lineOf: (node) => (node?.range ? lineAt(node.range[0]) : 1) };
}

/** The document as plain data, with alias expansion bounded. */
export function settingsToJS(s: SettingsDocument): unknown {
  try {
    return s.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // The yaml package throws a ReferenceError when the alias bound is hit.
    throw new InputError(`${s.label}: too many YAML aliases (more than ${MAX_ALIAS_COUNT} expansions)`, { cause: e });
  }
}

/** The pair of a mapping whose key is the given plain scalar. */
export function pairOf(map: unknown, key: string): Pair<unknown, unknown> | undefined {
  if (!isMap(map)) return undefined;
  return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
}
