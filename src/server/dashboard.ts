// The first dashboard page: server-rendered from the store, no script at all (the real dashboard
// comes later). Every value from the store is escaped: findings quote scanned, hostile content.
import type { Severity } from "../core/model.js";
import type { FindingQuery, StoredAsset, StoredFinding, StoredScan } from "../store/types.js";

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

const COLOURS: Record<Severity, string> = { critical: "#7b1fa2", high: "#c62828", medium: "#ef6c00", low: "#1565c0", info: "#546e7a" };
const RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

function where(f: StoredFinding): string {
  const l = f.finding.location;
  if (l.path) return `${l.path}${l.startLine ? `:${l.startLine}` : ""}${l.address ? ` (${l.address})` : ""}`;
  if (l.resource) return `${l.resource.provider} ${l.resource.type} ${l.resource.id}`;
  return "";
}

export interface DashboardData {
  findings: StoredFinding[];
  assets: StoredAsset[];
  scans: StoredScan[];
  query: FindingQuery;
  severities: readonly Severity[];
}

export function dashboardPage(d: DashboardData): string {
  const counts = Object.fromEntries(d.severities.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of d.findings) counts[f.finding.severity]++;
  const rows = [...d.findings]
    .sort((a, b) => RANK[a.finding.severity] - RANK[b.finding.severity] || where(a).localeCompare(where(b)))
    .map(
      (f) => `<tr>
<td><span class="sev" style="background:${COLOURS[f.finding.severity]}">${f.finding.severity}</span></td>
<td><code>${escapeHtml(f.finding.ruleId)}</code></td>
<td>${escapeHtml(f.finding.title)}${f.finding.message ? `<div class="msg">${escapeHtml(f.finding.message)}</div>` : ""}</td>
<td><code>${escapeHtml(where(f))}</code></td>
<td>${escapeHtml(f.assetName)}</td>
<td>${f.status}</td>
<td>${escapeHtml(f.firstSeen.slice(0, 19).replace("T", " "))}</td>
</tr>`,
    )
    .join("\n");
  const status = (d.query.status ?? ["open"]).join(",");
  const links = ["open", "suppressed", "fixed", "open,suppressed,fixed"]
    .map((s) => (s === status ? `<b>${s.replace(/,/g, " + ")}</b>` : `<a href="/?status=${s}">${s.replace(/,/g, " + ")}</a>`))
    .join(" · ");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Mamori</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}
h1{font-size:1.4rem;margin:0 0 .5rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f5f5f5}
.sev{color:#fff;border-radius:3px;padding:.1rem .4rem;font-size:.8rem}
.msg{color:#555;font-size:.85rem}
.counts span{margin-right:1rem}
code{font-size:.85rem;white-space:nowrap}
</style></head>
<body>
<h1>Mamori — findings</h1>
<p>${d.assets.length} asset(s), last scan ${escapeHtml(d.scans[0]?.finishedAt.slice(0, 19).replace("T", " ") ?? "never")}. Show: ${links}</p>
<p class="counts">${d.severities.map((s) => `<span><span class="sev" style="background:${COLOURS[s]}">${s}</span> ${counts[s]}</span>`).join("")}</p>
${d.findings.length === 0 ? "<p>No findings. Run <code>mamori scan iac DIR</code> to scan something.</p>" : `<table id="findings"><thead><tr><th>Severity</th><th>Rule</th><th>Finding</th><th>Location</th><th>Asset</th><th>Status</th><th>First seen</th></tr></thead><tbody>
${rows}
</tbody></table>`}
</body></html>
`;
}
