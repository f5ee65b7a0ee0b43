// Image references as Docker writes them: [host[:port]/]path[:tag][@digest], with Docker Hub as
// the default registry and "library/" as its default namespace.
import { InputError } from "../../core/errors.js";

export interface RegistryRef {
  /** Host (and port) as the user wrote it, normalized: "docker.io", "127.0.0.1:5000", "[::1]:5000". */
  registry: string;
  /** Where the API lives: "registry-1.docker.io" for Docker Hub, else `registry`. */
  apiHost: string;
  /** Host name without port or brackets: "127.0.0.1", "::1". */
  hostname: string;
  repository: string;
  tag?: string;
  digest?: string;
  /** The fully qualified reference, for messages. */
  display: string;
}

const dockerHub = "docker.io";
const dockerHubAliases = new Set(["docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"]);
// Path components of a repository name, as the distribution spec defines them.
const component = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const tagPattern = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const digestPatterns: Record<string, RegExp> = { sha256: /^[a-f0-9]{64}$/, sha512: /^[a-f0-9]{128}$/ };
const hostPattern = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$/;
const maxRefLength = 512;

export function parseReference(input: string): RegistryRef {
  const ref = input.trim();
  const bad = (why: string): InputError => new InputError(`${input}: not an image reference: ${why}`);
  if (ref === "") throw bad("it is empty");
  if (ref.length > maxRefLength) throw bad(`longer than ${maxRefLength} characters`);
  if (/[\s\\]/.test(ref) || ref.includes("://")) throw bad("write it as [host[:port]/]name[:tag][@sha256:digest]");

  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    const [algo = "", hex = ""] = digest.split(":", 2);
    const pattern = digestPatterns[algo];
    if (pattern === undefined || !pattern.test(hex) || digest !== `${algo}:${hex}`) throw bad(`bad digest "${digest}" (want sha256:<64 hex digits>)`);
  }

  // The first component names a registry when it looks like a host: it has a dot or a port, or is localhost.
  let registry = dockerHub;
  const slash = rest.indexOf("/");
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes(".") || first.includes(":") || first === "localhost" || first.startsWith("[")) {
      if (!hostPattern.test(first)) throw bad(`bad registry host "${first}"`);
      registry = first.toLowerCase();
      rest = rest.slice(slash + 1);
    }
  }

  let tag: string | undefined;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!tagPattern.test(tag)) throw bad(`bad tag "${tag}"`);
  }

  if (dockerHubAliases.has(registry)) {
    registry = dockerHub;
    if (!rest.includes("/")) rest = `library/${rest}`;
  }
  if (rest === "" || !rest.split("/").every((c) => component.test(c))) {
    throw bad(`bad repository name "${rest}" (lower-case letters, digits and . _ - separators)`);
  }
  if (rest.length > 255) throw bad("repository name longer than 255 characters");
  if (tag === undefined && digest === undefined) tag = "latest";

  const port = /:(\d+)$/.exec(registry);
  if (port !== null && Number(port[1]) > 65535) throw bad(`bad port in "${registry}"`);
  const hostname = registry.replace(/:\d+$/, "").replace(/^\[(.*)\]$/, "$1");
  const display = `${registry}/${rest}${tag !== undefined ? `:${tag}` : ""}${digest !== undefined ? `@${digest}` : ""}`;
  return {
    registry,
    apiHost: registry === dockerHub ? "registry-1.docker.io" : registry,
    hostname,
    repository: rest,
    ...(tag !== undefined ? { tag } : {}),
    ...(digest !== undefined ? { digest } : {}),
    display,
  };
}

/** Loopback hosts: the only ones that may be reached over plain HTTP. */
export function isLoopback(hostname: string): boolean {
  const h = hostname.toLowerCase();
  if (h === "localhost" || h === "::1" || h === "0:0:0:0:0:0:0:1") return true;
  const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return v4 !== null && v4.slice(1).every((n) => Number(n) <= 255);
}
