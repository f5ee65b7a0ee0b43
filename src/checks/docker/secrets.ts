// Which ARG and ENV variables hold credentials, judged by name, and how to show such an
// instruction without its value. Names are split into words (`dbPassword` and `DB_PASSWORD` are
// both DB, PASSWORD) so that TOKENIZERS_PARALLELISM or GPG_KEY (a public fingerprint) stay quiet.
import type { DockerInstruction, DockerVar } from "../../adapters/dockerfile.js";
import { redactIn, redactValue } from "../../core/redact.js";

const SECRET_WORDS = new Set([
  "PASSWORD", "PASSWD", "PASSPHRASE", "PASS", "SECRET", "SECRETS", "TOKEN", "TOKENS", "CREDENTIAL", "CREDENTIALS",
  "APIKEY", "ACCESSKEY", "PRIVATEKEY", "SECRETKEY", "AUTHTOKEN", "ACCESSTOKEN",
]);
const SECRET_PAIRS: readonly (readonly [string, string])[] = [
  ["API", "KEY"], ["ACCESS", "KEY"], ["PRIVATE", "KEY"], ["AUTH", "KEY"], ["ENCRYPTION", "KEY"], ["SIGNING", "KEY"], ["MASTER", "KEY"],
];
// A last word that makes the variable describe a secret rather than hold one (DB_PASSWORD_FILE).
const DESCRIBES_SECRET = new Set([
  "FILE", "PATH", "DIR", "FILENAME", "LOCATION", "URL", "URI", "ENDPOINT", "HOST", "PORT", "NAME", "TYPE", "LENGTH",
  "TTL", "EXPIRY", "EXPIRES", "TIMEOUT", "HEADER", "ENABLED", "REQUIRED", "POLICY", "MIN", "MAX", "VERSION", "ID",
  "USER", "USERNAME", "FORMAT", "MODE", "ALGORITHM", "PREFIX", "COUNT", "SIZE", "RETRIES",
]);

function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((w) => w !== "");
}

export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (last === undefined || DESCRIBES_SECRET.has(last)) return false;
  if (words.some((w) => SECRET_WORDS.has(w))) return true;
  return SECRET_PAIRS.some(([a, b]) => words.some((w, i) => w === a && words[i + 1] === b));
}

const VARIABLE = /\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g;

export type ValueKind = "none" | "variable" | "literal";

/** `none`: no value or an empty one; `variable`: only `$NAME` references; `literal`: a value written in the file. */
export function valueKind(v: DockerVar): ValueKind {
  const value = v.value?.trim() ?? "";
  if (value === "") return "none";
  if (value.startsWith("/run/secrets/")) return "none";
  return value.replace(VARIABLE, "").replace(/["'\s]/g, "") === "" ? "variable" : "literal";
}

/** Variables of the instruction whose names say credential and whose values are written in the file. */
export function literalSecrets(ins: DockerInstruction): (DockerVar & { value: string })[] {
  return (ins.vars ?? []).filter((v): v is DockerVar & { value: string } => isSecretName(v.name) && valueKind(v) === "literal");
}

function synthesized(ins: DockerInstruction, secrets: readonly DockerVar[]): string {
  const parts = (ins.vars ?? []).map((v) => {
    if (secrets.includes(v)) return `${v.name}=${redactValue(v.value ?? "")}`;
    return v.value === undefined ? v.name : `${v.name}=${v.rawValue ?? v.value}`;
  });
  return `${ins.keyword} ${parts.join(" ")}`;
}

// Below this length a substring replacement would also hit unrelated text: rebuild the line instead.
const MIN_REPLACEABLE = 4;

/**
 * The instruction's source with every literal credential value masked. Falls back to a rebuilt
 * `ENV NAME=****` line whenever the value might survive a plain replacement (short values,
 * values split over continuation lines or written with escapes).
 */
export function redactedSource(ins: DockerInstruction): string {
  const secrets = literalSecrets(ins);
  if (secrets.length === 0) return ins.source;
  const risky = secrets.some((s) => s.value.length < MIN_REPLACEABLE || /\s/.test(s.value) || (s.rawValue ?? "").includes("\n"));
  if (risky) return synthesized(ins, secrets);
  const text = redactIn(ins.source, secrets.flatMap((s) => [s.value, ...(s.rawValue !== undefined && s.rawValue !== s.value ? [s.rawValue] : [])]));
  const leaks = secrets.some((s) => text.includes(s.value) || (s.rawValue !== undefined && text.includes(s.rawValue)));
  return leaks ? synthesized(ins, secrets) : text;
}
