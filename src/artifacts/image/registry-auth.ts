// Registry credentials and challenges: Docker's config.json, and the WWW-Authenticate header that
// a registry answers 401 with (Bearer token service or Basic).
import { readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { InputError, describeFsError } from "../../core/errors.js";

export interface Credentials {
  username: string;
  password: string;
  /** Where they came from, for messages: "--username" or a config file path. */
  source: string;
}

export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

const maxConfigBytes = 1 << 20;
const dockerHubKeys = new Set(["docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"]);

/**
 * Credentials for `registry`: the given username and password first, else Docker's config.json
 * (`dockerConfig`, a file or a directory holding config.json; else `$DOCKER_CONFIG/config.json`,
 * else ~/.docker/config.json). Credential helpers are not run: running a program named by a
 * config file is out of scope, so they only produce a warning.
 */
export function findCredentials(
  registry: string,
  given: { username?: string; password?: string },
  warn: (message: string) => void,
  dockerConfig?: string,
  env: NodeJS.ProcessEnv = process.env,
): Credentials | undefined {
  if (given.username !== undefined || given.password !== undefined) {
    if (given.username === undefined || given.password === undefined) throw new InputError("--username and --password go together: give both");
    return { username: given.username, password: given.password, source: "--username/--password" };
  }
  const file = configFile(dockerConfig, env);
  let text: string;
  try {
    const buf = readFileSync(file);
    if (buf.length > maxConfigBytes) throw new InputError(`${file}: larger than ${maxConfigBytes} bytes`);
    text = buf.toString("utf8");
  } catch (e) {
    if (e instanceof InputError) throw e;
    // No Docker config means anonymous, unless the user named one.
    if (dockerConfig !== undefined) throw new InputError(`--docker-config ${describeFsError(file, e)}`);
    return undefined;
  }
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (typeof config !== "object" || config === null) return undefined;
  const c = config as { auths?: unknown; credsStore?: unknown; credHelpers?: unknown };

  const entry = findAuthEntry(c.auths, registry);
  if (entry !== undefined) {
    const creds = decodeAuthEntry(entry, file, registry);
    if (creds !== undefined) return creds;
  }
  const helper = helperFor(c, registry);
  if (helper !== undefined) {
    warn(`${file}: credentials for ${registry} are kept by the credential helper "docker-credential-${helper}", which Mamori does not run; give --username and --password instead`);
  }
  return undefined;
}

function configFile(given: string | undefined, env: NodeJS.ProcessEnv): string {
  if (given !== undefined) return statSync(given, { throwIfNoEntry: false })?.isDirectory() === true ? join(given, "config.json") : given;
  return join(env.DOCKER_CONFIG ?? join(homedir(), ".docker"), "config.json");
}

function findAuthEntry(auths: unknown, registry: string): Record<string, unknown> | undefined {
  if (typeof auths !== "object" || auths === null) return undefined;
  const want = registry.toLowerCase();
  for (const [key, value] of Object.entries(auths as Record<string, unknown>)) {
    if (typeof value !== "object" || value === null) continue;
    // Keys are written as "host", "https://host" or "https://index.docker.io/v1/".
    const host = key.toLowerCase().replace(/^[a-z]+:\/\//, "").replace(/\/.*$/, "");
    if (host === want || (want === "docker.io" && dockerHubKeys.has(host))) return value as Record<string, unknown>;
  }
  return undefined;
}

function decodeAuthEntry(entry: Record<string, unknown>, file: string, registry: string): Credentials | undefined {
  if (typeof entry.auth === "string" && entry.auth !== "") {
    const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon <= 0) throw new InputError(`${file}: auths entry for ${registry} is not base64 of "user:password"`);
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1), source: file };
  }
  if (typeof entry.username === "string" && typeof entry.password === "string") {
    return { username: entry.username, password: entry.password, source: file };
  }
  return undefined;
}

function helperFor(c: { credsStore?: unknown; credHelpers?: unknown }, registry: string): string | undefined {
  if (typeof c.credHelpers === "object" && c.credHelpers !== null) {
    const helpers = c.credHelpers as Record<string, unknown>;
    const h = helpers[registry] ?? (registry === "docker.io" ? helpers["https://index.docker.io/v1/"] : undefined);
    if (typeof h === "string") return h;
  }
  return typeof c.credsStore === "string" && c.credsStore !== "" ? c.credsStore : undefined;
}

export function basicAuthorization(c: Credentials): string {
  return `Basic ${Buffer.from(`${c.username}:${c.password}`, "utf8").toString("base64")}`;
}

/**
 * Parses the first challenge of a WWW-Authenticate header: `Bearer realm="...",service="...",scope="..."`.
 * Linear scan, no regex backtracking over attacker-chosen text.
 */
export function parseChallenge(header: string): Challenge | undefined {
  const s = header.slice(0, 8192);
  let i = 0;
  const skipSpace = (): void => {
    while (i < s.length && (s[i] === " " || s[i] === "\t")) i++;
  };
  skipSpace();
  const schemeStart = i;
  while (i < s.length && /[A-Za-z0-9_-]/.test(s[i]!)) i++;
  const scheme = s.slice(schemeStart, i).toLowerCase();
  if (scheme === "") return undefined;
  const params: Record<string, string> = {};
  for (;;) {
    skipSpace();
    if (i < s.length && s[i] === ",") i++;
    skipSpace();
    const keyStart = i;
    while (i < s.length && /[A-Za-z0-9_.-]/.test(s[i]!)) i++;
    const key = s.slice(keyStart, i).toLowerCase();
    skipSpace();
    if (key === "" || s[i] !== "=") break;
    i++;
    skipSpace();
    let value = "";
    if (s[i] === '"') {
      i++;
      while (i < s.length && s[i] !== '"') {
        if (s[i] === "\\" && i + 1 < s.length) i++;
        value += s[i];
        i++;
      }
      i++;
    } else {
      const valueStart = i;
      while (i < s.length && s[i] !== "," && s[i] !== " ") i++;
      value = s.slice(valueStart, i);
    }
    params[key] = value;
  }
  return { scheme, params };
}
