// Rust executables built with cargo-auditable carry their dependency tree: zlib-compressed JSON
// ({"packages": [{"name", "version", "source", "kind"?, "dependencies"?, "root"?}]}) in the
// section ".dep-v0" (ELF, PE) or "__DATA,.dep-v0" (Mach-O).
//
// Reported: crates whose source is "crates.io", the only source OSV's crates.io advisories speak
// for ("registry" is some other registry, whose crate of the same name may be another crate;
// "git" and "local" have no release to match). Build-only dependencies (kind "build": build
// scripts, proc-macros) are left out: their code runs at build time and is not in the executable.
// The root package is reported like any other, so a tool installed from crates.io with
// `cargo install` is found, and a workspace's own local crate is not.
import { inflateSync } from "node:zlib";
import type { Analyzer } from "../../analyzers/types.js";
import type { FileEntry } from "../../artifacts/types.js";
import { InputError } from "../../core/errors.js";
import { purlFor } from "../purl.js";
import type { Package } from "../types.js";
import { parseExecutable, sectionBytes, type ExecutableFormat } from "./executable.js";
import { packageIn } from "./located.js";
import { MAX_EXECUTABLE_BYTES, wantsExecutable } from "./wants.js";

const SECTION: Record<ExecutableFormat, string> = { elf: ".dep-v0", pe: ".dep-v0", macho: "__DATA,.dep-v0" };
/** The JSON of a program with a thousand crates is well under 1 MB; more is a zlib bomb. */
const MAX_JSON_BYTES = 16 * 1024 * 1024;
const MAX_PACKAGES = 100_000;
/** crates.io names (ASCII letters, digits, "-" and "_", at most 64) and SemVer versions; anything else is damage. */
const CRATE_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const CRATE_VERSION = /^\d+\.\d+\.\d+([-+][0-9A-Za-z.+-]*)?$/;

interface AuditablePackage {
  name: string;
  version: string;
  source: string;
  kind?: string;
  /** Indexes into the section's package list, as the format writes dependencies. */
  dependencies: number[];
}

export function cargoAuditablePackages(file: FileEntry, buf: Buffer): Package[] | undefined {
  const exe = parseExecutable(buf, file.path);
  if (exe === undefined) return undefined;
  const compressed = sectionBytes(buf, exe, SECTION[exe.format], file.path);
  if (compressed === undefined) return undefined;
  const packages: Package[] = [];
  const seen = new Set<string>();
  const all = readAuditData(compressed, file.path);
  const kept = (p: AuditablePackage | undefined): p is AuditablePackage => p !== undefined && p.source === "crates.io" && p.kind !== "build";
  for (const p of all) {
    if (p === undefined) continue;
    const key = `${p.name}@${p.version}`;
    if (!kept(p) || seen.has(key)) continue;
    seen.add(key);
    const pkg = packageIn(file, { name: p.name, version: p.version, ecosystem: "crates.io" });
    // The SBOM's edges: dependencies that are themselves reported packages.
    const deps = p.dependencies.map((i) => all[i]).filter(kept);
    if (deps.length > 0) pkg.dependsOn = deps.map((d) => purlFor({ name: d.name, version: d.version, ecosystem: "crates.io" }));
    packages.push(pkg);
  }
  return packages;
}

function readAuditData(compressed: Buffer, label: string): (AuditablePackage | undefined)[] {
  let json: string;
  try {
    json = inflateSync(compressed, { maxOutputLength: MAX_JSON_BYTES }).toString("utf8");
  } catch (e) {
    const bomb = (e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError;
    const why = bomb ? `inflates to more than ${MAX_JSON_BYTES} bytes` : `is not zlib data (${(e as Error).message})`;
    throw new InputError(`${label}: cargo-auditable section ${why}`, { cause: e });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (e) {
    throw new InputError(`${label}: cargo-auditable section is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
  const list = (doc as { packages?: unknown } | null)?.packages;
  if (!Array.isArray(list)) throw new InputError(`${label}: cargo-auditable data has no "packages" array`);
  // Entries keep their positions (undefined where damaged), since dependencies are indexes.
  const out: (AuditablePackage | undefined)[] = [];
  for (const p of list.slice(0, MAX_PACKAGES) as unknown[]) {
    const o = p as Partial<Record<keyof AuditablePackage, unknown>> | null;
    if (typeof o?.name !== "string" || typeof o.version !== "string" || typeof o.source !== "string" || !CRATE_NAME.test(o.name) || o.version.length > 256 || !CRATE_VERSION.test(o.version)) {
      out.push(undefined);
      continue;
    }
    const dependencies = Array.isArray(o.dependencies) ? o.dependencies.filter((i): i is number => Number.isSafeInteger(i) && (i as number) >= 0 && (i as number) < MAX_PACKAGES) : [];
    out.push({ name: o.name, version: o.version, source: o.source, ...(typeof o.kind === "string" ? { kind: o.kind } : {}), dependencies });
  }
  return out;
}

export const cargoAuditableAnalyzer: Analyzer = {
  name: "cargo-auditable",
  version: 1,
  kind: "packages",
  wants: (path, size, mode) => wantsExecutable(path, size, mode),
  async analyze(file) {
    const packages = cargoAuditablePackages(file, await file.read(MAX_EXECUTABLE_BYTES));
    return packages === undefined ? undefined : { packages };
  },
};
