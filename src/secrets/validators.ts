// Checks that a regex cannot express, named from rule data (types.ts SecretValidator).
import type { SecretValidator } from "./types.js";

/** Docker config `auth`: base64 of `user:password`, both printable and non-empty. */
function base64UserPass(secret: string): boolean {
  if (secret.length % 4 === 1) return false;
  const decoded = Buffer.from(secret, "base64").toString("latin1");
  const colon = decoded.indexOf(":");
  if (colon <= 0 || colon >= decoded.length - 1) return false;
  for (let i = 0; i < decoded.length; i++) {
    const c = decoded.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

export const VALIDATORS: Record<SecretValidator, (secret: string) => boolean> = {
  "base64-userpass": base64UserPass,
};
