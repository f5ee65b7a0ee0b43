// mamori.yaml: project settings, validated against configJsonSchema. Every error names the file,
// the line and the key, because a wrong key that is silently ignored is a setting that silently
// does not apply.
import { statSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ErrorObject } from "ajv";
import { isAlias, isMap, isScalar, isSeq, type Node } from "yaml";
import { describeFsError, InputError } from "../core/errors.js";
import { parseSeverityList } from "../core/gate.js";
import type { Severity } from "../core/model.js";
import { configJsonSchema, type OutputFormat } from "./schema.js";
import { parseSize, SIZE_HINT } from "./size.js";
import { pairOf, parseSettingsYaml, readSettingsFile, settingsToJS, type SettingsDocument } from "./yaml.js";

/** mamori.yaml, normalized. Paths are as written: the caller resolves them. */
export interface MamoriConfig {
  severity?: Severity[];
  failOn?: Severity;
  format?: OutputFormat;
  output?: string;
  ignoreFile?: string;
  store?: string;
  exclude?: string[];
  checks?: { skip?: string[] };
  license?: { deny?: string[]; allow?: string[] };
  scanners?: ("vuln" | "secret" | "malware" | "config" | "license")[];
  limits?: { maxFileSize?: number; maxFiles?: number };
  /** Custom policy directories or files for IaC scans (like --policy), relative to the working directory. */
  policies?: string[];
}

export const CONFIG_FILE_NAMES = ["mamori.yaml", "mamori.yml"] as const;

/** What a failed `pattern` means, per setting, in words. */
const PATTERN_HINTS: Record<string, string> = {
  "/limits/maxFileSize": SIZE_HINT,
};

const TYPE_WORDS: Record<string, string> = {
  object: "a mapping",
  array: "a list",
  string: "a string",
  integer: "a whole number",
  number: "a number",
  boolean: "true or false",
  null: "empty",
};

let validator: ReturnType<Ajv["compile"]> | undefined;
function validate(data: unknown): ErrorObject | undefined {
  validator ??= new Ajv({ allErrors: false, verbose: true, allowUnionTypes: true, strict: true }).compile(
    configJsonSchema,
  );
  return validator(data) ? undefined : (validator.errors?.[0] ?? undefined);
}

function segmentsOf(instancePath: string): string[] {
  return instancePath === "" ? [] : instancePath.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function displayKey(segments: readonly string[]): string {
  return segments.reduce((out, s) => (/^\d+$/.test(s) ? `${out}[${s}]` : out === "" ? s : `${out}.${s}`), "");
}

/** The YAML node at a JSON pointer's segments, or the deepest ancestor that exists. */
function nodeAt(src: SettingsDocument, segments: readonly string[]): Node | null {
  let node = src.doc.contents as Node | null;
  for (const seg of segments) {
    let next: unknown;
    if (isMap(node)) next = pairOf(node, seg)?.value;
    else if (isSeq(node)) next = node.items[Number(seg)];
    if (isAlias(next)) next = next.resolve(src.doc);
    if (!next || typeof next !== "object") break;
    node = next as Node;
  }
  return node;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

function suggestion(key: string, known: readonly string[]): string {
  if (key.length > 64) return "";
  const best = known.map((k) => ({ k, d: distance(key, k) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= 2 ? ` (did you mean "${best.k}"?)` : "";
}

function describe(src: SettingsDocument, e: ErrorObject): InputError {
  const segments = segmentsOf(e.instancePath);
  const key = displayKey(segments);
  const at = (node: Node | null | undefined): string => `${src.label}:${src.lineOf(node)}: `;
  const named = (text: string): InputError =>
    new InputError(`${at(nodeAt(src, segments))}${key === "" ? "" : `${key}: `}${text}`);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "additionalProperties": {
      const prop = String(params.additionalProperty);
      const keyNode = pairOf(nodeAt(src, segments), prop)?.key as Node | undefined;
      const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const where = key === "" ? "" : `${key}: `;
      return new InputError(`${at(keyNode)}${where}unknown key "${prop}"${suggestion(prop, known)}`);
    }
    case "enum":
      return named(`must be one of ${(params.allowedValues as unknown[]).join(", ")}`);
    case "type": {
      const types = String(params.type).split(",");
      const words = types.map((t) => TYPE_WORDS[t] ?? t).join(" or ");
      return key === "" ? named(`must be a mapping of settings`) : named(`must be ${words}`);
    }
    case "minimum":
      return named(`must be at least ${String(params.limit)}`);
    case "minLength":
      return named("must not be empty");
    case "pattern":
      return named(`must be ${PATTERN_HINTS[e.instancePath] ?? `text matching ${String(params.pattern)}`}`);
    default:
      return named(e.message ?? "is not valid");
  }
}

type RawConfig = Omit<MamoriConfig, "severity" | "limits"> & {
  severity?: string | Severity[];
  limits?: { maxFileSize?: number | string; maxFiles?: number };
};

export function parseConfig(text: string, fileLabel: string): MamoriConfig {
  const src = parseSettingsYaml(text, fileLabel);
  const top = src.doc.contents;
  if (top === null || (isScalar(top) && top.value === null)) return {};
  const data = settingsToJS(src);
  const error = validate(data);
  if (error) throw describe(src, error);
  const raw = data as RawConfig;
  const lineOfKey = (...segments: string[]): number => src.lineOf(nodeAt(src, segments));

  const config: MamoriConfig = { ...raw } as MamoriConfig;
  if (typeof raw.severity === "string") {
    config.severity = parseSeverityList(raw.severity, `${fileLabel}:${lineOfKey("severity")}: severity`);
  } else if (raw.severity) {
    config.severity = [...new Set(raw.severity)];
  }
  if (raw.limits?.maxFileSize !== undefined) {
    const where = `${fileLabel}:${lineOfKey("limits", "maxFileSize")}: limits.maxFileSize`;
    config.limits = { ...raw.limits, maxFileSize: parseSize(raw.limits.maxFileSize, where) };
  }
  return config;
}

/**
 * The config file in `startDir` itself (mamori.yaml before mamori.yml), or undefined. There is no
 * search upwards: a scan of a checkout picks up the settings its own root holds, never a parent's.
 */
export function findConfig(startDir: string): string | undefined {
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = join(startDir, name);
    try {
      if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
    } catch (e) {
      throw new InputError(describeFsError(candidate, e), { cause: e });
    }
  }
  return undefined;
}

export function loadConfig(path: string): MamoriConfig {
  return parseConfig(readSettingsFile(path), path);
}
