// Helpers for the Terraform adapter tests: a value tree as plain data, and a project from a map of files.
import type { IacNode } from "../../src/models/value.js";
import { parseHcl } from "../../src/adapters/terraform-hcl.js";
import { parseTerraformProject } from "../../src/adapters/tf/project.js";
import type { ParsedFile, ProjectOptions } from "../../src/adapters/types.js";

/** Known values as JSON-like data; an unknown as `?` (with its reference: `?aws_s3_bucket.x.id`). */
export function plain(n: IacNode | undefined): unknown {
  if (!n) return undefined;
  if (n.t === "prim") return n.value;
  if (n.t === "list") return n.items.map(plain);
  if (n.t === "object") return Object.fromEntries([...n.entries].map(([k, v]) => [k, plain(v)]));
  if (n.encoded) return { jsonencode: plain(n.encoded) };
  return n.ref !== undefined ? `?${n.ref}` : "?";
}

/** The value of `locals { x = <expr> }` evaluated in a file with `prelude` before it. */
export function evalLocal(expr: string, prelude = ""): IacNode | undefined {
  const blocks = parseHcl(`${prelude}\nlocals {\n  x = ${expr}\n}\n`, "main.tf");
  return blocks.find((b) => b.type === "locals" && b.attrs.has("x"))?.attrs.get("x");
}

/** Parses a project given as `{ path: text }`; other files (tfvars, modules.json) through `extra`. */
export function project(files: Record<string, string>, opts: ProjectOptions = {}, extra: Record<string, string> = {}): Map<string, ParsedFile> {
  const all = { ...files, ...extra };
  const list = Object.entries(files).map(([path, text]) => ({ path, text }));
  const options: ProjectOptions = {
    readFile: (p) => all[p],
    listDir: (dir) => {
      const names = Object.keys(all)
        .filter((p) => (dir === "" ? !p.includes("/") : p.startsWith(`${dir}/`) && !p.slice(dir.length + 1).includes("/")))
        .map((p) => p.slice(dir === "" ? 0 : dir.length + 1));
      return names.length ? names.sort() : undefined;
    },
    ...opts,
  };
  const parsed = parseTerraformProject(list, options);
  return new Map(list.map((f, i) => [f.path, parsed[i] as ParsedFile]));
}
