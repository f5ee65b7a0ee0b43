// The two "administration port open to the internet" checks share one evaluation.
import type { Firewall } from "../../models/gcp.js";
import { fail } from "../define.js";
import type { Violation } from "../types.js";
import { isEnforcedIngress, openSources, tcpPortsOpened } from "./firewall.js";

export function adminPortViolations(f: Firewall, port: number, name: string): Violation[] {
  if (!isEnforcedIngress(f)) return [];
  const sources = openSources(f);
  if (sources.length === 0) return [];
  return f.allow
    .filter((a) => tcpPortsOpened(a, [port]).length > 0)
    .flatMap((a) => sources.map((s) => fail(a, `${f.address} allows ${name} (TCP ${port}) from ${s.value}`, { key: `${f.address} ${port} ${s.value}` })));
}
