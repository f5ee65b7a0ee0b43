// Small helpers the renderers share: ordering, location labels, escaping, streamed JSON.
import { severityRank } from "../core/model.js";
import type { Finding, Location, ResourceRef } from "../core/model.js";

/** Worst first, then by path and line, so every format lists findings in the same order. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    compareText(a.location.path ?? "", b.location.path ?? "") ||
    (a.location.startLine ?? 0) - (b.location.startLine ?? 0) ||
    compareText(a.ruleId, b.ruleId)
  );
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `aws:s3.Bucket/logs (123456789012, eu-west-1)`. */
export function resourceLabel(r: ResourceRef): string {
  const where = [r.account, r.region].filter((x) => x !== undefined && x !== "").join(", ");
  return `${r.provider}:${r.type}/${r.id}${where === "" ? "" : ` (${where})`}`;
}

/** `path:line` for files, else the IaC address, else the cloud resource. */
export function locationLabel(loc: Location): string {
  if (loc.path !== undefined && loc.path !== "") {
    return loc.startLine === undefined ? loc.path : `${loc.path}:${loc.startLine}`;
  }
  if (loc.address !== undefined && loc.address !== "") return loc.address;
  if (loc.resource !== undefined) return resourceLabel(loc.resource);
  return "(no location)";
}

// XML 1.0 allows tab, LF, CR and U+0020 and above, less the surrogates (when unpaired) and
// U+FFFE/U+FFFF. Scanned content can hold anything, so the rest become U+FFFD.
const XML_ILLEGAL =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const XML_TEXT_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
// In attributes, quotes end the value and raw whitespace is normalised away by parsers.
const XML_ATTR_ENTITIES: Record<string, string> = {
  ...XML_TEXT_ENTITIES,
  '"': "&quot;",
  "'": "&apos;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

export function escapeXmlText(s: string): string {
  return s.replace(XML_ILLEGAL, "\uFFFD").replace(/[&<>]/g, (c) => XML_TEXT_ENTITIES[c] ?? c);
}

export function escapeXmlAttr(s: string): string {
  return s.replace(XML_ILLEGAL, "\uFFFD").replace(/[&<>"'\t\n\r]/g, (c) => XML_ATTR_ENTITIES[c] ?? c);
}

// Inside <script>, `</script` or `<!--` would end or derail the block; JSON allows \uXXXX escapes
// anywhere in a string, and `<`, `>`, `&` only ever occur inside strings in JSON text.
const SCRIPT_ESCAPES: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/** Makes JSON text safe to embed in an HTML `<script>` element. */
export function escapeJsonForScript(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => SCRIPT_ESCAPES[c] ?? c);
}

/** C0 and C1 controls (ESC among them) that would let scanned text drive a terminal. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export function stripTerminalControls(s: string): string {
  return s.replace(TERMINAL_CONTROLS, "\uFFFD");
}

/** JSON.stringify with 2-space indent, its continuation lines shifted right by `depth` levels. */
export function indentedJson(value: unknown, depth: number): string {
  const text = JSON.stringify(value, null, 2);
  return depth === 0 ? text : text.replace(/\n/g, `\n${"  ".repeat(depth)}`);
}

/**
 * Streams a JSON array whose opening bracket is already written after a key at `depth`: one
 * chunk per element, so a 100,000-element array never becomes one string. `compact` puts each
 * element on one line.
 */
export function* jsonArrayItems<T>(
  items: Iterable<T>,
  depth: number,
  toValue: (item: T) => unknown = (x) => x,
  compact = false,
): Generator<string> {
  const pad = "  ".repeat(depth + 1);
  let first = true;
  for (const item of items) {
    const value = toValue(item);
    yield `${first ? "\n" : ",\n"}${pad}${compact ? JSON.stringify(value) : indentedJson(value, depth + 1)}`;
    first = false;
  }
  yield first ? "]" : `\n${"  ".repeat(depth)}]`;
}
