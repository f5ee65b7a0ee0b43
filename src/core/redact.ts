// Secrets are never shown or stored in clear: every output and the store get the redacted form.

const KEEP = 4;

/** Keeps a short prefix so a person can tell which credential it was, masks the rest. */
export function redactValue(secret: string): string {
  if (secret.length <= KEEP * 2) return "*".repeat(Math.max(secret.length, 8));
  return `${secret.slice(0, KEEP)}${"*".repeat(Math.min(secret.length - KEEP, 16))}`;
}

/** Replaces every occurrence of each secret in text by its redacted form. */
export function redactIn(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length > 0) out = out.split(s).join(redactValue(s));
  return out;
}
