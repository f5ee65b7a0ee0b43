// ARM onto diagnostic settings (`Microsoft.Insights/diagnosticSettings`): attached to a resource
// by `scope`, by nesting, or by the older `<type>/providers/diagnosticSettings` form; attached to
// the subscription's activity log when declared with no scope in a subscription deployment.
import type { SourceRange } from "../../checks/types.js";
import type { DiagnosticSetting, DiagnosticsOf } from "../../models/azure.js";
import type { IacNode, Val } from "../../models/value.js";
import { resourcePath } from "./eval.js";
import type { ArmIndex, ArmResource } from "./types.js";
import { base, boolOf, child, prop, stringOf } from "./util.js";

type Target = { subscription: true } | { path: string } | undefined;

export function isDiagnosticSetting(r: ArmResource): boolean {
  const t = r.type.toLowerCase();
  return t === "microsoft.insights/diagnosticsettings" || t.endsWith("/providers/diagnosticsettings") || (r.parent !== undefined && t.endsWith("/microsoft.insights/diagnosticsettings"));
}

/** `/subscriptions/../providers/Microsoft.KeyVault/vaults/kv` or `Microsoft.KeyVault/vaults/kv` as a resource path. */
function pathOfId(id: string): string | undefined {
  const at = id.toLowerCase().lastIndexOf("/providers/");
  const path = at >= 0 ? id.slice(at + "/providers/".length) : id;
  return /^[A-Za-z0-9]+\.[A-Za-z0-9.]+\/[^/]+\/[^/]+/.test(path) ? path : undefined;
}

function targetOf(r: ArmResource): Target {
  const scope = r.entries.get("scope") ?? [...r.entries].find(([k]) => k.toLowerCase() === "scope")?.[1];
  if (scope) {
    if (scope.t === "unknown" && scope.ref) return { path: scope.ref };
    const id = scope.t === "prim" && typeof scope.value === "string" ? pathOfId(scope.value) : undefined;
    return id ? { path: id } : undefined;
  }
  const at = r.type.toLowerCase().indexOf("/providers/");
  if (at >= 0) {
    // `Microsoft.KeyVault/vaults/providers/diagnosticSettings` named `kv/Microsoft.Insights/audit`.
    if (r.parent) return r.parent.path ? { path: r.parent.path } : undefined;
    const owner = r.type.slice(0, at);
    const names = r.name?.split("/");
    const path = names ? resourcePath(owner, names.slice(0, owner.split("/").length - 1)) : undefined;
    return path ? { path } : undefined;
  }
  if (r.parent) return r.parent.path ? { path: r.parent.path } : undefined;
  return r.deploymentScope === "subscription" ? { subscription: true } : undefined;
}

const unknownAt = (range: SourceRange): Val<string> => ({ value: undefined, known: false, range });

/** The categories and category groups turned on; one unknown entry for each entry that cannot be read. */
function logsOf(list: IacNode | undefined): Val<string>[] {
  if (!list) return [];
  if (list.t !== "list") return [unknownAt(list.range)];
  const out: Val<string>[] = [];
  for (const item of list.items) {
    if (item.t !== "object") {
      out.push(unknownAt(item.range));
      continue;
    }
    const enabled = boolOf(child(item, "enabled"));
    if (enabled?.known && !enabled.value) continue;
    const name = stringOf(child(item, "category") ?? child(item, "categoryGroup"));
    out.push(enabled?.known && name ? name : unknownAt(name?.range ?? item.range));
  }
  return out;
}

function setting(r: ArmResource): DiagnosticSetting {
  const t = targetOf(r);
  const m: DiagnosticSetting = { ...base(r, "azure.monitor.DiagnosticSetting"), subscription: t !== undefined && "subscription" in t, logs: logsOf(prop(r, "properties.logs")) };
  if (t && "path" in t) m.target = t.path;
  return m;
}

interface ByTarget {
  byPath: Map<string, DiagnosticsOf["settings"]>;
  unplaced?: SourceRange;
}

const cache = new WeakMap<ArmIndex, ByTarget>();

function byTarget(index: ArmIndex): ByTarget {
  const hit = cache.get(index);
  if (hit) return hit;
  const out: ByTarget = { byPath: new Map() };
  for (const r of index.resources) {
    if (!isDiagnosticSetting(r)) continue;
    const t = targetOf(r);
    if (!t) {
      out.unplaced ??= r.range;
      continue;
    }
    if (!("path" in t)) continue;
    const key = t.path.toLowerCase();
    const entry = { range: r.range, logs: logsOf(prop(r, "properties.logs")) };
    out.byPath.set(key, [...(out.byPath.get(key) ?? []), entry]);
  }
  cache.set(index, out);
  return out;
}

/** The diagnostic settings of the template attached to `r`. */
export function diagnosticsOf(index: ArmIndex, r: ArmResource): DiagnosticsOf {
  const all = byTarget(index);
  const settings = r.path ? (all.byPath.get(r.path.toLowerCase()) ?? []) : [];
  return all.unplaced ? { settings, unplaced: all.unplaced } : { settings };
}

export const armDiagnosticMappers = [(index: ArmIndex) => index.resources.filter(isDiagnosticSetting).map(setting)];
