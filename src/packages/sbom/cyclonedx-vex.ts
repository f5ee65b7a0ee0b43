// CycloneDX VEX (https://cyclonedx.org/capabilities/vex/): `vulnerabilities[]` entries that carry an
// `analysis`, standalone or inside a BOM. An entry without an analysis is a scanner's finding, not a
// statement, and is left out. `affects[].ref` is a bom-ref of this document, a BOM-Link
// (`urn:cdx:<serial>/<version>#<bom-ref>`) into the SBOM the VEX was written for, or a purl.
import type { VexStatement, VexStatus } from "../../vulndb/vex.js";
import { purlIdentity, purlWithVersion } from "../purl.js";
import { asArray, asObject, asString, asText } from "./parse-json.js";

const STATES: Readonly<Record<string, VexStatus>> = {
  not_affected: "not_affected",
  false_positive: "not_affected",
  resolved: "fixed",
  resolved_with_pedigree: "fixed",
  exploitable: "affected",
  in_triage: "under_investigation",
};

export function cycloneDxVexStatements(doc: Record<string, unknown>, refToPurl: Map<string, string>, label: string): VexStatement[] {
  const documentTime = asText(asObject(doc.metadata)?.timestamp);
  const statements: VexStatement[] = [];
  for (const item of asArray(doc.vulnerabilities)) {
    const v = asObject(item);
    const id = asText(v?.id);
    const analysis = asObject(v?.analysis);
    const state = asString(analysis?.state);
    const status = state === undefined ? undefined : STATES[state];
    if (!v || !id || !analysis || !status) continue;
    const products = [...new Set(asArray(v.affects).flatMap((a) => affectedPurls(asObject(a), status, refToPurl)))];
    if (products.length === 0) continue;
    const statement: VexStatement = { vulnerability: id, products, status, source: label };
    const aliases = asArray(v.references)
      .map((r) => asText(asObject(r)?.id))
      .filter((a): a is string => a !== undefined && a !== id);
    if (aliases.length > 0) statement.aliases = [...new Set(aliases)];
    const justification = asText(analysis.justification) ?? (state === "false_positive" ? "false_positive" : undefined);
    if (justification) statement.justification = justification;
    const detail = asText(analysis.detail);
    if (detail) statement.impactStatement = detail;
    const timestamp = asText(analysis.lastUpdated) ?? asText(analysis.firstIssued) ?? asText(v.updated) ?? asText(v.published) ?? documentTime;
    if (timestamp) statement.timestamp = timestamp;
    statements.push(statement);
  }
  return statements;
}

/**
 * The purls one `affects` entry names. A versionless purl with a `versions` list is narrowed to the
 * exact versions whose status agrees with the statement; version ranges (`vers:`) are not read, so a
 * suppression never reaches further than the versions the document names.
 */
function affectedPurls(affects: Record<string, unknown> | undefined, status: VexStatus, refToPurl: Map<string, string>): string[] {
  const ref = asText(affects?.ref);
  if (!affects || !ref) return [];
  const local = bomLinkRef(ref);
  const purl = refToPurl.get(local) ?? (local.startsWith("pkg:") ? local : undefined);
  if (!purl) return [];
  if (affects.versions === undefined || purlIdentity(purl)?.version !== undefined) return [purl];
  const wanted = status === "not_affected" || status === "fixed" ? "unaffected" : "affected";
  const out: string[] = [];
  for (const item of asArray(affects.versions)) {
    const entry = asObject(item);
    const version = asText(entry?.version);
    // `status` defaults to "affected" in the CycloneDX schema.
    if (version && (asText(entry?.status) ?? "affected") === wanted) {
      const versioned = purlWithVersion(purl, version);
      if (versioned) out.push(versioned);
    }
  }
  return out;
}

function bomLinkRef(ref: string): string {
  if (!ref.startsWith("urn:cdx:")) return ref;
  const hash = ref.indexOf("#");
  if (hash < 0) return ref;
  try {
    return decodeURIComponent(ref.slice(hash + 1));
  } catch {
    return ref.slice(hash + 1);
  }
}
