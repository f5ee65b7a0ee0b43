// Registry credentials and challenges: Docker's config.json, and the WWW-Authenticate header that
// a registry answers 401 with (Bearer token service or Basic).
import { spawnSync } from "node:child_process";
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
 * else ~/.docker/config.json), asking the credential helper it names (`credHelpers`, `credsStore`)
 * as Docker does: `docker-credential-<name> get`, found on PATH.
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
  return helper === undefined ? undefined : fromHelper(helper, registry, file, warn, env);
}

const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const HELPER_TIMEOUT_MS = 15_000;

/**
 * Runs `docker-credential-<helper> get` with the registry on standard input, as the Docker CLI
 * does. The helper is the user's own configuration, not scanned content; its name may not hold a
 * path. A helper that has nothing for this registry (or fails) means anonymous access, with a warning.
 */
function fromHelper(helper: string, registry: string, file: string, warn: (message: string) => void, env: NodeJS.ProcessEnv): Credentials | undefined {
  const program = `docker-credential-${helper}`;
  if (!HELPER_NAME.test(helper)) throw new InputError(`${file}: credential helper name ${JSON.stringify(helper.slice(0, 80))} is not a plain program name`);
  const server = registry === "docker.io" ? "https://index.docker.io/v1/" : registry;
  const run = spawnSync(program, ["get"], { input: server, env, timeout: HELPER_TIMEOUT_MS, maxBuffer: 1 << 16, encoding: "utf8" });
  // A helper that exits before reading its input leaves an EPIPE behind; only its exit status counts.
  const code = (run.error as NodeJS.ErrnoException | undefined)?.code;
  if (run.status !== 0 || (code !== undefined && code !== "EPIPE")) {
    const said = `${run.stdout ?? ""} ${run.stderr ?? ""}`.trim().split("\n")[0]?.slice(0, 200);
    const why = code === "ENOENT" ? "is not on PATH" : code === "ETIMEDOUT" ? "did not answer in time" : `failed${said ? `: ${said}` : ""}`;
    warn(`${file}: credential helper ${program} ${why}; pulling ${registry} anonymously`);
    return undefined;
  }
  const out = run.stdout;
  let answer: unknown;
  try {
    answer = JSON.parse(out);
  } catch {
    warn(`${file}: credential helper ${program} did not answer with JSON; pulling ${registry} anonymously`);
    return undefined;
  }
  const a = answer as { Username?: unknown; Secret?: unknown };
  if (typeof a.Username !== "string" || typeof a.Secret !== "string" || a.Secret === "") {
    warn(`${file}: credential helper ${program} gave no username and secret for ${registry}; pulling anonymously`);
    return undefined;
  }
  return { username: a.Username, password: a.Secret, source: program };
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
