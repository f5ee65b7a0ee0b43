// Reading Azure model values in checks: only what is known counts.
import type { Val } from "../../models/value.js";

/** True only for a value read from the source (or a certain default) and equal to `want`. */
export function isKnown<T>(v: Val<T> | undefined, want?: T): v is Val<T> & { value: T } {
  return v !== undefined && v.known && v.value !== undefined && (want === undefined || v.value === want);
}

/** A known string equal to `want`, ignoring case (Azure's enumerations are case-insensitive). */
export function isWord(v: Val<string> | undefined, ...want: string[]): v is Val<string> & { value: string } {
  return isKnown(v) && want.some((w) => w.toLowerCase() === v.value.toLowerCase());
}

/**
 * Whether a minimum TLS setting lets clients use a version older than 1.2: `TLS1_0`, `1.1`,
 * `TLSEnforcementDisabled`, `Disabled`. Undefined for a value not recognised.
 */
export function tlsBelow12(setting: string): boolean | undefined {
  if (/disabled|^none$/i.test(setting)) return true;
  const m = /(\d)[._](\d)/.exec(setting);
  if (!m) return undefined;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  return major < 1 || (major === 1 && minor < 2);
}

/** A firewall range from `start` to `end` that covers every IPv4 address, or all of Azure (0.0.0.0 to 0.0.0.0). */
export function firewallSpan(start: string, end: string): "internet" | "azure" | undefined {
  if (start !== "0.0.0.0") return undefined;
  if (end === "0.0.0.0") return "azure";
  return end === "255.255.255.255" ? "internet" : undefined;
}
