// The terminal report: findings grouped by file (or cloud resource), worst first, wrapped to the
// terminal width. Scanned text is stripped of control characters so it cannot drive the terminal.
import pc from "picocolors";
import { SEVERITIES } from "../core/model.js";
import type { Finding, Report, Severity } from "../core/model.js";
import type { Renderer } from "./types.js";
import { compareFindings, compareText, locationLabel, resourceLabel, stripTerminalControls } from "./util.js";

type Colors = ReturnType<typeof pc.createColors>;

const DEFAULT_WIDTH = 80;
const MIN_WIDTH = 40;
/** Detail lines sit under the rule id: two spaces, the severity label padded to 8, two spaces. */
const DETAIL_INDENT = 12;

const SEVERITY_STYLE: Record<Severity, (c: Colors, s: string) => string> = {
  critical: (c, s) => c.bold(c.magenta(s)),
  high: (c, s) => c.bold(c.red(s)),
  medium: (c, s) => c.yellow(s),
  low: (c, s) => c.cyan(s),
  info: (c, s) => c.dim(s),
};

interface Group {
  label: string;
  isFile: boolean;
  shown: Finding[];
  suppressed: number;
}

export const renderTable: Renderer = function* (report, options) {
  const c = pc.createColors(options.color);
  const width = Math.max(MIN_WIDTH, options.width ?? DEFAULT_WIDTH);
  const out: string[] = [];

  const targets = report.targets.map((t) => `${t.type} ${clean(t.name)}`).join(", ");
  out.push(...paragraph(`${report.tool.name} ${report.tool.version} scanned ${targets || "nothing"} at ${report.scannedAt}`, width, "", ""));
  out.push("");
  yield joinLines(out.splice(0));

  const groups = groupFindings(report.findings);
  let suppressedTotal = 0;
  let shownTotal = 0;
  for (const g of groups) {
    suppressedTotal += g.suppressed;
    shownTotal += g.shown.length;
    yield joinLines(paragraph(g.label, width, "", "", (l) => c.bold(c.underline(l))));
    for (const f of g.shown) yield joinLines(findingLines(f, g, width, c));
    if (g.suppressed > 0) out.push(c.dim(`  ${g.suppressed} suppressed`));
    out.push("");
    yield joinLines(out.splice(0));
  }

  if (shownTotal === 0) out.push(suppressedTotal > 0 ? `No findings (${suppressedTotal} suppressed).` : "No findings.");
  out.push(...summaryLines(report, suppressedTotal, width, c));
  if (report.history !== undefined) {
    const h = report.history;
    const since = h.previousScanAt === undefined ? "(first scan of this target)" : `since the previous scan at ${h.previousScanAt}`;
    out.push(...paragraph(`${h.newCount} new, ${h.fixedCount} fixed ${since}`, width, "", ""));
  }
  out.push(...warningLines(report, width, c));
  yield joinLines(out);
};

function findingLines(f: Finding, g: Group, width: number, c: Colors): string[] {
  const label = f.severity.toUpperCase();
  const ruleId = clean(f.ruleId);
  const head = `  ${label.padEnd(8)}  ${ruleId}  `;
  const styledHead = `  ${SEVERITY_STYLE[f.severity](c, label)}${" ".repeat(Math.max(0, 8 - label.length))}  ${c.bold(ruleId)}  `;
  const title = clean(f.title) + (f.isNew === true ? " (new)" : "");
  const titleLines = wrapWords(title, width - length(head), width - DETAIL_INDENT);
  const lines = titleLines.map((l, i) => (i === 0 ? styledHead + l : " ".repeat(DETAIL_INDENT) + l));

  const indent = " ".repeat(DETAIL_INDENT);
  const where = whereLine(f, g);
  if (where !== "") lines.push(...paragraph(where, width, indent, indent, c.dim));
  if (f.package !== undefined) {
    const fixed = f.vulnerability?.fixedVersions ?? [];
    const fixText = fixed.length > 0 ? `, fixed in ${fixed.join(", ")}` : ", no fix yet";
    lines.push(...paragraph(`Package: ${f.package.name} ${f.package.version}${f.vulnerability ? fixText : ""}`, width, indent, indent));
  }
  const v = f.vulnerability;
  if (v !== undefined && (v.kev === true || v.cvss !== undefined || v.epss !== undefined)) {
    const facts = [
      v.kev === true ? c.red("known exploited (CISA KEV)") : "",
      v.cvss !== undefined ? `CVSS ${v.cvss.version} ${v.cvss.score.toFixed(1)}` : "",
      v.epss !== undefined ? `EPSS ${(v.epss * 100).toFixed(1)}%` : "",
    ].filter(Boolean);
    lines.push(...paragraph(facts.join(" · "), width, indent, indent));
  }
  if (f.message !== undefined && f.message !== "") lines.push(...paragraph(f.message, width, indent, indent));
  if (f.remediation !== undefined && f.remediation.text !== "") {
    lines.push(...paragraph(f.remediation.text, width, `${indent}${c.green("Fix:")} `, `${indent}     `));
  }
  return lines;
}

/** The finding's own place when the group header does not already say it all. */
function whereLine(f: Finding, g: Group): string {
  const loc = f.location;
  const parts: string[] = [];
  if (g.isFile && loc.startLine !== undefined) {
    let at = locationLabel(loc);
    if (loc.endLine !== undefined && loc.startLine !== undefined && loc.endLine > loc.startLine) at += `-${loc.endLine}`;
    parts.push(at);
  }
  if (loc.address !== undefined && loc.address !== "" && loc.address !== g.label) parts.push(`(${loc.address})`);
  return parts.join(" ");
}

function summaryLines(report: Report, suppressed: number, width: number, c: Colors): string[] {
  const items = SEVERITIES.map((s, i) => {
    const plain = `${report.summary[s]} ${s}${i < SEVERITIES.length - 1 ? "," : ""}`;
    return { plain, styled: report.summary[s] > 0 ? SEVERITY_STYLE[s](c, plain) : plain };
  });
  if (suppressed > 0) items.push({ plain: `(${suppressed} suppressed)`, styled: `(${suppressed} suppressed)` });
  return wrapItems([{ plain: "Summary:", styled: "Summary:" }, ...items], width, "  ");
}

/** Wraps pre-styled items at item boundaries, measuring their plain text. */
function wrapItems(items: { plain: string; styled: string }[], width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = "";
  let len = 0;
  for (const item of items) {
    const n = length(item.plain);
    if (len > 0 && len + 1 + n > width) {
      lines.push(line);
      line = indent + item.styled;
      len = indent.length + n;
    } else {
      line = len > 0 ? `${line} ${item.styled}` : item.styled;
      len += (len > 0 ? 1 : 0) + n;
    }
  }
  lines.push(line);
  return lines;
}

const WARNINGS_LISTED = 5;

function warningLines(report: Report, width: number, c: Colors): string[] {
  const warnings = report.warnings ?? [];
  if (warnings.length === 0) return [];
  const lines = [c.yellow(`${warnings.length} warning${warnings.length === 1 ? "" : "s"}:`)];
  for (const w of warnings.slice(0, WARNINGS_LISTED)) {
    lines.push(...paragraph(w.path === undefined ? w.message : `${w.path}: ${w.message}`, width, "  - ", "    "));
  }
  if (warnings.length > WARNINGS_LISTED) lines.push(`  ... and ${warnings.length - WARNINGS_LISTED} more (see --format json)`);
  return lines;
}

function groupFindings(findings: readonly Finding[]): Group[] {
  const byLabel = new Map<string, Group>();
  for (const f of findings) {
    const loc = f.location;
    const isFile = loc.path !== undefined && loc.path !== "";
    const label = isFile ? (loc.path as string) : loc.resource !== undefined ? resourceLabel(loc.resource) : locationLabel(loc);
    let g = byLabel.get(label);
    if (g === undefined) byLabel.set(label, (g = { label, isFile, shown: [], suppressed: 0 }));
    if (f.suppressed !== undefined) g.suppressed++;
    else g.shown.push(f);
  }
  const groups = [...byLabel.values()];
  for (const g of groups) g.shown.sort(compareFindings);
  // Files first, in path order; then resources and addresses.
  return groups.sort((a, b) => Number(b.isFile) - Number(a.isFile) || compareText(a.label, b.label));
}

function clean(s: string): string {
  return stripTerminalControls(s.replace(/\r\n?/g, "\n"));
}

/** Wraps cleaned text; the first line after `first`, the others after `rest` (both unstyled width). */
function paragraph(text: string, width: number, first: string, rest: string, style?: (s: string) => string): string[] {
  const firstWidth = width - length(stripAnsi(first));
  const restWidth = width - length(rest);
  return wrapWords(clean(text), firstWidth, restWidth).map((l, i) => (i === 0 ? first : rest) + (style ? style(l) : l));
}

/**
 * Greedy word wrap counting code points. A word longer than the line stays whole on its own line:
 * paths and URLs are worth more intact than cut.
 */
export function wrapWords(text: string, firstWidth: number, restWidth: number): string[] {
  const lines: string[] = [];
  for (const para of text.split("\n")) {
    let line = "";
    let lineLen = 0;
    for (const word of para.split(/\s+/)) {
      if (word === "") continue;
      const avail = lines.length === 0 ? firstWidth : restWidth;
      const len = length(word);
      if (lineLen > 0 && lineLen + 1 + len > avail) {
        lines.push(line);
        line = word;
        lineLen = len;
      } else {
        line = lineLen > 0 ? `${line} ${word}` : word;
        lineLen += (lineLen > 0 ? 1 : 0) + len;
      }
    }
    lines.push(line);
  }
  return lines;
}

function length(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

function stripAnsi(s: string): string {
  return s.replace(ANSI, "");
}

function joinLines(lines: string[]): string {
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}
