// A configuration file of a module, in either of Terraform's syntaxes: native HCL (`.tf`) or
// JSON (`.tf.json`), both read onto the same syntax tree.
import { parseTfJson } from "./json-syntax.js";
import type { HclSyntaxError } from "./parse-cursor.js";
import { parseHclFile } from "./parse.js";
import type { HclFile } from "./syntax.js";

/** Whether a file name is a Terraform configuration file. */
export function isConfigFile(name: string): boolean {
  return /\.tf(\.json)?$/i.test(name);
}

function isJson(path: string): boolean {
  return /\.json$/i.test(path);
}

/** Parses one configuration file by its name; throws HclSyntaxError. */
export function parseConfigFile(text: string, path: string): HclFile {
  return isJson(path) ? parseTfJson(text, path) : parseHclFile(text, path);
}

/** What a syntax error says about the file. */
export function syntaxProblem(path: string, e: HclSyntaxError): string {
  if (e.tooLarge) return `too large to evaluate: ${e.detail}`;
  return `not valid Terraform ${isJson(path) ? "JSON" : "(HCL)"} syntax: ${e.detail}`;
}
