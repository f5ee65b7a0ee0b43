// What a network security rule lets in from the internet, as far as the source tells.
import type { NetworkSecurityRule } from "../../models/azure.js";
import type { Val } from "../../models/value.js";
import { isKnown, isWord } from "./util.js";

/** Source prefixes that stand for any address: Azure's `*`, `Internet` and `Any` tags and the whole IPv4/IPv6 space. */
const ANYWHERE = new Set(["*", "internet", "any", "0.0.0.0", "0.0.0.0/0", "::/0"]);

/** The rule's sources that are the whole internet, when the rule allows inbound traffic. */
export function internetSources(rule: NetworkSecurityRule): (Val<string> & { value: string })[] {
  if (!isWord(rule.direction, "Inbound") || !isWord(rule.access, "Allow")) return [];
  return rule.sources.filter((s): s is Val<string> & { value: string } => isKnown(s) && ANYWHERE.has(s.value.trim().toLowerCase()));
}

/** Whether the rule's protocol is `want` (`Tcp`, `Udp`) or any protocol. */
export function carries(rule: NetworkSecurityRule, want: string): boolean {
  return isWord(rule.protocol, "*", want);
}

function span(port: string): [number, number] | undefined {
  const p = port.trim();
  if (p === "*") return [0, 65535];
  const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(p);
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2] ?? m[1])];
}

/** Whether the known destination ports include `port`. */
export function opensPort(rule: NetworkSecurityRule, port: number): boolean {
  return rule.ports.some((p) => {
    const s = isKnown(p) ? span(p.value) : undefined;
    return s !== undefined && s[0] <= port && port <= s[1];
  });
}

/** Whether the known destination ports cover every port. */
export function opensAllPorts(rule: NetworkSecurityRule): boolean {
  return rule.ports.some((p) => {
    const s = isKnown(p) ? span(p.value) : undefined;
    return s !== undefined && s[0] <= 1 && s[1] >= 65535;
  });
}

/** How findings name a rule: its name and, when known, its group. */
export function ruleName(rule: NetworkSecurityRule): string {
  const name = isKnown(rule.name) ? rule.name.value : rule.address;
  return rule.group ? `rule ${name} of ${rule.group}` : `rule ${name} (${rule.address})`;
}
