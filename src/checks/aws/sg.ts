// What a security-group rule opens, as far as the source tells.
import type { SecurityGroup, SgRule, TfValue } from "../../models/aws.js";
import { isKnown, OPEN_CIDRS } from "./util.js";

const ALL_PROTOCOLS = new Set(["-1", "all"]);
const TCP = new Set(["tcp", "6"]);

/** The rule's ranges open to the whole internet. */
export function openCidrs(rule: SgRule): (TfValue<string> & { value: string })[] {
  return rule.cidrs.filter((c): c is TfValue<string> & { value: string } => isKnown(c) && OPEN_CIDRS.has(c.value));
}

/** True when the rule allows every protocol or every TCP/UDP port. */
export function opensAllPorts(rule: SgRule): boolean {
  if (!isKnown(rule.protocol)) return false;
  const proto = rule.protocol.value.toLowerCase();
  if (ALL_PROTOCOLS.has(proto)) return true;
  return isKnown(rule.fromPort) && isKnown(rule.toPort) && rule.fromPort.value <= 0 && rule.toPort.value >= 65535;
}

/** The given TCP ports the rule opens, when protocol and ports are known and not everything is open. */
export function tcpPortsOpened(rule: SgRule, ports: readonly number[]): number[] {
  if (!isKnown(rule.protocol) || !TCP.has(rule.protocol.value.toLowerCase()) || opensAllPorts(rule)) return [];
  if (!isKnown(rule.fromPort) || !isKnown(rule.toPort)) return [];
  const from = rule.fromPort.value;
  const to = rule.toPort.value;
  return ports.filter((p) => p >= from && p <= to);
}

export function ingressRules(g: SecurityGroup): SgRule[] {
  return g.rules.filter((r) => r.direction === "ingress");
}
