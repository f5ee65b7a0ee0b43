// What an IaC scan gives adapters that read a whole project (Terraform): the other files they may
// need (.tfvars, .terraform/modules/modules.json, modules of a single-file scan, file()), read
// synchronously, bounded and confined to the scan root; and findings attributed to the file of
// the model they came from (a resource inside a module points into the module's file).
import { readdirSync, realpathSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import picomatch from "picomatch";
import { decodeText, readFileBounded } from "../artifacts/textfile.js";
import type { ProjectOptions } from "../adapters/types.js";
import { toFindings, type RawResult } from "../checks/engine.js";
import type { Finding } from "../core/model.js";

function inside(root: string, p: string): boolean {
  return p === root || p.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** A regular file's bytes, when it is one and no larger than maxBytes. */
function readBounded(path: string, maxBytes: number): Buffer | undefined {
  try {
    return readFileBounded(path, maxBytes);
  } catch {
    return undefined;
  }
}

/** readFile and listDir for ProjectOptions, over the real scan root; excluded paths are refused. */
export function projectReader(realRoot: string, maxBytes: number, exclude: readonly string[]): Pick<ProjectOptions, "readFile" | "listDir"> {
  const excluded = exclude.length > 0 ? picomatch([...exclude], { dot: true }) : () => false;
  const confined = (rel: string): string | undefined => {
    if (rel.split("/").includes("..") || excluded(rel)) return undefined;
    try {
      const real = realpathSync(resolve(realRoot, rel));
      return inside(realRoot, real) && !excluded(relative(realRoot, real).split(sep).join("/")) ? real : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    readFile(rel) {
      const real = confined(rel);
      const bytes = real !== undefined ? readBounded(real, maxBytes) : undefined;
      if (!bytes) return undefined;
      try {
        return decodeText(bytes).text;
      } catch {
        return undefined;
      }
    },
    listDir(dir) {
      const real = confined(dir === "" ? "." : dir);
      if (real === undefined) return undefined;
      try {
        return readdirSync(real, { withFileTypes: true })
          .filter((e) => e.isFile() || e.isSymbolicLink())
          .map((e) => e.name)
          .sort();
      } catch {
        return undefined;
      }
    },
  };
}

export interface FileAttribution {
  displayPath: string;
  rootPath: string;
  lines: readonly string[];
  /** The path shown for another file of the scan (root-relative in). */
  displayOf(rel: string): string;
  linesOf(rel: string): readonly string[] | undefined;
}

/** Findings of one parsed file's results; a model that names another file gets that file's path and lines. */
export function findingsByFile(raw: readonly RawResult[], at: FileAttribution): Finding[] {
  const groups = new Map<string, RawResult[]>();
  for (const r of raw) {
    const file = r.model.file ?? at.rootPath;
    const list = groups.get(file);
    if (list) list.push(r);
    else groups.set(file, [r]);
  }
  const out: Finding[] = [];
  for (const [file, results] of groups) {
    // Appended one by one: a spread of a few hundred thousand findings overflows the stack.
    if (file === at.rootPath) for (const f of toFindings(results, { scope: "iac", displayPath: at.displayPath, rootPath: at.rootPath, lines: at.lines })) out.push(f);
    else {
      const lines = at.linesOf(file);
      // A module called from several root modules holds one finding per root: the calling file is
      // part of the fingerprint, as the address (`module.m.aws_s3_bucket.b`) repeats in each root.
      for (const f of toFindings(results, { scope: "iac", displayPath: at.displayOf(file), rootPath: `${file} via ${at.rootPath}`, ...(lines ? { lines } : {}) })) out.push(f);
    }
  }
  return out;
}
