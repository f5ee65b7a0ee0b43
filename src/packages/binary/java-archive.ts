// Java archives (jar, war, ear and kin) and the archives nested in them (WEB-INF/lib, BOOT-INF/lib,
// an ear's lib/), read in memory to a bounded depth. Each archive yields its Maven packages (see
// java-metadata.ts); the package the archive itself is carries the archive's SHA-1 as
// `ref: "sha1:<hex>"`, the identity Maven Central's search and other scanners key jars by. Paths
// of nested archives read "app.war!/WEB-INF/lib/x.jar".
import { createHash } from "node:crypto";
import type { Entry, ZipFile } from "yauzl";
import type { Analyzer, AnalyzerOutput } from "../../analyzers/types.js";
import type { FileEntry } from "../../artifacts/types.js";
import { isInputError } from "../../core/errors.js";
import type { Package } from "../types.js";
import {
  POM_PROPERTIES,
  fileNameCoordinates,
  manifestCoordinates,
  mavenName,
  parseManifest,
  parseProperties,
  pomCoordinates,
  type MavenCoordinates,
} from "./java-metadata.js";
import { packageIn } from "./located.js";
import { MAX_ARCHIVE_BYTES, isJavaArchiveName, wantsJavaArchive } from "./wants.js";
import { EntrySkipped, entryName, openZipBuffer, readZipEntry, zipEntries, type ByteBudget, type ReadBounds } from "./zip-buffer.js";

const MB = 1024 * 1024;

export interface JavaArchiveLimits {
  /** Archives inside archives, below the scanned file. */
  maxDepth: number;
  /** Entries listed per archive tree. */
  maxEntries: number;
  /** Nested archives opened per archive tree. */
  maxArchives: number;
  /** Uncompressed bytes read per archive tree (nested archives and metadata). */
  maxTotalBytes: number;
  nested: ReadBounds;
  metadata: ReadBounds;
}

export const DEFAULT_JAVA_LIMITS: JavaArchiveLimits = {
  maxDepth: 4,
  maxEntries: 500_000,
  maxArchives: 5_000,
  maxTotalBytes: 256 * MB,
  // Nested jars are stored or hold compressed classes: a high ratio means a bomb, not a jar.
  nested: { maxBytes: 64 * MB, maxRatio: 100, ratioMinBytes: MB },
  metadata: { maxBytes: MB, maxRatio: 1000, ratioMinBytes: 64 * 1024 },
};

interface Walk {
  file: FileEntry;
  limits: JavaArchiveLimits;
  budget: ByteBudget;
  entriesLeft: number;
  archivesLeft: number;
  /** SHA-1s of the archives being read: an archive that contains itself is read once. */
  open: Set<string>;
  warnings: string[];
  /** Bounds already warned about: one warning each per file. */
  warned: Set<string>;
  packages: Package[];
}

export async function javaArchivePackages(file: FileEntry, buf: Buffer, limits: JavaArchiveLimits = DEFAULT_JAVA_LIMITS): Promise<AnalyzerOutput> {
  const walk: Walk = {
    file,
    limits,
    budget: { left: limits.maxTotalBytes },
    entriesLeft: limits.maxEntries,
    archivesLeft: limits.maxArchives,
    open: new Set(),
    warnings: [],
    warned: new Set(),
    packages: [],
  };
  // The scanned file itself must be a zip (an InputError otherwise); nested ones only warn.
  await readArchive(walk, buf, file.path, 0);
  const out: AnalyzerOutput = { packages: walk.packages };
  if (walk.warnings.length > 0) out.warnings = walk.warnings;
  return out;
}

async function readArchive(walk: Walk, buf: Buffer, label: string, depth: number): Promise<void> {
  const sha1 = createHash("sha1").update(buf).digest("hex");
  if (walk.open.has(sha1)) {
    walk.warnings.push(`${label}: skipped: the archive contains itself`);
    return;
  }
  const zip = await openZipBuffer(buf, label);
  walk.open.add(sha1);
  try {
    const poms: MavenCoordinates[] = [];
    let manifest: Map<string, string> | undefined;
    const nested: { entry: Entry; name: string }[] = [];
    for await (const entry of zipEntries(zip, label)) {
      if (walk.entriesLeft-- <= 0) {
        warnOnce(walk, "entries", `${label}: more than ${walk.limits.maxEntries} entries in the archive tree; the rest are not read`);
        break;
      }
      const name = entryName(entry);
      if (name.endsWith("/")) continue;
      const pom = POM_PROPERTIES.exec(name);
      if (pom !== null) {
        const text = await readMetadata(walk, zip, entry, `${label}!/${name}`);
        const coordinates = text === undefined ? undefined : pomCoordinates(parseProperties(text), pom[1] as string, pom[2] as string);
        if (coordinates !== undefined) poms.push(coordinates);
      } else if (name.toUpperCase() === "META-INF/MANIFEST.MF") {
        const text = await readMetadata(walk, zip, entry, `${label}!/${name}`);
        if (text !== undefined) manifest = parseManifest(text);
      } else if (isJavaArchiveName(name)) {
        nested.push({ entry, name });
      }
    }
    addOwnPackages(walk, label, sha1, poms, manifest);
    for (const { entry, name } of nested) await readNested(walk, zip, entry, `${label}!/${name}`, depth + 1);
  } finally {
    walk.open.delete(sha1);
    zip.close();
  }
}

/**
 * Every pom.properties is a package (a shaded jar holds its dependencies' too). The archive's own
 * artifact, which gets the SHA-1 identity, is the pom.properties named like the file; else what
 * the manifest and file name say; else the only pom.properties there is.
 */
function addOwnPackages(walk: Walk, label: string, sha1: string, poms: MavenCoordinates[], manifest: Map<string, string> | undefined): void {
  const fileName = label.slice(label.lastIndexOf("/") + 1);
  const fileArtifact = fileNameCoordinates(fileName)?.artifactId;
  let own = poms.find((c) => c.artifactId === fileArtifact);
  const coordinates = [...poms];
  if (own === undefined) {
    own = manifestCoordinates(manifest, fileName);
    if (own !== undefined) coordinates.push(own);
    else if (poms.length === 1) own = poms[0];
  }
  const seen = new Map<string, Package>();
  for (const c of coordinates) {
    const name = mavenName(c);
    const pkg = seen.get(`${name}@${c.version}`) ?? packageIn(walk.file, { name, version: c.version, ecosystem: "Maven" }, label);
    if (c === own) pkg.ref = `sha1:${sha1}`;
    if (seen.has(`${name}@${c.version}`)) continue;
    seen.set(`${name}@${c.version}`, pkg);
    walk.packages.push(pkg);
  }
}

async function readMetadata(walk: Walk, zip: ZipFile, entry: Entry, label: string): Promise<string | undefined> {
  try {
    return (await readZipEntry(zip, entry, walk.limits.metadata, walk.budget)).toString("utf8");
  } catch (e) {
    if (!(e instanceof EntrySkipped)) throw e;
    walk.warnings.push(`${label}: skipped: ${e.message}`);
    return undefined;
  }
}

async function readNested(walk: Walk, zip: ZipFile, entry: Entry, label: string, depth: number): Promise<void> {
  if (depth > walk.limits.maxDepth) {
    walk.warnings.push(`${label}: skipped: nested more than ${walk.limits.maxDepth} archives deep`);
    return;
  }
  if (walk.archivesLeft-- <= 0) {
    warnOnce(walk, "archives", `${label}: more than ${walk.limits.maxArchives} nested archives; the rest are not read`);
    return;
  }
  let buf: Buffer;
  try {
    buf = await readZipEntry(zip, entry, walk.limits.nested, walk.budget);
  } catch (e) {
    if (!(e instanceof EntrySkipped)) throw e;
    walk.warnings.push(`${label}: skipped: ${e.message}`);
    return;
  }
  try {
    await readArchive(walk, buf, label, depth);
  } catch (e) {
    // A damaged inner archive is the inner archive's problem; the outer one is still reported.
    if (!isInputError(e)) throw e;
    walk.warnings.push(e.message.startsWith(`${label}: `) ? e.message : `${label}: ${e.message}`);
  }
}

function warnOnce(walk: Walk, bound: string, message: string): void {
  if (walk.warned.has(bound)) return;
  walk.warned.add(bound);
  walk.warnings.push(message);
}

export const javaArchiveAnalyzer: Analyzer = {
  name: "java-archive",
  version: 1,
  kind: "packages",
  wants: (path, size) => wantsJavaArchive(path, size),
  async analyze(file) {
    return javaArchivePackages(file, await file.read(MAX_ARCHIVE_BYTES));
  },
};
