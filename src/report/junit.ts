// JUnit XML for CI test views: one test suite per rule, one test case per finding (named by its
// location), failed when it stands and skipped when suppressed. A clean scan is one passing test,
// so CI shows a green run rather than an empty one.
import { severityRank } from "../core/model.js";
import type { Finding, Report } from "../core/model.js";
import type { Renderer } from "./types.js";
import { compareFindings, compareText, escapeXmlAttr as attr, escapeXmlText as text, locationLabel } from "./util.js";

interface Suite {
  ruleId: string;
  findings: Finding[];
  failures: number;
  skipped: number;
  worst: number;
}

export const renderJunit: Renderer = function* (report) {
  const suites = groupByRule(report.findings);
  const failures = suites.reduce((n, s) => n + s.failures, 0);
  const skipped = suites.reduce((n, s) => n + s.skipped, 0);
  const tests = report.findings.length === 0 ? 1 : report.findings.length;
  const stamp = attr(report.scannedAt);

  yield `<?xml version="1.0" encoding="UTF-8"?>\n`;
  yield `<testsuites name="mamori" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}" time="0">\n`;
  if (report.findings.length === 0) {
    yield `  <testsuite name="mamori" tests="1" failures="0" errors="0" skipped="0" time="0" timestamp="${stamp}">\n`;
    yield `    <testcase name="${attr(`no findings in ${targetNames(report)}`)}" classname="mamori" time="0"/>\n`;
    yield `  </testsuite>\n`;
  }
  for (const s of suites) {
    yield `  <testsuite name="${attr(s.ruleId)}" tests="${s.findings.length}" failures="${s.failures}" errors="0" skipped="${s.skipped}" time="0" timestamp="${stamp}">\n`;
    for (const f of s.findings) yield testcase(f);
    yield `  </testsuite>\n`;
  }
  yield `</testsuites>\n`;
};

function testcase(f: Finding): string {
  const open = `    <testcase name="${attr(locationLabel(f.location))}" classname="${attr(f.ruleId)}" time="0">\n`;
  if (f.suppressed !== undefined) {
    const why = `suppressed (${f.suppressed.source}): ${f.suppressed.reason}`;
    return `${open}      <skipped message="${attr(why)}"/>\n    </testcase>\n`;
  }
  const body = [f.message || f.title];
  if (f.package !== undefined) {
    const fixed = f.vulnerability?.fixedVersions ?? [];
    body.push(`Package: ${f.package.name} ${f.package.version}${fixed.length > 0 ? `, fixed in ${fixed.join(", ")}` : ""}`);
  }
  if (f.remediation !== undefined && f.remediation.text !== "") body.push(`Remediation: ${f.remediation.text}`);
  if (f.remediation?.fix) body.push(`Fix:\n${f.remediation.fix}`);
  return (
    `${open}      <failure message="${attr(f.title)}" type="${f.severity}">${text(body.join("\n\n"))}</failure>\n` +
    `    </testcase>\n`
  );
}

/** Worst rule first; within a rule, findings in report order of severity, path and line. */
function groupByRule(findings: readonly Finding[]): Suite[] {
  const byRule = new Map<string, Suite>();
  for (const f of findings) {
    let s = byRule.get(f.ruleId);
    if (s === undefined) byRule.set(f.ruleId, (s = { ruleId: f.ruleId, findings: [], failures: 0, skipped: 0, worst: 0 }));
    s.findings.push(f);
    s.worst = Math.max(s.worst, severityRank(f.severity));
    if (f.suppressed !== undefined) s.skipped++;
    else s.failures++;
  }
  const suites = [...byRule.values()];
  for (const s of suites) s.findings.sort(compareFindings);
  return suites.sort((a, b) => b.worst - a.worst || compareText(a.ruleId, b.ruleId));
}

function targetNames(report: Report): string {
  return report.targets.map((t) => t.name).join(", ") || "the scan";
}
