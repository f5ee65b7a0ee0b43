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
import type { Adapter, ParsedFile } from "./types.js";

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

function parse(input: string, path: string): ParsedFile {
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

export const kubernetesAdapter: Adapter = { format: "kubernetes", wants, sniff, parse };

export function isK8sWorkload(m: ResourceModel): m is K8sWorkload {
  return m.modelType === "k8s.Workload";
}
