// `Fn::ForEach::Name: [Identifier, Collection, {OutputKey: OutputValue}]` (the AWS::LanguageExtensions
// transform) expanded in the raw template, before evaluation: one copy of the fragment per item of
// the collection, `${Identifier}` and `&{Identifier}` (the item without its non-alphanumeric
// characters) replaced in every key and string, and `Ref: Identifier` replaced by the item. Copies
// keep the lines of the fragment, so a finding points at the loop's text. A loop whose collection
// is not known is left out, with a warning; the caller decides what that means where it stands.
import type { SourceRange } from "../checks/types.js";
import { InputError } from "../core/errors.js";
import { text, type Raw, type RawEntry } from "./cloudformation-tree.js";

export const FOR_EACH = "Fn::ForEach::";

/** CloudFormation allows five loops nested in one; a little more is tolerated, not unbounded. */
const MAX_NESTING = 8;

export interface ForEachHost {
  path: string;
  /** The collection's items when every one is known (a list literal, a CommaDelimitedList parameter). */
  collection(raw: Raw): string[] | undefined;
  warn(range: SourceRange, message: string): void;
  /** Values the copies may hold in all (the template's own bound): past it, the template is refused. */
  maxNodes: number;
}

/** What an expansion made: the entries, and whether every loop among them could be expanded. */
export interface Expanded {
  entries: RawEntry[];
  complete: boolean;
}

export function hasForEach(entries: readonly RawEntry[]): boolean {
  return entries.some((e) => e.key.startsWith(FOR_EACH));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Copies `raw` with one identifier replaced by `item`. */
class Substitution {
  private readonly dollar: RegExp;
  private readonly amp: RegExp;
  private readonly plain: string;

  constructor(
    private readonly id: string,
    private readonly item: string,
    private readonly count: () => void,
  ) {
    const name = escapeRegExp(id);
    this.dollar = new RegExp(`\\$\\{\\s*${name}\\s*\\}`, "g");
    this.amp = new RegExp(`&\\{\\s*${name}\\s*\\}`, "g");
    this.plain = item.replace(/[^A-Za-z0-9]/g, "");
  }

  string(s: string): string {
    return s.includes(this.id) ? s.replace(this.dollar, () => this.item).replace(this.amp, () => this.plain) : s;
  }

  /** `Ref: Identifier` or `!Ref Identifier`. */
  private isRef(raw: Raw): boolean {
    if (raw.tag === "!Ref") return raw.k === "scalar" && text(raw) === this.id;
    if (raw.k !== "map" || raw.tag !== undefined || raw.entries.length !== 1) return false;
    const e = raw.entries[0];
    return e?.key === "Ref" && e.value.k === "scalar" && e.value.tag === undefined && text(e.value) === this.id;
  }

  copy(raw: Raw): Raw {
    this.count();
    if (this.isRef(raw)) return { k: "scalar", value: this.item, range: raw.range };
    const tag = raw.tag !== undefined ? { tag: raw.tag } : {};
    if (raw.k === "scalar") return typeof raw.value === "string" ? { k: "scalar", value: this.string(raw.value), range: raw.range, ...tag } : raw;
    if (raw.k === "seq") return { k: "seq", items: raw.items.map((i) => this.copy(i)), range: raw.range, ...tag };
    return { k: "map", entries: raw.entries.map((e) => ({ key: this.string(e.key), value: this.copy(e.value), range: e.range })), range: raw.range, ...tag };
  }
}

export class ForEachExpander {
  private nodes = 0;

  constructor(private readonly host: ForEachHost) {}

  private count = (): void => {
    if (++this.nodes > this.host.maxNodes) throw new InputError(`${this.host.path}: Fn::ForEach expands to more than ${this.host.maxNodes} values: too large to scan`);
  };

  /**
   * The entries of a map with its loops expanded in place (nested loops too). `what` names what a
   * loop that cannot be expanded leaves out, for its warning ("the resources it makes are not scanned").
   */
  expand(entries: readonly RawEntry[], what: string, depth = 0): Expanded {
    const out: RawEntry[] = [];
    let complete = true;
    for (const e of entries) {
      if (!e.key.startsWith(FOR_EACH)) {
        out.push(e);
        continue;
      }
      const copies = depth < MAX_NESTING ? this.loop(e, what) : undefined;
      if (depth >= MAX_NESTING) this.host.warn(e.range, `${e.key} is nested more than ${MAX_NESTING} loops deep: not expanded, ${what}`);
      if (!copies) {
        complete = false;
        continue;
      }
      const inner = this.expand(copies, what, depth + 1);
      out.push(...inner.entries);
      complete &&= inner.complete;
    }
    return { entries: out, complete };
  }

  /** One loop's copies, or undefined (after a warning) when it cannot be expanded. */
  private loop(e: RawEntry, what: string): RawEntry[] | undefined {
    const [idRaw, collRaw, fragment, ...rest] = e.value.k === "seq" && e.value.tag === undefined ? e.value.items : [];
    const id = idRaw?.k === "scalar" && idRaw.tag === undefined ? text(idRaw) : undefined;
    if (id === undefined || id === "" || !collRaw || fragment?.k !== "map" || fragment.tag !== undefined || rest.length > 0) {
      this.host.warn(e.range, `${e.key} needs an identifier, a collection and a fragment (a map): not expanded, ${what}`);
      return undefined;
    }
    const items = this.host.collection(collRaw);
    if (!items) {
      this.host.warn(e.range, `${e.key} is not expanded: ${what} (its collection is not known)`);
      return undefined;
    }
    const out: RawEntry[] = [];
    for (const item of items) {
      const sub = new Substitution(id, item, this.count);
      for (const f of fragment.entries) out.push({ key: sub.string(f.key), value: sub.copy(f.value), range: f.range });
    }
    return out;
  }
}
