// One self-contained HTML file: static page skeleton, inline style and script, and the report as
// JSON in a non-executable data block. Nothing is loaded from the network, and the Content
// Security Policy admits only this page's own style and script (by hash), so even an escaping bug
// could not run injected script.
import { createHash } from "node:crypto";
import type { Finding } from "../core/model.js";
import type { RenderOptions, Renderer } from "./types.js";
import { HTML_SCRIPT, HTML_STYLE } from "./html-assets.js";
import { escapeJsonForScript } from "./util.js";

const sha256 = (s: string) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`;

const CSP = [
  "default-src 'none'",
  `style-src ${sha256(HTML_STYLE)}`,
  `script-src ${sha256(HTML_SCRIPT)}`,
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const PAGE_HEAD = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<title>Mamori security report</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<header>
<h1>Mamori security report</h1>
<div id="meta" class="meta"></div>
<ul id="targets" class="targets"></ul>
<div id="cards" class="cards"></div>
<div id="history" class="muted"></div>
<details id="warnings" hidden></details>
</header>
<noscript><p>This report needs JavaScript to list the findings; the same data is in the JSON block of this file.</p></noscript>
<main>
<div class="controls">
<input id="filter" type="search" placeholder="Filter: rule, title, path, package..." aria-label="Filter findings">
<span id="severities"></span>
<label><input id="show-suppressed" type="checkbox"> show suppressed</label>
<span id="count" class="muted" aria-live="polite"></span>
</div>
<table>
<thead><tr>
<th data-sort="severity" scope="col">Severity</th>
<th data-sort="rule" scope="col">Rule</th>
<th data-sort="title" scope="col">Title</th>
<th data-sort="location" scope="col">Location</th>
<th data-sort="kind" scope="col">Kind</th>
</tr></thead>
<tbody id="rows"></tbody>
</table>
<p id="empty" class="muted" hidden>No findings match.</p>
<button id="more" type="button" hidden>Show more</button>
</main>
`;

const PAGE_TAIL = `<script>${HTML_SCRIPT}</script>
</body>
</html>
`;

export const renderHtml: Renderer = function* (report, options) {
  yield PAGE_HEAD;
  yield `<script type="application/json" id="mamori-data">`;
  const { findings, packages: _packages, ...rest } = report;
  // The envelope without findings, then the findings one a chunk: `{...,"findings":[f1,f2]}`.
  const envelope = JSON.stringify({ ...rest, rules: ruleDetails(findings, options) });
  yield escapeJsonForScript(`${envelope.slice(0, -1)},"findings":[`);
  let first = true;
  for (const f of findings) {
    yield (first ? "" : ",") + escapeJsonForScript(JSON.stringify(f));
    first = false;
  }
  yield "]}</script>\n";
  yield PAGE_TAIL;
};

/** Check metadata the findings themselves leave out (description, remediation, references). */
function ruleDetails(findings: readonly Finding[], options: RenderOptions): Record<string, unknown> {
  const out = new Map<string, unknown>();
  const meta = options.ruleMeta;
  if (meta === undefined) return {};
  for (const f of findings) {
    if (out.has(f.ruleId)) continue;
    const m = meta(f.ruleId);
    out.set(f.ruleId, m && { description: m.description, remediation: m.remediation, references: m.references, compliance: m.compliance });
  }
  // fromEntries defines own properties, so a rule id like `__proto__` stays a plain key.
  return Object.fromEntries([...out].filter(([, v]) => v !== undefined));
}
