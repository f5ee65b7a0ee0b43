// Hostile layers can produce a warning per entry (a million "../" paths): keep the first few of
// each kind and count the rest, so warnings never grow with the input.
import type { ScanWarning } from "../../core/model.js";

/** Warnings listed per kind; the rest are counted. */
export const PER_KIND = 20;

export class WarningSink {
  private readonly kept: ScanWarning[] = [];
  /** Per kind: warnings seen and warnings kept. */
  private readonly kinds = new Map<string, { seen: number; kept: number }>();

  constructor(private readonly max: number) {}

  /** `kind` groups warnings of one cause (e.g. "path escapes the root") for counting. */
  add(warning: ScanWarning, kind: string = warning.message): void {
    // The kinds themselves are bounded too: past `max` of them, new kinds share one counter.
    const key = this.kinds.has(kind) || this.kinds.size < this.max ? kind : "other causes";
    const k = this.kinds.get(key) ?? { seen: 0, kept: 0 };
    this.kinds.set(key, k);
    k.seen++;
    if (k.kept < PER_KIND && this.kept.length < this.max) {
      k.kept++;
      this.kept.push(warning);
    }
  }

  /** Warnings of `kind` that were seen (elsewhere, e.g. when a cached layer was read) and are only counted. */
  count(kind: string, n: number): void {
    const key = this.kinds.has(kind) || this.kinds.size < this.max ? kind : "other causes";
    const k = this.kinds.get(key) ?? { seen: 0, kept: 0 };
    this.kinds.set(key, k);
    k.seen += n;
  }

  list(): ScanWarning[] {
    const out = [...this.kept];
    for (const [kind, k] of this.kinds) if (k.seen > k.kept) out.push({ message: `${k.seen - k.kept} more warnings: ${kind}` });
    return out;
  }
}
