// Offers files to analyzers (STYLE.md §1) for the image and directory drivers alike: the cheap
// `wants` first, then `analyze` (or, for a file too large to hold, a streamed analysis), timed
// per analyzer; an analyzer's error on one file becomes a warning and the walk goes on.
import type { AnalyzeContext, Analyzer, AnalyzerOutput, StreamAnalysis } from "../../analyzers/types.js";
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

/** How each analyzer that wants a file gets it. */
export interface Plan {
  /** Read whole (the file is within limits.maxFileSize). */
  whole: Analyzer[];
  /** Fed chunk by chunk. */
  streamed: Analyzer[];
  /** Wanted whole, but the file is above limits.maxFileSize and the analyzer cannot stream it. */
  tooLarge: Analyzer[];
}

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

  /** Whole when wanted whole and within `maxFileSize`; else streamed when the analyzer can; else too large. */
  plan(path: string, size: number, mode: number, maxFileSize: number, warn: Warn = this.warn): Plan {
    const plan: Plan = { whole: [], streamed: [], tooLarge: [] };
    for (const a of this.analyzers) {
      const whole = this.asks(a, path, () => a.wants(path, size, mode), warn);
      if (whole && size <= maxFileSize) plan.whole.push(a);
      else if (a.analyzeStream && this.asks(a, path, () => a.wantsStream?.(path, size, mode) === true, warn)) plan.streamed.push(a);
      else if (whole) plan.tooLarge.push(a);
    }
    return plan;
  }

  private asks(a: Analyzer, path: string, wants: () => boolean, warn: Warn): boolean {
    try {
      return wants();
    } catch (e) {
      this.failed(a, path, e, warn);
      return false;
    }
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
      if (output && hasContent(output)) emit(a.name, output);
    }
  }

  /**
   * Streams one file to the analyzers, in order: each gets every chunk until it needs no more, and
   * the reading stops when none does. A failing analyzer is dropped with a warning; a failure of
   * `chunks` itself (the source) is thrown.
   */
  async stream(analyzers: readonly Analyzer[], file: FileEntry, chunks: AsyncIterable<Buffer> | Iterable<Buffer>, emit: (analyzer: string, output: AnalyzerOutput) => void, warn: Warn = this.warn): Promise<void> {
    const live: { a: Analyzer; sink: StreamAnalysis }[] = [];
    const timed = <T>(a: Analyzer, step: () => T): T | undefined => {
      const stats = this.stats[a.name] as AnalyzerStats;
      const started = performance.now();
      try {
        return step();
      } catch (e) {
        this.failed(a, file.path, e, warn);
        return undefined;
      } finally {
        stats.ms += performance.now() - started;
      }
    };
    for (const a of analyzers) {
      (this.stats[a.name] as AnalyzerStats).files++;
      const sink = a.analyzeStream ? timed(a, () => a.analyzeStream?.(file, this.ctx)) : undefined;
      if (sink) live.push({ a, sink });
    }
    const feeding = new Set(live);
    if (feeding.size > 0) {
      for await (const chunk of chunks) {
        for (const l of feeding) {
          const done = timed(l.a, () => l.sink.write(chunk));
          if (done !== false) feeding.delete(l);
          if (done === undefined) live.splice(live.indexOf(l), 1);
        }
        if (feeding.size === 0) break;
      }
    }
    for (const l of live) {
      const output = timed(l.a, () => l.sink.end());
      if (output && hasContent(output)) emit(l.a.name, output);
    }
  }

  private readonly warn: Warn = (w, kind) => this.warnings.add(w, kind);

  private failed(a: Analyzer, path: string, e: unknown, warn: Warn): void {
    (this.stats[a.name] as AnalyzerStats).errors++;
    const message = e instanceof Error ? e.message : String(e);
    warn({ path, message: `${a.name}: ${path}: ${message}` }, `${a.name} failed on a file`);
  }
}

function hasContent(output: AnalyzerOutput): boolean {
  return Boolean(output.packages?.length || output.findings?.length || output.os || output.ownedFiles?.length || output.licenses?.length || output.warnings?.length);
}
