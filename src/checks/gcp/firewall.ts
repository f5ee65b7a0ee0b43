// What a VPC firewall rule lets in, as far as the source tells.
import type { Firewall, FirewallAllow } from "../../models/gcp.js";
import type { Known } from "./util.js";
import { isKnown, isOneOf, OPEN_CIDRS } from "./util.js";

/** An enforced ingress rule: direction INGRESS (the default) and not disabled, both known. */
export function isEnforcedIngress(f: Firewall): boolean {
  if (f.direction && !isOneOf(f.direction, ["INGRESS"])) return false;
  return !f.disabled || isKnown(f.disabled, false);
}

/** The rule's source ranges open to the whole internet. */
export function openSources(f: Firewall): Known<string>[] {
  return f.sourceRanges.filter((r): r is Known<string> => isKnown(r) && OPEN_CIDRS.includes(r.value.trim()));
}

const ALL = ["all", "-1"];
const PORTED = ["tcp", "udp", "sctp", "6", "17", "132"];
const TCP = ["tcp", "6"];

/** [from, to] of a port entry (`22`, `1000-2000`), or undefined when it is not a known port spec. */
function portRange(p: string): [number, number] | undefined {
  const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(p);
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2] ?? m[1])];
}

/** True when the entry lets in every port: protocol `all`, or a ported protocol with no or all ports. */
export function opensAllPorts(a: FirewallAllow): boolean {
  if (!isKnown(a.protocol)) return false;
  const proto = a.protocol.value.trim().toLowerCase();
  if (ALL.includes(proto)) return true;
  if (!PORTED.includes(proto)) return false;
  if (a.ports.length === 0) return true;
  return a.ports.some((p) => {
    const r = isKnown(p) ? portRange(p.value) : undefined;
    return r !== undefined && r[0] <= 1 && r[1] >= 65535;
  });
}

/** The given TCP ports the entry opens, when it names ports (a rule opening everything is reported apart). */
export function tcpPortsOpened(a: FirewallAllow, ports: readonly number[]): number[] {
  if (!isOneOf(a.protocol, TCP) || opensAllPorts(a)) return [];
  return ports.filter((port) =>
    a.ports.some((p) => {
      const r = isKnown(p) ? portRange(p.value) : undefined;
      return r !== undefined && r[0] <= port && port <= r[1];
    }),
  );
}
