// What every language package detector shares: bounded reads, the one maintained parser per format
// (JSON, YAML, TOML) with errors that name the file, and a package list that deduplicates, checks
// names and bounds its size. Scanned files are hostile: an error here is an InputError naming the
// file, which the driver turns into a warning.
import { parse as parseToml, TomlError } from "smol-toml";
import { parse as parseYaml } from "yaml";
import { InputError } from "../../core/errors.js";
import type { Analyzer, AnalyzerOutput } from "../../analyzers/types.js";
import type { FileEntry } from "../../artifacts/types.js";
import { pep503, purlFor } from "../purl.js";
import { parseJsonDocument } from "../sbom/parse-json.js";
import type { Package } from "../types.js";

export { asArray, asObject, asString } from "../sbom/parse-json.js";

/** Lock files of the largest monorepos stay well under this. */
export const MAX_LOCKFILE_BYTES = 64 * 1024 * 1024;
/** One installed package's manifest (package.json, METADATA, gemspec). */
export const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;
/** Past this many distinct packages in one file the list is cut with a warning: memory stays bounded. */
export const MAX_PACKAGES_PER_FILE = 250_000;

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;

export function isDirectory(mode: number): boolean {
  return (mode & S_IFMT) === S_IFDIR;
}

/** Dependencies' own lock files describe how their authors developed them, not what is installed. */
export function insideNodeModules(path: string): boolean {
  return path.startsWith("node_modules/") || path.includes("/node_modules/");
}

export async function readText(file: FileEntry, maxBytes: number): Promise<string> {
  const bytes = await file.read(maxBytes);
  // The source should have refused already; a file that grew between stat and read must not slip through.
  if (bytes.length > maxBytes) throw new InputError(`${file.path}: larger than the ${maxBytes} byte limit for this file type`);
  const text = bytes.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function parseJson(text: string, path: string): unknown {
  return parseJsonDocument(text, path);
}

export function parseYamlDocument(text: string, path: string): unknown {
  try {
    // Lock files use no aliases: a handful is plenty, and the bound stops alias bombs. Every scalar
    // stays a string (failsafe schema): a version written `1.10` must not become the number 1.1.
    return parseYaml(text, { schema: "failsafe", maxAliasCount: 100, uniqueKeys: false }) as unknown;
  } catch (e) {
    throw new InputError(`${path}: not valid YAML: ${firstLine(e)}`, { cause: e });
  }
}

export function parseTomlDocument(text: string, path: string): Record<string, unknown> {
  try {
    return parseToml(text, { maxDepth: 64, unsafeKeyBehaviour: "drop" }) as Record<string, unknown>;
  } catch (e) {
    const where = e instanceof TomlError ? ` at line ${e.line}, column ${e.column}` : "";
    throw new InputError(`${path}: not valid TOML${where}: ${firstLine(e)}`, { cause: e });
  }
}

/** Parser messages quote the input: keep one short line. */
export function firstLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  // eslint-disable-next-line no-control-regex
  const line = (message.split("\n")[0] ?? "").replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  return line.length > 200 ? `${line.slice(0, 200)}...` : line;
}

/** Text quoted from a scanned file in a message. */
export function quote(s: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = s.replace(/[\u0000-\u001f\u007f]+/g, " ");
  return JSON.stringify(flat.length > 60 ? `${flat.slice(0, 60)}...` : flat);
}

// No ecosystem allows whitespace or control characters in a package name or version.
// eslint-disable-next-line no-control-regex
const BAD_CHARS = /[\s\u0000-\u001f\u007f]/;
const MAX_NAME = 512;
const MAX_VERSION = 256;

/** The packages of one file, once each by name and version, in the order first seen. */
export class PackageList {
  readonly packages: Package[] = [];
  private readonly seen = new Map<string, Package>();
  private invalid = 0;
  private truncated = false;
  readonly warnings: string[] = [];

  constructor(
    readonly ecosystem: string,
    readonly path: string,
    private readonly maxPackages = MAX_PACKAGES_PER_FILE,
  ) {}

  get size(): number {
    return this.packages.length;
  }

  add(name: string, version: string, license?: string): void {
    if (!validPart(name, MAX_NAME) || !validPart(version, MAX_VERSION)) {
      this.invalid++;
      return;
    }
    const key = `${name}\u0000${version}`;
    if (this.seen.has(key)) return;
    if (this.packages.length >= this.maxPackages) {
      this.truncated = true;
      return;
    }
    const pkg: Package = { name, version, ecosystem: this.ecosystem, purl: purlFor({ name, version, ecosystem: this.ecosystem }), path: this.path };
    this.seen.set(key, pkg);
    const lic = license?.trim();
    if (lic) pkg.license = lic;
    this.packages.push(pkg);
  }

  /** Records the direct dependencies of a package added before (both by name and version). */
  dependsOn(name: string, version: string, deps: readonly { name: string; version: string }[]): void {
    const pkg = this.seen.get(`${name}\u0000${version}`);
    if (pkg === undefined || deps.length === 0) return;
    const purls = new Set(pkg.dependsOn ?? []);
    for (const d of deps) if (validPart(d.name, MAX_NAME) && validPart(d.version, MAX_VERSION)) purls.add(purlFor({ name: d.name, version: d.version, ecosystem: this.ecosystem }));
    pkg.dependsOn = [...purls];
  }

  warn(message: string): void {
    this.warnings.push(`${this.path}: ${message}`);
  }

  output(): AnalyzerOutput {
    const warnings = [...this.warnings];
    if (this.invalid > 0) warnings.push(`${this.path}: ${this.invalid} entries skipped: empty, overlong or malformed package name or version`);
    if (this.truncated) warnings.push(`${this.path}: more than ${this.maxPackages} packages; the rest were not read`);
    const out: AnalyzerOutput = { packages: this.packages };
    if (warnings.length > 0) out.warnings = warnings;
    return out;
  }
}

function validPart(s: string, max: number): boolean {
  return s.length > 0 && s.length <= max && !BAD_CHARS.test(s);
}

export interface DetectorSpec {
  name: string;
  /** Bump when the output for the same file changes. */
  version?: number;
  /** By path alone; `mode` only where a name can be a file or a directory. */
  wants(path: string, mode: number): boolean;
  maxBytes: number;
  parse(text: string, path: string): AnalyzerOutput;
}

/** Every language detector is a file-name test and a pure parser of the file's text. */
export function detector(spec: DetectorSpec): Analyzer & { parse: DetectorSpec["parse"] } {
  return {
    name: spec.name,
    version: spec.version ?? 1,
    kind: "packages",
    wants: (path, _size, mode) => spec.wants(path, mode),
    parse: spec.parse,
    async analyze(file) {
      const text = await readText(file, spec.maxBytes);
      return spec.parse(text, file.path);
    },
  };
}

/** `x` when it is a JSON object at the top of a document, else an error naming the file and what was expected. */
export function requireObject(v: unknown, path: string, what: string): Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new InputError(`${path}: not ${what} (expected an object at the top level)`);
  return v as Record<string, unknown>;
}

/**
 * Dependency edges of a lock file that names each dependency without a version (poetry, uv,
 * composer, Bundler): a lock file holds one version of each package, so the name resolves to it.
 * Names not locked in the file (an extra not selected, a platform requirement such as "php") give
 * no edge. `key` folds names the way the ecosystem compares them.
 */
export function addNamedEdges(
  list: PackageList,
  edges: readonly { name: string; version: string; deps: readonly string[] }[],
  key: (name: string) => string = (n) => n,
): void {
  const byName = new Map(list.packages.map((p) => [key(p.name), p]));
  for (const e of edges) {
    const deps = e.deps.flatMap((d) => {
      const p = byName.get(key(d));
      return p ? [{ name: p.name, version: p.version }] : [];
    });
    list.dependsOn(e.name, e.version, deps);
  }
}

/** Python's dependency edges: names compare in their PEP 503 form. */
export function addPythonEdges(list: PackageList, edges: readonly { name: string; version: string; deps: readonly string[] }[]): void {
  addNamedEdges(list, edges, pep503);
}
