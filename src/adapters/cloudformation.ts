// CloudFormation adapter (YAML and JSON templates, SAM included): every resource whose condition
// is not known to be false, its properties evaluated as far as they are certain, handed to the
// mappers (src/adapters/cfn) that build typed models.
import type { ResourceModel, SourceRange } from "../checks/types.js";
import { InputError } from "../core/errors.js";
import type { IacNode } from "../models/value.js";
import { mapCloudFormation } from "./cfn/index.js";
import type { CfnResource } from "./cfn/types.js";
import { Evaluator, NO_VALUE, type TemplateParts, type Warning } from "./cloudformation-eval.js";
import { globalSections, isSam, mergeEntries } from "./cloudformation-sam.js";
import { FOR_EACH } from "./cloudformation-foreach.js";
import { entry, get, readTree, text, type Raw } from "./cloudformation-tree.js";
import type { Adapter, ParsedFile } from "./types.js";

/** Values a template may hold: the largest template CloudFormation accepts is 1 MB. */
const MAX_NODES = 1_000_000;

function wants(path: string): boolean {
  return /\.(ya?ml|json|template)$/i.test(path);
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

// sniff() and parse() see the same text one after the other: parse it once.
let last: { text: string; tree: Raw } | undefined;

function treeOf(input: string, path: string): Raw {
  if (last?.text === input) return last.tree;
  const tree = readTree(stripBom(input), path, { maxNodes: MAX_NODES });
  last = { text: input, tree };
  return tree;
}

function isTemplate(tree: Raw): boolean {
  if (tree.k !== "map") return false;
  if (entry(tree, "AWSTemplateFormatVersion")) return true;
  const resources = get(tree, "Resources");
  return resources?.k === "map" && resources.entries.some((e) => e.key.startsWith(FOR_EACH) || text(get(e.value, "Type"))?.startsWith("AWS::") === true);
}

const MAYBE_TEMPLATE = /AWSTemplateFormatVersion|AWS::/;
const VERSION_KEY = /^[\s{]*["']?AWSTemplateFormatVersion["']?\s*:/m;

/** A template by its content: a top-level AWSTemplateFormatVersion, or Resources of some `AWS::` type. */
function sniff(input: string): boolean {
  if (!MAYBE_TEMPLATE.test(input)) return false;
  try {
    const yes = isTemplate(treeOf(input, "template"));
    if (!yes) last = undefined;
    return yes;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    // Broken YAML that still says it is a template: let parse() report where it breaks.
    return VERSION_KEY.test(input);
  }
}

function section(tree: Raw, name: string): Map<string, Raw> {
  const s = get(tree, name);
  return new Map(s?.k === "map" ? s.entries.map((e) => [e.key, e.value]) : []);
}

function resourceOf(ev: Evaluator, id: string, body: Raw, range: SourceRange, globals: Map<string, Map<string, IacNode>>): CfnResource | undefined {
  const type = text(get(body, "Type"));
  if (body.k !== "map" || type === undefined) {
    ev.warn(range, `resource ${id} has no Type: not scanned`);
    return undefined;
  }
  const condition = text(get(body, "Condition"));
  if (condition !== undefined && ev.condition(condition, range) === false) return undefined;
  const raw = get(body, "Properties");
  const props = raw ? ev.value(raw) : NO_VALUE;
  let properties = new Map<string, IacNode>();
  if (props !== NO_VALUE && !(props.t === "prim" && props.value === null)) {
    if (props.t !== "object") {
      ev.warn(range, `the Properties of ${id} could not be worked out: not scanned`);
      return undefined;
    }
    properties = props.entries;
  }
  const global = globals.get(type);
  if (global) properties = mergeEntries(global, properties);
  return { logicalId: id, type, address: id, range, properties };
}

/** The resources of a template, properties evaluated as far as they are certain, and what could not be read. */
export function readTemplate(input: string, path: string): { resources: CfnResource[]; warnings: Warning[] } {
  const tree = treeOf(input, path);
  last = undefined;
  if (tree.k !== "map") throw new InputError(`${path}:${tree.range.startLine}: not a CloudFormation template: the top level is not a map`);
  const resourcesRaw = get(tree, "Resources");
  const written = resourcesRaw?.k === "map" ? resourcesRaw.entries : [];
  const conditionsRaw = get(tree, "Conditions");
  const conditions = new Map<string, Raw>();
  const resourceIds = new Set(written.filter((e) => !e.key.startsWith(FOR_EACH)).map((e) => e.key));
  const parts: TemplateParts = { path, parameters: section(tree, "Parameters"), conditions, mappings: get(tree, "Mappings"), resources: resourceIds };
  const ev = new Evaluator(parts);
  // Fn::ForEach (AWS::LanguageExtensions) makes conditions and resources: expanded before anything refers to them.
  const conditionEntries = conditionsRaw?.k === "map" ? ev.expandLoops(conditionsRaw.entries, "the conditions it makes are not known").entries : [];
  for (const e of conditionEntries) conditions.set(e.key, e.value);
  const entries = ev.expandLoops(written, "the resources it makes are not scanned").entries;
  for (const e of entries) resourceIds.add(e.key);
  const globals = new Map<string, Map<string, IacNode>>();
  if (isSam(tree)) {
    for (const g of globalSections(tree)) {
      const v = ev.value(g.properties);
      if (v !== NO_VALUE && v.t === "object") globals.set(g.type, v.entries);
    }
  }
  const resources: CfnResource[] = [];
  for (const e of entries) {
    const r = resourceOf(ev, e.key, e.value, e.range, globals);
    if (r) resources.push(r);
  }
  return { resources, warnings: ev.warnings };
}

function parse(input: string, path: string): ParsedFile {
  const { resources, warnings } = readTemplate(input, path);
  const models: ResourceModel[] = mapCloudFormation(resources);
  models.sort((x, y) => x.range.startLine - y.range.startLine);
  return { models, blocks: resources.map((r) => r.range), warnings };
}

export const cloudFormationAdapter: Adapter = { format: "cloudformation", wants, sniff, parse };
