// Walks an ARM template: parameters (their defaults, or values given to a nested deployment),
// variables, and resources, nested child resources and inline nested deployments included. Each
// resource's entries are evaluated once; a resource whose `condition` is known false is left out.
import { InputError } from "../../core/errors.js";
import type { IacNode } from "../../models/value.js";
import { Evaluator, resourcePath, type ArmScope, type Warn } from "./eval.js";
import type { ArmResource } from "./types.js";
import { child as entry } from "./util.js";

/** More resources than any real template holds; past it the rest are left out with a warning. */
export const MAX_RESOURCES = 10_000;
/** Child resources nested in child resources, and deployments nested in deployments. */
export const MAX_NESTING = 8;

const stringOf = (n: IacNode | undefined): string | undefined => (n?.t === "prim" && typeof n.value === "string" ? n.value : undefined);

/** `Microsoft.Sql/servers/firewallRules` is a full type; `firewallRules` is relative to its parent. */
function isFullType(type: string): boolean {
  return /^[^/]+\.[^/]+\//.test(type);
}

function scopeOf(template: IacNode, given?: Map<string, IacNode | undefined>): ArmScope {
  const params = new Map<string, IacNode | undefined>();
  const declared = entry(template, "parameters");
  if (declared?.t === "object") {
    for (const [name, def] of declared.entries) {
      const lower = name.toLowerCase();
      params.set(lower, given?.has(lower) ? given.get(lower) : entry(def, "defaultValue"));
    }
  }
  const vars = new Map<string, IacNode>();
  const varLoops = new Map<string, IacNode>();
  const declaredVars = entry(template, "variables");
  if (declaredVars?.t === "object") {
    for (const [name, v] of declaredVars.entries) {
      if (name.toLowerCase() === "copy" && v.t === "list") {
        // Variable loops build arrays from copyIndex('name'), worked out when the variable is used.
        for (const item of v.items) {
          const n = stringOf(entry(item, "name"));
          if (n) varLoops.set(n.toLowerCase(), item);
        }
        continue;
      }
      vars.set(name.toLowerCase(), v);
    }
  }
  const userNamespaces = new Set<string>();
  const fns = entry(template, "functions");
  if (fns?.t === "list") for (const f of fns.items) {
    const ns = stringOf(entry(f, "namespace"));
    if (ns) userNamespaces.add(ns.toLowerCase());
  }
  return { params, vars, userNamespaces, varLoops };
}

interface Walk {
  warn: Warn;
  out: ArmResource[];
  /** Full names with parameters kept symbolically, for composing the names of nested children. */
  symbolic: WeakMap<ArmResource, string>;
  capped: boolean;
  /** What the template being walked deploys to. */
  scope?: ArmResource["deploymentScope"];
}

/** The deployment scope a template's `$schema` names. */
function deploymentScopeOf(template: IacNode): ArmResource["deploymentScope"] {
  const schema = stringOf(entry(template, "$schema"))?.toLowerCase() ?? "";
  if (schema.includes("subscriptiondeploymenttemplate")) return "subscription";
  if (schema.includes("managementgroupdeploymenttemplate")) return "managementGroup";
  if (schema.includes("tenantdeploymenttemplate")) return "tenant";
  return schema.includes("deploymenttemplate") ? "resourceGroup" : undefined;
}

function withoutTemplate(props: IacNode): IacNode {
  if (props.t !== "object") return props;
  return { ...props, entries: new Map([...props.entries].filter(([k]) => k.toLowerCase() !== "template")) };
}

function rawText(n: IacNode | undefined): string {
  return stringOf(n) ?? "?";
}

/**
 * A resource loop (`"copy": { "name", "count" }`) walks the resource once per iteration, with
 * copyIndex() giving the iteration; a loop whose count is not known walks it once, unexpanded.
 */
function walkResource(w: Walk, ev: Evaluator, res: IacNode, parent: ArmResource | undefined, depth: number): void {
  if (res.t !== "object") return;
  const copy = entry(res, "copy");
  const count = copy?.t === "object" ? ev.copyCount(entry(copy, "count"), copy.range) : undefined;
  const loop = copy?.t === "object" ? stringOf(entry(copy, "name")) : undefined;
  if (count === undefined || loop === undefined) {
    walkOne(w, ev, res, parent, depth);
    return;
  }
  const plain: IacNode = { ...res, entries: new Map([...res.entries].filter(([k]) => k.toLowerCase() !== "copy")) };
  for (let i = 0; i < count && !w.capped; i++) ev.inLoop(loop, i, true, () => walkOne(w, ev, plain, parent, depth, i));
}

function walkOne(w: Walk, ev: Evaluator, res: IacNode, parent: ArmResource | undefined, depth: number, iteration?: number): void {
  if (res.t !== "object") return;
  if (w.out.length >= MAX_RESOURCES) {
    if (!w.capped) w.warn(res.range.startLine, `more than ${MAX_RESOURCES} resources; the rest are not checked`);
    w.capped = true;
    return;
  }
  const typeNode = entry(res, "type");
  const type = typeNode ? stringOf(ev.value(typeNode)) : undefined;
  if (!type) {
    w.warn(res.range.startLine, "resource type could not be worked out; the resource is not checked");
    return;
  }
  const existing = entry(res, "existing");
  if (existing?.t === "prim" && existing.value === true) return;
  const condition = entry(res, "condition");
  if (condition) {
    const c = ev.value(condition);
    if (c.t === "prim" && c.value === false) return;
  }
  const fullType = parent && !isFullType(type) ? `${parent.type}/${type}` : type;
  const nameNode = entry(res, "name");
  const own = nameNode ? stringOf(ev.value(nameNode)) : undefined;
  const ownSymbolic = nameNode ? stringOf(ev.value(nameNode, "symbolic")) : undefined;
  const parentSymbolic = parent ? w.symbolic.get(parent) : undefined;
  const name = parent ? (parent.name !== undefined && own !== undefined ? `${parent.name}/${own}` : undefined) : own;
  const symbolic = parent ? (parentSymbolic !== undefined && ownSymbolic !== undefined ? `${parentSymbolic}/${ownSymbolic}` : undefined) : ownSymbolic;
  const path = symbolic === undefined ? undefined : resourcePath(fullType, symbolic.split("/"));
  const written = path ?? (parent ? `${parent.address}/${type}/${rawText(nameNode)}` : `${fullType}/${rawText(nameNode)}`);
  // Instances of a loop whose names cannot be worked out are told apart by their iteration.
  const address = path === undefined && iteration !== undefined ? `${written}[${iteration}]` : written;
  const deployment = fullType.toLowerCase() === "microsoft.resources/deployments";
  const entries = new Map<string, IacNode>();
  for (const [k, v] of res.entries) {
    if (k.toLowerCase() === "resources") continue;
    // A nested deployment's inline template is read in its own scope below, not here.
    entries.set(k, ev.value(deployment && k.toLowerCase() === "properties" ? withoutTemplate(v) : v));
  }
  const apiVersion = stringOf(entry({ t: "object", entries, range: res.range }, "apiVersion"));
  const r: ArmResource = { type: fullType, address, range: res.range, entries };
  if (name !== undefined) r.name = name;
  if (path !== undefined) r.path = path;
  if (apiVersion !== undefined) r.apiVersion = apiVersion;
  if (parent) r.parent = parent;
  if (w.scope) r.deploymentScope = w.scope;
  if (symbolic !== undefined) w.symbolic.set(r, symbolic);
  w.out.push(r);
  if (depth >= MAX_NESTING) {
    if (entry(res, "resources")) w.warn(res.range.startLine, `resources nested more than ${MAX_NESTING} levels deep are not checked`);
    return;
  }
  const children = entry(res, "resources");
  if (children?.t === "list") for (const c of children.items) walkResource(w, ev, c, r, depth + 1);
  if (deployment) nestedDeployment(w, ev, res, depth + 1);
}

/** An inline nested deployment: its template's resources, in its own scope or in the parent's. */
function nestedDeployment(w: Walk, outer: Evaluator, res: IacNode, depth: number): void {
  const props = entry(res, "properties");
  const template = entry(props, "template");
  if (template?.t !== "object") return;
  if (depth >= MAX_NESTING) {
    w.warn(res.range.startLine, `deployments nested more than ${MAX_NESTING} levels deep are not checked`);
    return;
  }
  const inner = stringOf(entry(entry(props, "expressionEvaluationOptions"), "scope"))?.toLowerCase() === "inner";
  let ev = outer;
  if (inner) {
    const given = new Map<string, IacNode | undefined>();
    const values = entry(props, "parameters");
    if (values?.t === "object") {
      for (const [name, spec] of values.entries) {
        const v = entry(spec, "value");
        given.set(name.toLowerCase(), v ? outer.value(v) : { t: "unknown", range: spec.range });
      }
    }
    ev = new Evaluator(scopeOf(template, given), w.warn);
  }
  walkResources(w, ev, template, depth);
}

function walkResources(w: Walk, ev: Evaluator, template: IacNode, depth: number): void {
  const resources = entry(template, "resources");
  // languageVersion 2.0 keys resources by symbolic name.
  const items = resources?.t === "list" ? resources.items : resources?.t === "object" ? [...resources.entries.values()] : [];
  const outer = w.scope;
  w.scope = deploymentScopeOf(template) ?? outer;
  for (const r of items) walkResource(w, ev, r, undefined, depth);
  w.scope = outer;
}

/** Warnings a template can cause: each once, and no more than MAX_WARNINGS in all. */
export const MAX_WARNINGS = 100;

function limitWarnings(warn: Warn): Warn {
  const seen = new Set<string>();
  return (line, message) => {
    const key = `${line}:${message}`;
    if (seen.has(key) || seen.size > MAX_WARNINGS) return;
    seen.add(key);
    warn(line, seen.size > MAX_WARNINGS ? `more than ${MAX_WARNINGS} warnings; the rest are not shown` : message);
  };
}

/** Every resource of the template, evaluated. Throws InputError when the file is not a template at all. */
export function readTemplate(root: IacNode, path: string, warn: Warn, values?: Map<string, IacNode>): ArmResource[] {
  if (root.t !== "object") throw new InputError(`${path}:${root.range.startLine}: not an ARM template: the top level is not a JSON object`);
  const given = values ? new Map<string, IacNode | undefined>([...values].map(([k, v]) => [k.toLowerCase(), v])) : undefined;
  const limited = limitWarnings(warn);
  const ev = new Evaluator(scopeOf(root, given), limited);
  const w: Walk = { warn: limited, out: [], symbolic: new WeakMap(), capped: false };
  walkResources(w, ev, root, 0);
  return w.out;
}
