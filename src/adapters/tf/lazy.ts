// A value computed on first use and remembered: variables, locals, outputs, resource arguments.
// A value that needs itself while being computed is a cycle: a warning names where it is defined
// and the value is unknown, so evaluation always ends.
import type { SourceRange } from "../../checks/types.js";
import { Exhausted, LIMITS } from "./limits.js";
import { unknown, type V } from "./value.js";

export interface Computed {
  value: V;
  /** The file the value was computed in. */
  file: string;
}

export interface LazyHost {
  /** Labels of the values being computed, innermost last. */
  readonly stack: string[];
  cycle(label: string, chain: string[], file: string, range: SourceRange): void;
  /** A value needs more than LIMITS.maxDepth others to be computed first. */
  tooDeep(label: string, file: string, range: SourceRange): void;
}

/** JavaScript's own stack overflow: a safety net behind the depth bounds. */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

export class Lazy {
  private state: 0 | 1 | 2 = 0;
  private result: Computed | undefined;

  constructor(
    private readonly host: LazyHost,
    readonly label: string,
    readonly file: string,
    readonly range: SourceRange,
    private readonly compute: () => Computed,
  ) {}

  get(): Computed {
    if (this.state === 2) return this.result as Computed;
    if (this.state === 1) {
      const stack = this.host.stack;
      const from = stack.lastIndexOf(this.label);
      this.host.cycle(this.label, [...stack.slice(from < 0 ? 0 : from), this.label], this.file, this.range);
      return { value: unknown(this.range), file: this.file };
    }
    if (this.host.stack.length >= LIMITS.maxDepth) {
      this.host.tooDeep(this.label, this.file, this.range);
      return { value: unknown(this.range), file: this.file };
    }
    this.state = 1;
    this.host.stack.push(this.label);
    try {
      this.result = this.compute();
    } catch (e) {
      if (!(e instanceof Exhausted) && !isStackOverflow(e)) throw e;
      this.result = { value: unknown(this.range), file: this.file };
    } finally {
      this.host.stack.pop();
    }
    this.state = 2;
    return this.result;
  }
}
