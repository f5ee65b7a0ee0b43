// Offers files to analyzers (STYLE.md §1) for the image and directory drivers alike: the cheap
// `wants` first, then `analyze`, timed per analyzer; an analyzer's error on one file becomes a
// warning and the walk goes on.
import type { AnalyzeContext, Analyzer, AnalyzerOutput } from "../../analyzers/types.js";
import type { ScanWarning } from "../../core/model.js";
import type { FileEntry } from "../types.js";
import type { WarningSink } from "./warnings.js";

export interface AnalyzerStats {
  /** Files analyzed in this run (none for a layer replayed from the cache). */
  files: number;
  ms: number;
  errors: number;
}

/** One analyzer's output for one file. */
export interface FileResult {
  layer: number;
  seq: number;
  path: string;
  analyzer: string;
  output: AnalyzerOutput;
}

export type Warn = (warning: ScanWarning, kind: string) => void;

/** Offers files to analyzers: cheap `wants` first, then `analyze` timed, errors kept as warnings. */
export class AnalyzerRunner {
  readonly stats: Record<string, AnalyzerStats> = {};

  constructor(
    private readonly analyzers: readonly Analyzer[],
    private readonly ctx: AnalyzeContext,
    private readonly warnings: WarningSink,
  ) {
    for (const a of analyzers) this.stats[a.name] = { files: 0, ms: 0, errors: 0 };
  }

  wanting(path: string, size: number, mode: number, warn: Warn = this.warn): Analyzer[] {
    return this.analyzers.filter((a) => {
      try {
        return a.wants(path, size, mode);
      } catch (e) {
        this.failed(a, path, e, warn);
        return false;
      }
    });
  }

  /** Runs the wanting analyzers on one file, in order; `emit` gets each non-empty output. */
  async run(analyzers: readonly Analyzer[], file: FileEntry, emit: (analyzer: string, output: AnalyzerOutput) => void, warn: Warn = this.warn): Promise<void> {
    for (const a of analyzers) {
      const stats = this.stats[a.name] as AnalyzerStats;
      const started = performance.now();
      let output: AnalyzerOutput | undefined;
      try {
        output = await a.analyze(file, this.ctx);
      } catch (e) {
        this.failed(a, file.path, e, warn);
      } finally {
        stats.files++;
        stats.ms += performance.now() - started;
      }
      if (output && (output.packages?.length || output.findings?.length || output.os || output.ownedFiles?.length || output.licenses?.length || output.warnings?.length)) emit(a.name, output);
    }
  }

  private readonly warn: Warn = (w, kind) => this.warnings.add(w, kind);

  private failed(a: Analyzer, path: string, e: unknown, warn: Warn): void {
    (this.stats[a.name] as AnalyzerStats).errors++;
    const message = e instanceof Error ? e.message : String(e);
    warn({ path, message: `${a.name}: ${path}: ${message}` }, `${a.name} failed on a file`);
  }
}
