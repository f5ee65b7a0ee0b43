// CycloneDX JSON 1.4–1.6 (https://cyclonedx.org/docs/1.6/json/) into packages, dependency edges and
// embedded VEX. The root component (metadata.component) is the SBOM's subject, not one of its
// packages: matching an application's own name against public advisories gives false positives
// (a private `pkg:npm/app` is not the public `app`), so it is excluded; its nested components are read.
import { InputError } from "../../core/errors.js";
import { resolvePurl, type OsHint } from "../purl.js";
import type { Package } from "../types.js";
import { cycloneDxVexStatements } from "./cyclonedx-vex.js";
import { asArray, asObject, asString, asText } from "./parse-json.js";
import { joinLicenses, SkipCounter, type SbomContent, type SbomDependency } from "./types.js";

export const CYCLONEDX_VERSIONS = ["1.4", "1.5", "1.6"];
/** Components nest (assemblies); deeper than this is no honest SBOM and would exhaust the stack. */
export const MAX_COMPONENT_DEPTH = 64;

// Components of these types are not packages: without a purl they are skipped without a warning.
const NOT_PACKAGES = new Set([
  "application", "container", "operating-system", "platform", "device", "device-driver", "firmware", "file",
  "data", "machine-learning-model", "cryptographic-asset",
]);

// Where SBOM tools record the file a component was found in.
const PATH_PROPERTIES = ["mamori:path", "aquasecurity:trivy:FilePath", "syft:location:0:path"];

export function readCycloneDx(doc: Record<string, unknown>, label: string): SbomContent {
  const specVersion = asString(doc.specVersion) ?? "";
  if (!CYCLONEDX_VERSIONS.includes(specVersion)) {
    throw new InputError(`${label}: CycloneDX spec version ${JSON.stringify(doc.specVersion ?? null)} is not supported (1.4–1.6)`);
  }
  const root = asObject(asObject(doc.metadata)?.component);
  const components = collectComponents(doc, root);
  const os = osHint(components.list);
  const skipped = new SkipCounter("component");
  const packages: Package[] = [];
  for (const c of components.list) {
    const pkg = componentPackage(c, os, skipped);
    if (pkg) packages.push(pkg);
  }
  const refToPurl = new Map<string, string>();
  for (const c of root ? [root, ...components.list] : components.list) {
    const ref = asText(c["bom-ref"]);
    const purl = asText(c.purl);
    if (ref && purl) refToPurl.set(ref, purl);
  }
  const warnings = skipped.warnings();
  if (components.tooDeep) warnings.push(`components nested deeper than ${MAX_COMPONENT_DEPTH} levels were not read`);
  const content: SbomContent = {
    format: "cyclonedx",
    specVersion,
    packages,
    dependencies: dependencies(doc.dependencies),
    vex: cycloneDxVexStatements(doc, refToPurl, label),
    warnings,
  };
  const subject = root ? subjectOf(root) : undefined;
  if (subject) content.subject = subject;
  return content;
}

function collectComponents(doc: Record<string, unknown>, root: Record<string, unknown> | undefined) {
  const list: Record<string, unknown>[] = [];
  let tooDeep = false;
  const walk = (value: unknown, depth: number): void => {
    for (const item of asArray(value)) {
      const c = asObject(item);
      if (!c) continue;
      list.push(c);
      if (c.components === undefined) continue;
      if (depth >= MAX_COMPONENT_DEPTH) tooDeep = true;
      else walk(c.components, depth + 1);
    }
  };
  if (root) walk(root.components, 1);
  walk(doc.components, 1);
  return { list, tooDeep };
}

/** The operating-system component (Trivy, Syft), for purls without a `distro` qualifier. */
function osHint(components: Record<string, unknown>[]): OsHint | undefined {
  const c = components.find((x) => x.type === "operating-system");
  const id = asText(c?.name);
  const version = asText(c?.version);
  return id && version ? { id: id.toLowerCase(), version } : undefined;
}

function componentPackage(c: Record<string, unknown>, os: OsHint | undefined, skipped: SkipCounter): Package | undefined {
  const purl = asText(c.purl);
  if (!purl) {
    if (!NOT_PACKAGES.has(asString(c.type) ?? "")) skipped.add("no purl");
    return undefined;
  }
  const resolved = resolvePurl(purl, os);
  if ("problem" in resolved) {
    skipped.add(resolved.problem);
    return undefined;
  }
  const pkg: Package = resolved;
  const license = joinLicenses(licenses(c.licenses));
  if (license) pkg.license = license;
  const ref = asText(c["bom-ref"]);
  if (ref) pkg.ref = ref;
  const path = property(c, PATH_PROPERTIES);
  if (path) pkg.path = path;
  return pkg;
}

function licenses(value: unknown): string[] {
  const out: string[] = [];
  for (const item of asArray(value)) {
    const entry = asObject(item);
    const license = asObject(entry?.license);
    const text = asText(entry?.expression) ?? asText(license?.id) ?? asText(license?.name);
    if (text) out.push(text.trim());
  }
  return out;
}

function property(c: Record<string, unknown>, names: string[]): string | undefined {
  for (const item of asArray(c.properties)) {
    const p = asObject(item);
    if (p && names.includes(asString(p.name) ?? "")) {
      const value = asText(p.value);
      if (value) return value;
    }
  }
  return undefined;
}

function dependencies(value: unknown): SbomDependency[] {
  const out: SbomDependency[] = [];
  for (const item of asArray(value)) {
    const d = asObject(item);
    const ref = asText(d?.ref);
    if (!d || !ref) continue;
    const dependsOn = asArray(d.dependsOn).filter((x): x is string => typeof x === "string" && x !== "");
    out.push({ ref, dependsOn });
  }
  return out;
}

function subjectOf(root: Record<string, unknown>): string | undefined {
  const name = asText(root.name);
  const version = asText(root.version);
  if (!name) return asText(root.purl) ?? asText(root["bom-ref"]);
  return version ? `${name}@${version}` : name;
}
