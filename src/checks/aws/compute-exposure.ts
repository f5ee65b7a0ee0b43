// What an attached security group lets in from the internet, for the cross-resource checks.
import type { SgRule } from "../../models/aws.js";
import type { NetworkAttachment } from "../../models/aws-compute.js";
import { fail } from "../define.js";
import type { Violation } from "../types.js";
import { openCidrs } from "./sg.js";
import { isKnown } from "./util.js";

/** Quiet when the resource is known to have no internet-reachable address. */
export function mayBePublic(m: NetworkAttachment): boolean {
  return !isKnown(m.publicAddress, false);
}

/**
 * One violation per attached group, rule and open range for which `opens` names what is let in
 * (`port 22`, `all ports`), or nothing.
 */
export function exposures(m: NetworkAttachment, opens: (rule: SgRule) => string | undefined): Violation[] {
  if (!mayBePublic(m)) return [];
  const out: Violation[] = [];
  const where = isKnown(m.publicAddress, true) ? "has a public address and " : "";
  for (const g of m.groups) {
    for (const rule of g.rules) {
      if (rule.direction !== "ingress") continue;
      const what = opens(rule);
      if (!what) continue;
      for (const cidr of openCidrs(rule)) {
        out.push(
          fail(g.range, `${m.kind} ${m.address} ${where}is reachable from ${cidr.value} on ${what} through ${g.group}`, {
            key: `${m.address} ${g.group} ${cidr.value} ${what}`,
          }),
        );
      }
    }
  }
  return out;
}
