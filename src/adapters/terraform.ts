// Terraform adapter: a directory's .tf and .tf.json files are one module (tf/project.ts evaluates them with
// their variables and the modules they call) and its resources are handed to the mappers
// (src/adapters/tf) that build typed models. `parse` reads a lone file as a module of its own.
import { isConfigFile } from "./tf/config-file.js";
import { parseTerraformProject } from "./tf/project.js";
import type { Adapter, ParsedFile, ProjectFile, ProjectOptions } from "./types.js";

function wants(path: string): boolean {
  return isConfigFile(path);
}

/** A lone file as a module of its own; a syntax error is the user's input error. */
function parse(text: string, path: string): ParsedFile {
  return parseTerraformProject([{ path, text }], { strict: true })[0] as ParsedFile;
}

function parseProject(files: readonly ProjectFile[], opts: ProjectOptions): ParsedFile[] {
  return parseTerraformProject(files, opts);
}

export const terraformAdapter: Adapter = { format: "terraform", wants, parse, parseProject };
