// Docker Compose adapter: `docker-compose*.y(a)ml` and `compose*.y(a)ml` files, each service one
// `compose.Service` model. The YAML is read into the shared value tree (models/value.ts) first:
// YAML merge keys (`<<: *defaults`) are applied, and strings with variable interpolation become
// unknown values, with the text as written kept in `ref`.
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from "yaml";
import type { ResourceModel, SourceRange } from "../checks/types.js";
import { InputError } from "../core/errors.js";
import type { IacNode } from "../models/value.js";
import { isInterpolated, mapService } from "./compose-service.js";
import { MAX_ALIAS_COUNT, Reader } from "./kubernetes-reader.js";
import type { Adapter, ParsedFile } from "./types.js";

/** Nesting deeper than any Compose file needs is read as unknown, not followed. */
const MAX_DEPTH = 64;

function wants(path: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1);
  return /^(?:docker-)?compose\b[^/]*\.ya?ml$/i.test(name);
}

/** Whether the text has a top-level `services:` key, as every Compose file that defines containers does. */
function sniff(text: string): boolean {
  return /^["']?services["']?[ \t]*:/m.test(text);
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (key.value === "<<" || typeof key.value === "symbol");
}

class TreeBuilder {
  constructor(private readonly r: Reader) {}

  private range(node: Node | undefined, fallback: SourceRange): SourceRange {
    return this.r.range(node, fallback);
  }

  build(input: unknown, fallback: SourceRange, depth = 0): IacNode {
    const node = this.r.deref(input);
    const range = this.range(node, fallback);
    if (depth > MAX_DEPTH || node === undefined) return { t: "unknown", range };
    if (isScalar(node)) {
      const v = node.value;
      if (typeof v === "string") return isInterpolated(v) ? { t: "unknown", range, ref: v } : { t: "prim", value: v.replace(/\$\$/g, "$"), range };
      if (typeof v === "number" || typeof v === "boolean" || v === null) return { t: "prim", value: v, range };
      return { t: "unknown", range };
    }
    if (isSeq(node)) return { t: "list", items: node.items.map((i) => this.build(i, range, depth + 1)), range };
    if (isMap(node)) {
      const entries = new Map<string, IacNode>();
      const merged: IacNode[] = [];
      for (const pair of node.items) {
        const key = this.r.deref(pair.key);
        if (isMergeKey(key)) {
          const value = this.r.deref(pair.value);
          const sources = isSeq(value) ? value.items : [value];
          for (const s of sources) merged.push(this.build(s, range, depth + 1));
          continue;
        }
        const k = this.r.text(key);
        if (k !== undefined) entries.set(k, this.build(pair.value, range, depth + 1));
      }
      // Keys written in the map win over merged ones; earlier merge sources win over later ones.
      for (const m of merged) if (m.t === "object") for (const [k, v] of m.entries) if (!entries.has(k)) entries.set(k, v);
      return { t: "object", entries, range };
    }
    return { t: "unknown", range };
  }

  /** The services of the document: name, the line of its key, the whole entry, and its value node. */
  services(contents: Node): { name: string; keyRange: SourceRange; range: SourceRange; node: Node | undefined }[] {
    const services = this.r.get(contents, "services");
    if (!isMap(services)) return [];
    const fallback = this.range(services, { startLine: 1, endLine: 1 });
    return services.items.flatMap((pair) => {
      const key = this.r.deref(pair.key);
      const name = this.r.text(key);
      if (name === undefined || isMergeKey(key)) return [];
      const keyRange = this.range(key, fallback);
      const range = this.r.entryRange(services, name, fallback) ?? keyRange;
      return [{ name, keyRange: { startLine: keyRange.startLine, endLine: keyRange.startLine }, range, node: this.r.deref(pair.value) }];
    });
  }
}

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
}

function parse(input: string, path: string): ParsedFile {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lc, prettyErrors: false, merge: true });
  const list = Array.isArray(docs) ? docs : [];
  const out: ParsedFile = { models: [], blocks: [], warnings: [] };
  for (const doc of list) {
    const err = doc.errors[0];
    if (err) {
      const line = err.linePos?.[0].line ?? lc.linePos(err.pos[0]).line;
      throw new InputError(`${path}:${line}: invalid YAML: ${firstLine(err.message)}`);
    }
    try {
      doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      throw new InputError(`${path}:${lc.linePos(doc.range[0]).line}: YAML document rejected: ${firstLine((e as Error).message)}`);
    }
    const r = new Reader(doc, lc);
    const contents = r.deref(doc.contents);
    if (!contents) continue;
    const services = r.get(contents, "services");
    if (services !== undefined && !isMap(services) && !r.isNull(services)) {
      out.warnings.push({ line: r.range(services, { startLine: 1, endLine: 1 }).startLine, message: "`services` is not a mapping of service names: no service read" });
      continue;
    }
    const builder = new TreeBuilder(r);
    for (const s of builder.services(contents)) {
      const tree = builder.build(s.node, s.range);
      const model: ResourceModel | undefined = mapService(s.name, tree, s.range, s.keyRange);
      if (!model) {
        out.warnings.push({ line: s.keyRange.startLine, message: `service ${s.name} is not a mapping: not read` });
        continue;
      }
      out.models.push(model);
      out.blocks.push(s.range);
    }
  }
  return out;
}

export const composeAdapter: Adapter = { format: "compose", wants, sniff, parse };
