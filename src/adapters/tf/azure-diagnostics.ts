// Terraform onto diagnostic settings (`azurerm_monitor_diagnostic_setting`): the resource or the
// subscription (activity log) each is attached to, and the logs it turns on.
import type { SourceRange } from "../../checks/types.js";
import type { DiagnosticSetting, DiagnosticsOf } from "../../models/azure.js";
import type { Val } from "../../models/value.js";
import type { TfBlock } from "../terraform-hcl.js";
import type { TfIndex, TfResource } from "./types.js";
import { base, boolOf, instancesOf, stringOf } from "./util.js";

const TYPE = "azurerm_monitor_diagnostic_setting";

type Target = { subscription: true } | { address: string } | undefined;

/** `/subscriptions/<id>`, `data.azurerm_subscription.x.id`, or a reference to a resource (`azurerm_key_vault.kv.id`). */
function targetOf(r: TfResource): Target {
  const v = r.block.attrs.get("target_resource_id");
  if (v?.t === "prim" && typeof v.value === "string") return /^\/subscriptions\/[^/]+\/?$/i.test(v.value) ? { subscription: true } : undefined;
  if (v?.t !== "unknown" || !v.ref) return undefined;
  if (/^data\.azurerm_subscription\.[^.]+\.id$/.test(v.ref)) return { subscription: true };
  const m = /^((?:module\.[^.]+\.)*)(azurerm_[a-z0-9_]+)\.([^.[]+)((?:\[[^\]]*\])?)\.id$/.exec(v.ref);
  return m ? { address: `${m[1] ?? ""}${m[2]}.${m[3]}${m[4] ?? ""}` } : undefined;
}

const unknownAt = (range: SourceRange): Val<string> => ({ value: undefined, known: false, range });

/** `enabled_log` blocks (and the older `log` blocks that are enabled): their category or category group. */
function logsOf(b: TfBlock): Val<string>[] {
  const out: Val<string>[] = [];
  for (const x of b.blocks) {
    if (x.type === "dynamic" && (x.labels[0] === "enabled_log" || x.labels[0] === "log")) {
      out.push(unknownAt(x.range));
      continue;
    }
    if (x.type !== "enabled_log" && x.type !== "log") continue;
    if (x.standIn) {
      out.push(unknownAt(x.range));
      continue;
    }
    const enabled = x.type === "log" ? boolOf(x.attrs.get("enabled")) : undefined;
    if (enabled?.known && !enabled.value) continue;
    const name = stringOf(x.attrs.get("category") ?? x.attrs.get("category_group"));
    out.push(name && (!enabled || enabled.known) ? name : unknownAt(name?.range ?? x.range));
  }
  return out;
}

function setting(r: TfResource): DiagnosticSetting {
  const t = targetOf(r);
  const m: DiagnosticSetting = { ...base(r, "azure.monitor.DiagnosticSetting"), subscription: t !== undefined && "subscription" in t, logs: logsOf(r.block) };
  if (t && "address" in t) m.target = t.address;
  return m;
}

/** The diagnostic settings of the module attached to each resource of `type`, by address. */
export function diagnosticsByAddress(index: TfIndex, type: string): (address: string) => DiagnosticsOf {
  const addresses = new Set(index.ofType(type).map((r) => r.address));
  const byAddress = new Map<string, DiagnosticsOf["settings"]>();
  let unplaced: SourceRange | undefined;
  for (const r of index.ofType(TYPE)) {
    const t = targetOf(r);
    if (!t) {
      unplaced ??= r.block.range;
      continue;
    }
    if (!("address" in t) || !t.address.replace(/^(?:module\.[^.]+\.)*/, "").startsWith(`${type}.`)) continue;
    const entry = { range: r.block.range, logs: logsOf(r.block) };
    for (const a of instancesOf(addresses, t.address)) byAddress.set(a, [...(byAddress.get(a) ?? []), entry]);
  }
  return (address) => {
    const settings = byAddress.get(address) ?? [];
    return unplaced ? { settings, unplaced } : { settings };
  };
}

export const tfDiagnosticMappers = [(index: TfIndex) => index.ofType(TYPE).map(setting)];
