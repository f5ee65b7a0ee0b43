// Credentials written into user data or environment variables, named without their values.
import type { EnvVar } from "../../models/aws-compute.js";
import { scanText } from "../../secrets/index.js";
import { isSecretName } from "../docker/secrets.js";

const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*[:=]\s*(.*?)\s*$/;
const REFERENCE = /\$\{[^}]*\}|\$\([^)]*\)|\$[A-Za-z_][A-Za-z0-9_]*|\{\{[^}]*\}\}/g;
const PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;

/** True when a value is written out, not taken from a variable, a command or a template. */
export function isLiteral(value: string): boolean {
  return value.replace(REFERENCE, "").replace(/["'\s]/g, "") !== "";
}

/** What credentials the text holds (variable names, kinds of keys), never their values. */
export function credentialsIn(text: string): string[] {
  const found = new Set<string>();
  for (const line of text.split("\n")) {
    const m = ASSIGNMENT.exec(line);
    if (m?.[1] && isSecretName(m[1]) && isLiteral(m[2] ?? "")) found.add(m[1]);
  }
  if (PRIVATE_KEY.test(text)) found.add("a private key");
  for (const f of scanText(text, "user-data")) found.add(f.title.replace(/^./, (c) => c.toLowerCase()));
  return [...found];
}

/** Environment variables whose names say credential and whose values are written in the source. */
export function secretEnv(env: readonly EnvVar[] | undefined): (EnvVar & { value: { value: string } })[] {
  return (env ?? []).filter(
    (e): e is EnvVar & { value: { value: string } } => e.value.known && typeof e.value.value === "string" && isSecretName(e.name) && isLiteral(e.value.value),
  );
}
