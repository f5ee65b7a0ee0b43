// What a Java archive says about itself, best source first: the pom.properties Maven writes into
// META-INF/maven/<groupId>/<artifactId>/ (one per artifact; a shaded jar holds several), then the
// main section of META-INF/MANIFEST.MF, then the file name ("commons-lang3-3.12.0.jar").

import { knownGroupId } from "./java-groups.js";

export interface MavenCoordinates {
  groupId: string;
  artifactId: string;
  version: string;
}

/** META-INF/maven/<group>/<artifact>/pom.properties */
export const POM_PROPERTIES = /^META-INF\/maven\/([^/]+)\/([^/]+)\/pom\.properties$/;

/** Java .properties: `key=value`, `key: value` or `key value`; # and ! comments; backslash continuations and escapes. */
export function parseProperties(text: string): Map<string, string> {
  const props = new Map<string, string>();
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = (lines[i] as string).replace(/^[ \t\f]+/, "");
    if (line === "" || line.startsWith("#") || line.startsWith("!")) continue;
    while (endsWithOddBackslashes(line) && i + 1 < lines.length) line = line.slice(0, -1) + (lines[++i] as string).replace(/^[ \t\f]+/, "");
    const sep = separatorIndex(line);
    const key = unescape(line.slice(0, sep));
    const value = unescape(line.slice(sep).replace(/^[ \t\f]*[=:]?[ \t\f]*/, ""));
    props.set(key, value);
  }
  return props;
}

function endsWithOddBackslashes(line: string): boolean {
  let n = 0;
  for (let i = line.length - 1; i >= 0 && line[i] === "\\"; i--) n++;
  return n % 2 === 1;
}

function separatorIndex(line: string): number {
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "\\") i++;
    else if (c === "=" || c === ":" || c === " " || c === "\t" || c === "\f") return i;
  }
  return line.length;
}

function unescape(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    if (e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ t: "\t", n: "\n", r: "\r", f: "\f" } as Record<string, string>)[e] ?? e;
  });
}

/** Coordinates from pom.properties, with the directory names where a key is missing. */
export function pomCoordinates(props: Map<string, string>, dirGroup: string, dirArtifact: string): MavenCoordinates | undefined {
  const groupId = props.get("groupId")?.trim() || dirGroup;
  const artifactId = props.get("artifactId")?.trim() || dirArtifact;
  const version = props.get("version")?.trim() ?? "";
  if (!MAVEN_ID.test(groupId) || !MAVEN_ID.test(artifactId) || !isVersion(version)) return undefined;
  return { groupId, artifactId, version };
}

/** Maven's own rule for groupId and artifactId. */
const MAVEN_ID = /^[A-Za-z0-9_.-]{1,200}$/;

/** Unresolved Maven properties ("${project.version}"), empty values and prose say nothing. */
function isVersion(v: string): boolean {
  return v.length <= 128 && TOKEN.test(v);
}

/** The main section of a manifest: "Name: value" lines, continuation lines starting with one space. */
export function parseManifest(text: string): Map<string, string> {
  const attrs = new Map<string, string>();
  let last: string | undefined;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line === "") break;
    if (line.startsWith(" ")) {
      if (last !== undefined) attrs.set(last, (attrs.get(last) ?? "") + line.slice(1));
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    attrs.set(last, line.slice(colon + 1).trim());
  }
  return attrs;
}

const TOKEN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const MAX_FILE_NAME = 255;

/** "commons-lang3-3.12.0.jar" → commons-lang3 and 3.12.0: the version starts at the first "-digit". */
export function fileNameCoordinates(fileName: string): { artifactId: string; version?: string } | undefined {
  const base = (fileName.split("/").pop() ?? "").replace(/\.[A-Za-z]+$/, "");
  if (base === "" || base.length > MAX_FILE_NAME) return undefined;
  const m = /^(.+?)-(\d[A-Za-z0-9.+_-]*)$/.exec(base);
  if (m === null) return TOKEN.test(base) ? { artifactId: base } : undefined;
  return { artifactId: m[1] as string, version: m[2] as string };
}

/**
 * Implementation-Vendor-Id values that are an organisation, not a groupId (Apache's parent POMs set
 * "org.apache" for every component).
 */
const VENDOR_PLACEHOLDERS = new Set(["org.apache"]);

/**
 * Coordinates from the manifest and the file name, for archives without pom.properties. The group
 * comes from Implementation-Vendor-Id (Maven's jar plugin writes the groupId there) or from the
 * table of known families; without one there are no Maven coordinates (a Maven purl needs a
 * group), and the archive is not reported rather than reported under a guessed name. (OSGi's
 * Bundle-SymbolicName looks like a group but is a package name: measured on a local Maven
 * repository, "com.sun.jna" for net.java.dev.jna:jna, "org.objectweb.asm" for org.ow2.asm:asm, it
 * was wrong more often than right.)
 */
export function manifestCoordinates(manifest: Map<string, string> | undefined, fileName: string): MavenCoordinates | undefined {
  const fromName = fileNameCoordinates(fileName);
  const m = manifest ?? new Map<string, string>();
  const title = m.get("implementation-title");
  const artifactId = fromName?.artifactId ?? (title !== undefined && TOKEN.test(title) ? title : undefined);
  // The build tool names the file from the coordinates; manifests are hand-kept and lag (commons-beanutils
  // 1.7.0 says 1.6) or add build numbers (Kotlin's "1.9.10-release-459").
  const version = [fromName?.version, m.get("implementation-version"), m.get("bundle-version")].find((v) => v !== undefined && isVersion(v));
  if (artifactId === undefined || version === undefined || !MAVEN_ID.test(artifactId)) return undefined;
  const vendorId = m.get("implementation-vendor-id");
  const groupId = [vendorId !== undefined && !VENDOR_PLACEHOLDERS.has(vendorId) ? vendorId : undefined, knownGroupId(artifactId)].find(
    (g) => g !== undefined && MAVEN_ID.test(g),
  );
  return groupId === undefined ? undefined : { groupId, artifactId, version };
}

export function mavenName(c: MavenCoordinates): string {
  return `${c.groupId}:${c.artifactId}`;
}
