// Reading role grants at project, folder and organization level.
import type { IamGrant } from "../../models/gcp.js";
import { fail } from "../define.js";
import type { Violation } from "../types.js";
import type { Known } from "./util.js";
import { isKnown } from "./util.js";

/** The grant's role when known. */
export function roleOf(g: IamGrant): string | undefined {
  return isKnown(g.role) ? g.role.value.trim() : undefined;
}

/** The grant's known members that satisfy `pick`. */
export function membersWhere(g: IamGrant, pick: (member: string) => boolean): Known<string>[] {
  return g.members.filter((m): m is Known<string> => isKnown(m) && pick(m.value.trim()));
}

/** One violation per member, at the member's line. */
export function perMember(g: IamGrant, members: readonly Known<string>[], what: (m: string) => string, tag: string): Violation[] {
  return members.map((m) => fail(m, `${g.address} ${what(m.value)}`, { key: `${g.address} ${tag} ${m.value}` }));
}

export const IAM_FIX_MEMBER = 'resource "google_project_iam_member" "deployer" {\n  project = "acme-app"\n  role    = "roles/run.developer"\n  member  = "group:deployers@example.com"\n}';
