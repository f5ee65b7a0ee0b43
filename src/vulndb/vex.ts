// VEX: statements from the people who ship a product that a vulnerability does (not) affect it. Read
// from OpenVEX (https://github.com/openvex/spec) or CycloneDX VEX, then applied to findings: a
// not_affected or fixed statement suppresses the matching finding, keeping the justification as the
// reason; affected and under_investigation statements leave it as it is.
import { InputError } from "../core/errors.js";
import type { Finding } from "../core/model.js";
import { readCycloneDx } from "../packages/sbom/cyclonedx-read.js";
import { asArray, asObject, asString, asText, parseJsonDocument } from "../packages/sbom/parse-json.js";
import { purlIdentity, type PurlIdentity } from "../packages/purl.js";

export const VEX_STATUSES = ["not_affected", "affected", "fixed", "under_investigation"] as const;
export type VexStatus = (typeof VEX_STATUSES)[number];

export interface VexStatement {
  /** The vulnerability's id as the statement names it (CVE, GHSA, ...). */
  vulnerability: string;
  /** Other ids of the same vulnerability the statement lists (OpenVEX aliases, CycloneDX references). */
  aliases?: string[];
  /** Purls of the packages the statement is about; a purl without a version covers every version. */
  products: string[];
  status: VexStatus;
  justification?: string;
  impactStatement?: string;
  /** The file the statement came from. */
  source: string;
  /** When the statement was made: of two statements about one finding, the later wins. */
  timestamp?: string;
}

// Keeps a one-megabyte impact statement out of every report format, as ignore-file reasons are.
const MAX_IMPACT_LENGTH = 500;

export function readVex(text: string, label: string): VexStatement[] {
  const doc = asObject(parseJsonDocument(text, label));
  if (doc && isOpenVex(doc["@context"])) return readOpenVex(doc, label);
  if (doc?.bomFormat === "CycloneDX") return readCycloneDx(doc, label).vex;
  throw new InputError(`${label}: not an OpenVEX or CycloneDX VEX JSON document`);
}

function isOpenVex(context: unknown): boolean {
  return typeof context === "string" && context.startsWith("https://openvex.dev/ns");
}

/**
 * OpenVEX 0.2 (vulnerability and product objects) and the earlier 0.0.x form (plain strings, and
 * `subcomponents` on the statement). A product with subcomponents speaks of those subcomponents inside
 * it, so the subcomponents are what findings match; a product without is itself the package.
 */
function readOpenVex(doc: Record<string, unknown>, label: string): VexStatement[] {
  const documentTime = asText(doc.timestamp);
  return asArray(doc.statements).flatMap((item, i) => {
    const where = `${label}: statement ${i + 1}`;
    const s = asObject(item);
    if (!s) throw new InputError(`${where} is not an object`);
    const vuln = asObject(s.vulnerability);
    const name = asText(s.vulnerability) ?? asText(vuln?.name);
    if (!name) throw new InputError(`${where} names no vulnerability`);
    const status = asString(s.status);
    if (!(VEX_STATUSES as readonly string[]).includes(status ?? "")) {
      throw new InputError(`${where}: status ${JSON.stringify(s.status ?? null)} is not one of ${VEX_STATUSES.join(", ")}`);
    }
    const statementSubcomponents = componentPurls(s.subcomponents);
    const products = statementSubcomponents.length > 0 ? statementSubcomponents : asArray(s.products).flatMap(productPurls);
    // Products may come from an encapsulating document (an attestation's subject) that is not read here.
    if (products.length === 0) return [];
    const statement: VexStatement = { vulnerability: name, products: [...new Set(products)], status: status as VexStatus, source: label };
    const aliases = asArray(vuln?.aliases).filter((a): a is string => typeof a === "string" && a !== "" && a !== name);
    if (aliases.length > 0) statement.aliases = [...new Set(aliases)];
    const justification = asText(s.justification);
    if (justification) statement.justification = justification;
    const impact = asText(s.impact_statement);
    if (impact) statement.impactStatement = impact;
    const timestamp = asText(s.timestamp) ?? documentTime;
    if (timestamp) statement.timestamp = timestamp;
    return [statement];
  });
}

function productPurls(product: unknown): string[] {
  const subcomponents = componentPurls(asObject(product)?.subcomponents);
  return subcomponents.length > 0 ? subcomponents : componentPurls([product]);
}

/** Purls of OpenVEX components: a purl string, or an object with a purl `@id` or `identifiers.purl`. */
function componentPurls(value: unknown): string[] {
  const out: string[] = [];
  for (const item of asArray(value)) {
    const c = asObject(item);
    for (const id of [asText(item), asText(c?.["@id"]), asText(asObject(c?.identifiers)?.purl)]) {
      if (id?.startsWith("pkg:")) out.push(id);
    }
  }
  return out;
}

interface IndexedStatement {
  statement: VexStatement;
  order: number;
  time: number;
  products: PurlIdentity[];
}

/**
 * Suppresses the findings that a not_affected or fixed statement covers. A statement covers a finding
 * when it names the finding's rule id or one of its aliases (or the finding names one of the
 * statement's aliases), and one of its products is the finding's package: same purl type, namespace
 * and name, and the same version unless the product gives none; qualifiers do not count. Of several
 * statements covering one finding the latest wins, so a later `affected` undoes an earlier
 * `not_affected`. A finding already suppressed keeps its suppression.
 */
export function applyVex(findings: Finding[], statements: VexStatement[]): { applied: number } {
  const index = indexStatements(statements);
  let applied = 0;
  for (const f of findings) {
    if (f.suppressed || !f.package?.purl) continue;
    const target = purlIdentity(f.package.purl);
    if (!target) continue;
    const winner = latestCovering(f, target, index);
    if (!winner || (winner.status !== "not_affected" && winner.status !== "fixed")) continue;
    f.suppressed = { reason: reasonOf(winner), source: `vex:${winner.source}` };
    applied++;
  }
  return { applied };
}

function indexStatements(statements: VexStatement[]): Map<string, IndexedStatement[]> {
  const index = new Map<string, IndexedStatement[]>();
  statements.forEach((statement, order) => {
    const products = statement.products.map(purlIdentity).filter((p): p is PurlIdentity => p !== undefined);
    const time = statement.timestamp === undefined ? Number.NEGATIVE_INFINITY : Date.parse(statement.timestamp);
    const entry: IndexedStatement = { statement, order, time: Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time, products };
    for (const id of new Set([statement.vulnerability, ...(statement.aliases ?? [])])) {
      const list = index.get(id);
      if (list) list.push(entry);
      else index.set(id, [entry]);
    }
  });
  return index;
}

function latestCovering(f: Finding, target: PurlIdentity, index: Map<string, IndexedStatement[]>): VexStatement | undefined {
  let best: IndexedStatement | undefined;
  const ids = new Set([f.ruleId, ...(f.vulnerability ? [f.vulnerability.id, ...f.vulnerability.aliases] : [])]);
  for (const id of ids) {
    for (const entry of index.get(id) ?? []) {
      if (!entry.products.some((p) => samePackage(p, target))) continue;
      if (!best || entry.time > best.time || (entry.time === best.time && entry.order > best.order)) best = entry;
    }
  }
  return best?.statement;
}

function samePackage(product: PurlIdentity, target: PurlIdentity): boolean {
  return (
    product.type === target.type &&
    product.namespace === target.namespace &&
    product.name === target.name &&
    (product.version === undefined || product.version === target.version)
  );
}

function reasonOf(s: VexStatement): string {
  const impact = s.impactStatement && s.impactStatement.length > MAX_IMPACT_LENGTH ? `${s.impactStatement.slice(0, MAX_IMPACT_LENGTH)}...` : s.impactStatement;
  return `VEX ${s.status}${s.justification ? `: ${s.justification}` : ""}${impact ? ` — ${impact}` : ""}`;
}
