// Terraform (HCL native syntax) values as mappers read them. The syntax is parsed by
// src/adapters/tf/parse.ts and evaluated by src/adapters/tf/eval.ts as far as values are certain:
// literals, variables, locals, operators, functions, count/for_each, modules. Everything else stays
// unknown, with its reference text kept so companion resources can be joined (`aws_s3_bucket.logs.id`).
import type { SourceRange } from "../checks/types.js";
import { InputError } from "../core/errors.js";
import type { IacNode } from "../models/value.js";
import { evalBlock } from "./tf/blocks.js";
import { Budget } from "./tf/limits.js";
import { ModuleInstance, type ProjectHost } from "./tf/module.js";
import { HclSyntaxError } from "./tf/parse-cursor.js";
import { parseHclFile } from "./tf/parse.js";
import type { HclFile } from "./tf/syntax.js";

export type TfNode = IacNode;

export interface TfBlock {
  type: string;
  labels: string[];
  range: SourceRange;
  attrs: Map<string, TfNode>;
  blocks: TfBlock[];
  /**
   * Set on the one block that stands for what a `dynamic` block generates when its for_each is
   * unknown: there may be none or several, and values from the iterator are unknown.
   */
  standIn?: true;
}

/** Parses one file; a syntax error is an InputError naming the file and line. */
export function parseTfFile(text: string, path: string): HclFile {
  try {
    return parseHclFile(text, path);
  } catch (e) {
    if (e instanceof HclSyntaxError) throw new InputError(`${path}:${e.line}: ${e.tooLarge ? "too large to evaluate" : "not valid Terraform (HCL) syntax"}: ${e.detail}`);
    throw e;
  }
}

/**
 * One file's top-level blocks, evaluated as a module of its own (no tfvars, no module calls,
 * count and for_each not expanded). The scan reads whole directories (tf/project.ts).
 */
export function parseHcl(text: string, path: string): TfBlock[] {
  const file = parseTfFile(text, path);
  const host: ProjectHost = {
    budget: new Budget(),
    stack: [],
    explain: undefined,
    rootDir: "",
    cycle: () => undefined,
    tooDeep: () => undefined,
    warn: () => undefined,
    moduleFor: () => undefined,
    readText: () => undefined,
    rootValue: () => undefined,
  };
  const mod = new ModuleInstance(host, { dir: "", files: [file] }, "", [], undefined, [""], []);
  return file.blocks.map((b) => evalBlock(b, mod.cx(path), undefined));
}
