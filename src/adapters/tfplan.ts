// Terraform plan JSON (`terraform show -json plan.out`): the managed resources of `planned_values`
// (root and child modules) as TfResources, so the Terraform mappers and checks run on what the
// plan will create, with values that were unknown in the source now known where the plan knows them.
import type { ResourceModel, SourceRange } from "../checks/types.js";
import { InputError } from "../core/errors.js";
import { get, readTree, text, treeOfJson, type Raw } from "./cloudformation-tree.js";
import { mapTerraform } from "./tf/index.js";
import type { TfResource } from "./tf/types.js";
import { planBlock, type PlanContext } from "./tfplan-values.js";
import type { Adapter, ParsedFile } from "./types.js";

/** Plans printed over several lines are read with line numbers up to this size; larger ones point at line 1. */
const MAX_POSITIONED = 4 * 1024 * 1024;
const MAX_NODES = 5_000_000;
const LINE_ONE: SourceRange = { startLine: 1, endLine: 1 };

function wants(path: string): boolean {
  return /\.json$/i.test(path);
}

function sniff(input: string): boolean {
  return input.includes('"format_version"') && input.includes('"planned_values"');
}

type Warnings = ParsedFile["warnings"];

function planTree(input: string, path: string, warnings: Warnings): Raw {
  const body = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const oneLine = !body.trimEnd().includes("\n");
  if (!oneLine && body.length <= MAX_POSITIONED) return readTree(body, path, { maxNodes: MAX_NODES });
  if (!oneLine) warnings.push({ message: `plan larger than ${MAX_POSITIONED >> 20} MB: findings point at line 1` });
  let v: unknown;
  try {
    v = JSON.parse(body);
  } catch (e) {
    throw new InputError(`${path}:1: invalid JSON: ${(e as Error).message}`);
  }
  return treeOfJson(v, LINE_ONE);
}

/** `module.a["x"].module.b` to the configuration of module b within a. */
function moduleConfig(root: Raw | undefined, moduleAddress: string): Raw | undefined {
  let cur = root;
  for (const m of moduleAddress.matchAll(/module\.([A-Za-z0-9_-]+)(?:\[(?:"(?:[^"\\]|\\.)*"|[^\]]*)\])?/g)) {
    cur = get(get(get(cur, "module_calls"), m[1] ?? ""), "module");
  }
  return cur;
}

function configExpressions(moduleCfg: Raw | undefined, type: string, name: string): Raw | undefined {
  const resources = get(moduleCfg, "resources");
  const r = resources?.k === "seq" ? resources.items.find((x) => text(get(x, "type")) === type && text(get(x, "name")) === name && text(get(x, "mode")) !== "data") : undefined;
  return get(r, "expressions");
}

interface Planned {
  node: Raw;
  module: string;
}

function plannedResources(module: Raw | undefined, address: string, out: Planned[], depth = 0): Planned[] {
  const resources = get(module, "resources");
  if (resources?.k === "seq") for (const r of resources.items) if (text(get(r, "mode")) === "managed") out.push({ node: r, module: address });
  const children = get(module, "child_modules");
  if (children?.k === "seq" && depth < 64) for (const c of children.items) plannedResources(c, text(get(c, "address")) ?? address, out, depth + 1);
  return out;
}

function indexKey(r: Raw): string {
  const index = get(r, "index");
  if (index?.k !== "scalar" || index.value === null) return "";
  return typeof index.value === "number" ? `[${index.value}]` : `[${JSON.stringify(String(index.value))}]`;
}

function parse(input: string, path: string): ParsedFile {
  const warnings: Warnings = [];
  const tree = planTree(input, path, warnings);
  if (tree.k !== "map" || !get(tree, "planned_values")) throw new InputError(`${path}:1: not a Terraform plan: no planned_values`);
  const planned = plannedResources(get(get(tree, "planned_values"), "root_module"), "", []);
  const unknownMarks = new Map<string, Raw | undefined>();
  const changes = get(tree, "resource_changes");
  if (changes?.k === "seq") for (const c of changes.items) unknownMarks.set(text(get(c, "address")) ?? "", get(get(c, "change"), "after_unknown"));
  const configRoot = get(get(tree, "configuration"), "root_module");
  const defaults = new Map<string, Raw>();
  const variables = get(configRoot, "variables");
  if (variables?.k === "map") for (const v of variables.entries) {
    const d = get(v.value, "default");
    if (d) defaults.set(v.key, d);
  }
  const addresses = new Set(planned.map((p) => text(get(p.node, "address")) ?? ""));
  const resources: TfResource[] = planned.map(({ node, module }) => {
    const type = text(get(node, "type")) ?? "";
    const name = text(get(node, "name")) ?? "";
    const address = text(get(node, "address")) ?? `${module ? `${module}.` : ""}${type}.${name}${indexKey(node)}`;
    const ctx: PlanContext = { prefix: module ? `${module}.` : "", index: indexKey(node), addresses, defaults, range: node.range };
    const exprs = configExpressions(moduleConfig(configRoot, module), type, name);
    const block = planBlock("resource", get(node, "values"), unknownMarks.get(address), get(node, "sensitive_values"), exprs, ctx, node.range);
    return { type, name, address, block: { ...block, labels: [type, name] } };
  });
  const models: ResourceModel[] = mapTerraform(resources);
  models.sort((x, y) => x.range.startLine - y.range.startLine);
  return { models, blocks: resources.map((r) => r.block.range), warnings };
}

export const terraformPlanAdapter: Adapter = { format: "terraform", wants, sniff, parse };
