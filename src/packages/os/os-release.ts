// Which OS a filesystem is: os-release(5) first, then the older per-distribution files. Each file
// is read on its own (the driver offers files one at a time and caches per layer), so this module
// also exports `pickOs`, which the driver calls once with every OsInfo found to choose and complete
// one: Debian testing names its release only in etc/debian_version ("trixie/sid").
import type { Analyzer } from "../../analyzers/types.js";
import type { OsInfo } from "../../artifacts/types.js";
import { isLinkOrDirectory } from "./file-mode.js";
import { osvEcosystem, type OsFacts } from "./os-ecosystem.js";

const MAX_SIZE = 64 * 1024;

type Reader = (text: string) => OsFacts | undefined;

/** `KEY=value` lines with shell-style quoting and `#` comments, as os-release(5) and lsb-release write them. */
export function parseKeyValues(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const eq = line.indexOf("=");
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) continue;
    out.set(key, unquote(line.slice(eq + 1).trim()));
  }
  return out;
}

function unquote(v: string): string {
  const q = v[0];
  if (q === "'") {
    const end = v.indexOf("'", 1);
    return v.slice(1, end < 0 ? undefined : end);
  }
  if (q !== '"') return v;
  let s = "";
  for (let i = 1; i < v.length; i++) {
    const c = v[i];
    if (c === '"') break;
    if (c === "\\" && i + 1 < v.length && '"\\$`'.includes(v[i + 1] ?? "")) {
      s += v[++i];
      continue;
    }
    s += c;
  }
  return s;
}

function facts(id: string | undefined, versionId: string | undefined, extra: Partial<OsFacts>): OsFacts | undefined {
  const family = id?.trim().toLowerCase();
  if (!family) return undefined;
  const f: OsFacts = { id: family, versionId: versionId?.trim() ?? "" };
  for (const [k, v] of Object.entries(extra) as [keyof OsFacts, string | undefined][]) {
    if (v !== undefined && v.trim() !== "") f[k] = v.trim();
  }
  return f;
}

const osRelease: Reader = (text) => {
  const kv = parseKeyValues(text);
  return facts(kv.get("ID"), kv.get("VERSION_ID"), {
    codename: kv.get("VERSION_CODENAME") ?? kv.get("UBUNTU_CODENAME"),
    prettyName: kv.get("PRETTY_NAME"),
    version: kv.get("VERSION"),
  });
};

const lsbRelease: Reader = (text) => {
  const kv = parseKeyValues(text);
  return facts(kv.get("DISTRIB_ID"), kv.get("DISTRIB_RELEASE"), {
    codename: kv.get("DISTRIB_CODENAME"),
    prettyName: kv.get("DISTRIB_DESCRIPTION"),
  });
};

const firstLine = (text: string): string => (text.split("\n", 1)[0] ?? "").trim();

const alpineRelease: Reader = (text) => {
  const v = firstLine(text);
  return /^\d+\.\d+/.test(v) ? facts("alpine", v, {}) : undefined;
};

/** "12.5", or "trixie/sid" on testing and unstable. */
const debianVersion: Reader = (text) => {
  const v = firstLine(text);
  if (/^\d+(\.\d+)*$/.test(v)) return facts("debian", v, {});
  const m = /^([a-z]+)\/sid$/.exec(v);
  return m ? facts("debian", "", { codename: m[1] }) : undefined;
};

// "<name> release <version> (<codename>)" as redhat-release and its relatives write it.
const RELEASE_NAMES: readonly [prefix: string, id: string][] = [
  ["Red Hat Enterprise Linux", "rhel"],
  ["CentOS", "centos"],
  ["Rocky Linux", "rocky"],
  ["AlmaLinux", "almalinux"],
  ["Fedora", "fedora"],
  ["Oracle Linux", "ol"],
  ["Amazon Linux", "amzn"],
];

const redhatRelease: Reader = (text) => {
  const line = firstLine(text);
  const id = RELEASE_NAMES.find(([prefix]) => line.startsWith(prefix))?.[1];
  const m = /\brelease\s+(\d[\w.]*)(?:\s*\(([^)]*)\))?/.exec(line);
  return facts(id, m?.[1], { prettyName: line, codename: m?.[2] });
};

/** Candidate files, most authoritative first: `pickOs` ranks by this order. */
const READERS: readonly [path: string, read: Reader][] = [
  ["etc/os-release", osRelease],
  ["usr/lib/os-release", osRelease],
  ["etc/lsb-release", lsbRelease],
  ["etc/alpine-release", alpineRelease],
  ["etc/redhat-release", redhatRelease],
  ["etc/centos-release", redhatRelease],
  ["etc/rocky-release", redhatRelease],
  ["etc/almalinux-release", redhatRelease],
  ["etc/system-release", redhatRelease],
  ["etc/debian_version", debianVersion],
];

const READER_BY_PATH = new Map(READERS);
const RANK = new Map(READERS.map(([path], i) => [path, i]));

function toOsInfo(f: OsFacts): OsInfo {
  const os: OsInfo = { family: f.id, version: f.versionId };
  if (f.codename !== undefined) os.codename = f.codename;
  if (f.prettyName !== undefined) os.prettyName = f.prettyName;
  const ecosystem = osvEcosystem(f);
  if (ecosystem !== undefined) os.ecosystem = ecosystem;
  return os;
}

/** The OS a file of READERS describes, or undefined when it says nothing usable. */
export function readOsFile(path: string, text: string): OsInfo | undefined {
  const f = READER_BY_PATH.get(path)?.(text);
  return f === undefined ? undefined : toOsInfo(f);
}

/**
 * One OS from every file found: the most authoritative file decides the family, and files of the
 * same family fill in what it leaves out (a version, a codename), which may change the ecosystem.
 */
export function pickOs(found: readonly { path: string; os: OsInfo }[]): OsInfo | undefined {
  const ranked = [...found].sort((a, b) => (RANK.get(a.path) ?? READERS.length) - (RANK.get(b.path) ?? READERS.length));
  const best = ranked[0]?.os;
  if (best === undefined) return undefined;
  const merged: OsFacts = { id: best.family, versionId: best.version };
  if (best.codename !== undefined) merged.codename = best.codename;
  if (best.prettyName !== undefined) merged.prettyName = best.prettyName;
  let completed = false;
  for (const { os } of ranked.slice(1)) {
    if (os.family !== best.family) continue;
    if (merged.versionId === "" && os.version !== "") {
      merged.versionId = os.version;
      completed = true;
    }
    if (merged.codename === undefined && os.codename !== undefined) {
      merged.codename = os.codename;
      completed = true;
    }
  }
  return completed ? toOsInfo(merged) : best;
}

export const osReleaseAnalyzer: Analyzer = {
  name: "os-release",
  version: 1,
  kind: "os",
  // Symbolic links are left out: etc/os-release usually points at usr/lib/os-release, offered too.
  wants: (path, size, mode) => READER_BY_PATH.has(path) && size <= MAX_SIZE && !isLinkOrDirectory(mode),
  async analyze(file) {
    const text = (await file.read(MAX_SIZE)).toString("utf8");
    const os = readOsFile(file.path, text);
    return os === undefined ? undefined : { os };
  },
};
