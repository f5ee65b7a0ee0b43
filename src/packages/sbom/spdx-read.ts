// SPDX 2.2 and 2.3 JSON (https://spdx.github.io/spdx-spec/v2.3/) into packages and dependency edges.
// A package is read from its purl external reference. When the document describes exactly one
// package, that package is the subject and not one of the packages (as the CycloneDX root is);
// documents that "describe" many packages list them all as content, and all are read.
import { InputError } from "../../core/errors.js";
import { resolvePurl, type OsHint } from "../purl.js";
import type { Package } from "../types.js";
import { asArray, asObject, asString, asText } from "./parse-json.js";
import { SkipCounter, type SbomContent, type SbomDependency } from "./types.js";

export const SPDX_VERSIONS = ["SPDX-2.2", "SPDX-2.3"];

// Packages with these purposes are not installable packages: without a purl they are skipped silently.
const NOT_PACKAGES = new Set(["APPLICATION", "OPERATING-SYSTEM", "CONTAINER", "FILE", "DEVICE", "FIRMWARE", "ARCHIVE"]);

/** Relationship types that make an edge, and whether the edge runs from the related element back. */
const EDGES: Readonly<Record<string, "forward" | "inverse">> = {
  DEPENDS_ON: "forward",
  CONTAINS: "forward",
  DEPENDENCY_OF: "inverse",
  CONTAINED_BY: "inverse",
};

const NO_VALUE = new Set(["NOASSERTION", "NONE"]);

export function readSpdx(doc: Record<string, unknown>, label: string): SbomContent {
  const specVersion = asString(doc.spdxVersion) ?? "";
  if (!SPDX_VERSIONS.includes(specVersion)) {
    throw new InputError(`${label}: SPDX version ${JSON.stringify(doc.spdxVersion ?? null)} is not supported (SPDX-2.2, SPDX-2.3)`);
  }
  const all = asArray(doc.packages)
    .map(asObject)
    .filter((p): p is Record<string, unknown> => p !== undefined);
  const relationships = asArray(doc.relationships)
    .map(asObject)
    .filter((r): r is Record<string, unknown> => r !== undefined);
  const described = describedIds(doc, relationships);
  const root = described.length === 1 ? all.find((p) => p.SPDXID === described[0]) : undefined;
  const os = osHint(all);
  const skipped = new SkipCounter("package");
  const packages: Package[] = [];
  for (const p of all) {
    if (p === root) continue;
    const pkg = spdxPackage(p, os, skipped);
    if (pkg) packages.push(pkg);
  }
  const content: SbomContent = {
    format: "spdx",
    specVersion: specVersion.slice("SPDX-".length),
    packages,
    dependencies: edges(relationships),
    vex: [],
    warnings: skipped.warnings(),
  };
  const subject = root ? subjectOf(root) : described.length === 1 ? described[0] : undefined;
  if (subject) content.subject = subject;
  return content;
}

function describedIds(doc: Record<string, unknown>, relationships: Record<string, unknown>[]): string[] {
  const ids = asArray(doc.documentDescribes).filter((x): x is string => typeof x === "string");
  const documentId = asText(doc.SPDXID) ?? "SPDXRef-DOCUMENT";
  for (const r of relationships) {
    const related = asText(r.relatedSpdxElement);
    if (r.relationshipType === "DESCRIBES" && r.spdxElementId === documentId && related) ids.push(related);
    if (r.relationshipType === "DESCRIBED_BY" && r.relatedSpdxElement === documentId) {
      const element = asText(r.spdxElementId);
      if (element) ids.push(element);
    }
  }
  return [...new Set(ids)];
}

/** The operating-system package (Trivy writes one), for purls without a `distro` qualifier. */
function osHint(packages: Record<string, unknown>[]): OsHint | undefined {
  const p = packages.find((x) => x.primaryPackagePurpose === "OPERATING-SYSTEM");
  const id = asText(p?.name);
  const version = asText(p?.versionInfo);
  return id && version ? { id: id.toLowerCase(), version } : undefined;
}

function purlOf(p: Record<string, unknown>): string | undefined {
  for (const item of asArray(p.externalRefs)) {
    const ref = asObject(item);
    const category = asString(ref?.referenceCategory);
    // SPDX 2.2 spells the category with an underscore, 2.3 with a hyphen; tools write both.
    if ((category === "PACKAGE-MANAGER" || category === "PACKAGE_MANAGER") && ref?.referenceType === "purl") {
      const locator = asText(ref.referenceLocator);
      if (locator) return locator;
    }
  }
  return undefined;
}

function spdxPackage(p: Record<string, unknown>, os: OsHint | undefined, skipped: SkipCounter): Package | undefined {
  const purl = purlOf(p);
  if (!purl) {
    if (!NOT_PACKAGES.has(asString(p.primaryPackagePurpose) ?? "")) skipped.add("no purl");
    return undefined;
  }
  const resolved = resolvePurl(purl, os);
  if ("problem" in resolved) {
    skipped.add(resolved.problem);
    return undefined;
  }
  const pkg: Package = resolved;
  const license = licenseValue(p.licenseConcluded) ?? licenseValue(p.licenseDeclared);
  if (license) pkg.license = license;
  const ref = asText(p.SPDXID);
  if (ref) pkg.ref = ref;
  return pkg;
}

/** The concluded license where the author concluded one, else the declared one. */
function licenseValue(v: unknown): string | undefined {
  const text = asText(v)?.trim();
  return text && !NO_VALUE.has(text) ? text : undefined;
}

function edges(relationships: Record<string, unknown>[]): SbomDependency[] {
  const byRef = new Map<string, Set<string>>();
  for (const r of relationships) {
    const direction = EDGES[asString(r.relationshipType) ?? ""];
    const a = asText(r.spdxElementId);
    const b = asText(r.relatedSpdxElement);
    if (!direction || !a || !b || NO_VALUE.has(a) || NO_VALUE.has(b)) continue;
    const [from, to] = direction === "forward" ? [a, b] : [b, a];
    let set = byRef.get(from);
    if (!set) byRef.set(from, (set = new Set()));
    set.add(to);
  }
  return [...byRef].map(([ref, to]) => ({ ref, dependsOn: [...to] }));
}

function subjectOf(root: Record<string, unknown>): string | undefined {
  const name = asText(root.name);
  const version = asText(root.versionInfo);
  if (!name) return asText(root.SPDXID);
  return version ? `${name}@${version}` : name;
}
