// How a network ACL treats traffic from the whole internet, in rule-number order.
import type { NaclEntry, NetworkAcl } from "../../models/aws-compute.js";
import { isKnown, OPEN_CIDRS } from "./util.js";

const ALL = new Set(["-1", "all"]);
const TCP = new Set(["tcp", "6"]);

export function allProtocols(e: NaclEntry): boolean {
  return isKnown(e.protocol) && ALL.has(e.protocol.value.toLowerCase());
}

/** Whether the entry applies to TCP `port`; undefined when the source does not tell. */
function covers(e: NaclEntry, port: number): boolean | undefined {
  if (!isKnown(e.protocol)) return undefined;
  const p = e.protocol.value.toLowerCase();
  if (ALL.has(p)) return true;
  if (!TCP.has(p)) return false;
  if (!isKnown(e.fromPort) || !isKnown(e.toPort)) return undefined;
  return e.fromPort.value <= port && port <= e.toPort.value;
}

export function isAllow(e: NaclEntry): boolean {
  return isKnown(e.action) && e.action.value.toLowerCase() === "allow";
}

/** The internet-wide ranges (`0.0.0.0/0`, `::/0`) the entry names. */
export function openRanges(e: NaclEntry): string[] {
  return e.cidrs.filter((c) => isKnown(c) && OPEN_CIDRS.has(c.value)).map((c) => c.value as string);
}

/**
 * The entry that decides TCP `port` from all of `cidr`, when it is an allow; undefined when a deny
 * decides or the order cannot be worked out (unknown rule numbers, protocols, ports or ranges).
 */
export function allowingEntry(acl: NetworkAcl, port: number, cidr: string): NaclEntry | undefined {
  if (!acl.complete) return undefined;
  const ingress = acl.entries.filter((e) => !e.egress);
  if (ingress.some((e) => !isKnown(e.ruleNumber))) return undefined;
  const ordered = [...ingress].sort((a, b) => (a.ruleNumber?.value ?? 0) - (b.ruleNumber?.value ?? 0));
  for (const e of ordered) {
    const applies = covers(e, port);
    if (applies === undefined) return undefined;
    if (!applies) continue;
    if (e.cidrs.some((c) => !c.known)) return undefined;
    if (!openRanges(e).includes(cidr)) continue;
    if (!isKnown(e.action)) return undefined;
    return isAllow(e) ? e : undefined;
  }
  return undefined;
}
