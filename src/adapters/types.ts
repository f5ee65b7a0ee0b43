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
}
