// Kubernetes YAML adapter: every document (and every item of a `kind: List`) with apiVersion and
// kind becomes one model; values keep their own lines. Rendered Helm charts (`helm template`) and
// Kustomize output are plain multi-document YAML; a `# Source: chart/templates/x.yaml` comment above
// a document names the template it came from, and the model's address carries it.
import { LineCounter, parseAllDocuments } from "yaml";
import type { ResourceModel, SourceRange } from "../checks/types.js";
import { InputError } from "../core/errors.js";
import type { K8sWorkload } from "../models/k8s.js";
import { toModel } from "./kubernetes-objects.js";
import { MAX_ALIAS_COUNT, Reader } from "./kubernetes-reader.js";
import { policyCoverage } from "./kubernetes-coverage.js";
import type { Adapter, ParsedFile, ProjectFile, ProjectOptions } from "./types.js";

export { MAX_ALIAS_COUNT };

function wants(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

// Every manifest has both at the top level of a document; YAML that lacks either (CI configs,
// Helm values, CloudFormation, Compose files) is not a manifest.
const TOP_LEVEL_KEYS = [/^["']?apiVersion["']?[ \t]*:/m, /^["']?kind["']?[ \t]*:/m];

/** Whether the text looks like Kubernetes manifests: some document has apiVersion and kind at its top level. */
function sniff(text: string): boolean {
  return TOP_LEVEL_KEYS.every((k) => k.test(text));
}

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
}

// Every manifest names both; YAML that names neither (CI configs, Helm values) is not parsed at all.
const MANIFEST_WORDS = [/\bapiVersion\b/, /\bkind\b/];
// Helm and other Go templates are not YAML until rendered: reported, not treated as broken input.
const TEMPLATE = /\{\{.*\}\}/;
const HELM_SOURCE = /^#[ \t]*Source:[ \t]*(\S[^\r\n]*?)[ \t]*$/gm;

/** The template named by the last `# Source:` comment between the previous document and this one. */
function helmSource(text: string, from: number, to: number): string | undefined {
  let source: string | undefined;
  for (const m of text.slice(from, to).matchAll(HELM_SOURCE)) source = m[1];
  return source;
}

/**
 * Objects read from one file. The largest rendered charts hold a few thousand; a generated file of
 * a hundred thousand pods would hold a million findings, so the rest of such a file is left out.
 */
export const MAX_OBJECTS_PER_FILE = 10_000;

function parseFile(input: string, path: string): ParsedFile {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (!MANIFEST_WORDS.every((w) => w.test(text))) return { models: [], blocks: [], warnings: [] };
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false });
  const list = Array.isArray(docs) ? docs : [];
  const models: ResourceModel[] = [];
  const blocks: SourceRange[] = [];
  let previousEnd = 0;
  const warnings: ParsedFile["warnings"] = [];
  for (const doc of list) {
    if (models.length >= MAX_OBJECTS_PER_FILE) {
      const line = lc.linePos(doc.range[0]).line;
      warnings.push({ line, message: `more than ${MAX_OBJECTS_PER_FILE.toLocaleString("en-US")} Kubernetes objects in one file: the rest, from this line on, is not scanned` });
      break;
    }
    const err = doc.errors[0];
    if (err) {
      const line = err.linePos?.[0].line ?? lc.linePos(err.pos[0]).line;
      if (TEMPLATE.test(text)) return { models: [], blocks: [], warnings: [{ line, message: "a Go (Helm) template, not YAML until rendered: not scanned" }] };
      throw new InputError(`${path}:${line}: invalid YAML: ${firstLine(err.message)}`);
    }
    try {
      doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      const line = lc.linePos(doc.range[0]).line;
      throw new InputError(`${path}:${line}: YAML document rejected: ${firstLine((e as Error).message)}`);
    }
    const r = new Reader(doc, lc);
    const contents = r.deref(doc.contents);
    const start = contents?.range?.[0] ?? doc.range[1];
    const source = helmSource(text, previousEnd, start);
    previousEnd = contents?.range?.[1] ?? doc.range[1];
    if (!contents) continue;
    const docRange = r.range(contents, { startLine: 1, endLine: 1 });
    const objects = r.text(r.get(contents, "kind")) === "List" ? r.items(r.get(contents, "items")) : [contents];
    let found = false;
    for (const obj of objects) {
      const m = toModel(r, obj, source);
      if (!m) continue;
      models.push(m);
      found = true;
      if (obj !== contents) blocks.push(m.range);
    }
    if (found) blocks.push(docRange);
  }
  return { models, blocks, warnings };
}

/** The files' models with the namespaces no NetworkPolicy of theirs covers added. */
function withCoverage(parsed: ParsedFile[]): ParsedFile[] {
  const coverage = policyCoverage(parsed.map((p) => p.models));
  return parsed.map((p, i) => ({ ...p, models: [...p.models, ...(coverage[i] ?? [])] }));
}

/** One file (standard input, a check example) as a scan of its own. */
function parse(text: string, path: string): ParsedFile {
  return withCoverage([parseFile(text, path)])[0] as ParsedFile;
}

/** `path:12: what is wrong` as a warning of its file (the path is the file's). */
function asWarning(e: InputError, name: string): ParsedFile["warnings"][number] {
  const rest = e.message.startsWith(`${name}:`) ? e.message.slice(name.length + 1) : e.message;
  const m = /^(\d+): (.*)$/s.exec(rest);
  return m ? { line: Number(m[1]), message: `skipped: ${m[2] ?? ""}` } : { message: `skipped: ${rest.trim()}` };
}

/** Every manifest of a scan: each file as `parse` reads it, then the namespaces no NetworkPolicy covers. */
function parseProject(files: readonly ProjectFile[], opts: ProjectOptions): ParsedFile[] {
  const parsed = files.map((f) => {
    const name = f.label ?? f.path;
    try {
      return parseFile(f.text, name);
    } catch (e) {
      if (opts.strict || !(e instanceof InputError)) throw e;
      return { models: [], blocks: [], warnings: [asWarning(e, name)] };
    }
  });
  return withCoverage(parsed);
}

export const kubernetesAdapter: Adapter = { format: "kubernetes", wants, sniff, parse, parseProject };

export function isK8sWorkload(m: ResourceModel): m is K8sWorkload {
  return m.modelType === "k8s.Workload";
}
