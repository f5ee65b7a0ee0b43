// Small readers shared by the Google Cloud checks: known values, metadata switches, members.
import type { Metadata } from "../../models/gcp.js";
import type { Val } from "../../models/value.js";

export type Known<T> = Val<T> & { value: T };

/** True only for a value read from the source (and equal to `want`, when given). */
export function isKnown<T>(v: Val<T> | undefined, want?: T): v is Known<T> {
  return v !== undefined && v.known && v.value !== undefined && (want === undefined || v.value === want);
}

/** A known string equal to one of `values`, ignoring case. */
export function isOneOf(v: Val<string> | undefined, values: readonly string[]): v is Known<string> {
  return isKnown(v) && values.some((x) => x.toLowerCase() === v.value.toLowerCase());
}

export const OPEN_CIDRS: readonly string[] = ["0.0.0.0/0", "::/0"];
export const PUBLIC_MEMBERS: readonly string[] = ["allUsers", "allAuthenticatedUsers"];

/** The known values among `vs` that are public members (`allUsers`, `allAuthenticatedUsers`). */
export function publicMembers<T extends { member: Val<string> }>(vs: readonly T[]): (T & { member: Known<string> })[] {
  return vs.filter((m): m is T & { member: Known<string> } => isKnown(m.member) && PUBLIC_MEMBERS.includes(m.member.value));
}

/** A metadata key: the written value, unknown when the map could not be read, undefined when absent. */
export function metaValue(m: Metadata, key: string): Val<string> | undefined {
  const v = m.items.get(key);
  if (v) return v;
  return m.unreadable ? { value: undefined, known: false, range: m.unreadable } : undefined;
}

const ON = ["true", "1", "yes", "y", "on"];
const OFF = ["false", "0", "no", "n", "off"];

/** A switch as Compute Engine and Cloud SQL read it (`TRUE`, `1`, `on` ...); undefined when it is neither. */
export function parseSwitch(s: string): boolean | undefined {
  const v = s.trim().toLowerCase();
  if (ON.includes(v)) return true;
  if (OFF.includes(v)) return false;
  return undefined;
}

/** A written switch as a boolean value; unknown when it is not known or not a switch. */
export function switchOf(v: Val<string> | undefined): Val<boolean> | undefined {
  if (!v) return undefined;
  const b = v.known && v.value !== undefined ? parseSwitch(v.value) : undefined;
  return b === undefined ? { value: undefined, known: false, range: v.range } : { value: b, known: true, range: v.range };
}

/** A metadata switch (`enable-oslogin`, `serial-port-enable`, ...). */
export function metaSwitch(m: Metadata, key: string): Val<boolean> | undefined {
  return switchOf(metaValue(m, key));
}

/** The Compute Engine and App Engine default service accounts, with or without `serviceAccount:`. */
export function isDefaultServiceAccount(email: string): boolean {
  const e = email.replace(/^serviceAccount:/, "").trim().toLowerCase();
  return e === "default" || /^\d+-compute@developer\.gserviceaccount\.com$/.test(e) || /@appspot\.gserviceaccount\.com$/.test(e);
}
