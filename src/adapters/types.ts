// An adapter maps one file format onto normalized models (ARCHITECTURE.md §2).
import type { ExampleFormat, ResourceModel, SourceRange } from "../checks/types.js";

export interface ParsedFile {
  models: ResourceModel[];
  /**
   * Blocks an inline suppression comment placed right above them covers as a whole
   * (a Dockerfile stage, a Terraform resource, a Kubernetes document).
   */
  blocks: SourceRange[];
  /** Non-fatal problems in the file (an unknown instruction, ...), with their line. */
  warnings: { line?: number; message: string }[];
}

/** A file of a project read as a whole (Terraform reads all .tf files of a directory together). */
export interface ProjectFile {
  /** Relative to the scan root, "/"-separated. */
  path: string;
  text: string;
  /** How an error names the file (the path as the user gave it); defaults to `path`. */
  label?: string;
}

/** Input variables given on the command line (in the order given) and the environment (TF_VAR_name). */
export interface IacVariables {
  cli?: readonly ({ file: string; text: string } | { name: string; value: string })[];
  env?: Readonly<Record<string, string | undefined>>;
}

export interface ProjectOptions {
  /**
   * Reads a root-relative file the walk did not offer (.tfvars, a module's modules.json, file()),
   * bounded in size and confined to the scan root; undefined when absent or refused.
   */
  readFile?(path: string): string | undefined;
  /** The file names in a root-relative directory ("" is the root); undefined when absent or refused. */
  listDir?(dir: string): string[] | undefined;
  variables?: IacVariables;
  /** Receives `--debug` lines (which values are unknown, and why). */
  debug?(line: string): void;
  /** The files were named by the user: a syntax error is an InputError, not a warning. */
  strict?: boolean;
}

export interface Adapter {
  /** The example format this adapter parses (check examples are written in it). */
  format: ExampleFormat;
  /** Cheap decision by path alone ("/"-separated, relative to the scan root). */
  wants(path: string): boolean;
  /**
   * For paths several adapters want (`.yaml`, `.json`): whether the decoded text is this
   * adapter's format. Adapters without it take every file they want.
   */
  sniff?(text: string): boolean;
  /** Parses decoded text. Throws InputError naming path and line for input it cannot read. */
  parse(text: string, path: string): ParsedFile;
  /**
   * Parses the files of a whole project together (all files this adapter wants under the scan
   * root), one ParsedFile per file in the same order. Syntax errors are warnings of their file.
   * A model may name another file (ResourceModel.file) when it comes through a module call.
   */
  parseProject?(files: readonly ProjectFile[], opts: ProjectOptions): ParsedFile[];
}
