// The HTML report's inline style sheet and script. The script reads the findings from the JSON
// data block and builds every node with textContent: scanned text never reaches an HTML parser.
// Kept as plain ES2017 without template literals, so it can live inside this TypeScript string.

export const HTML_STYLE = `
:root { color-scheme: light dark; --fg: #1d2330; --muted: #667085; --bg: #fff; --line: #e4e7ec; --row: #f7f8fa;
  --critical: #8e1b6b; --high: #c4320a; --medium: #b54708; --low: #175cd3; --info: #475467; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e8ec; --muted: #98a2b3; --bg: #111418; --line: #2a2f37; --row: #181c22;
  --critical: #f06fc8; --high: #ff8a5c; --medium: #f5b34b; --low: #7cb4ff; --info: #a9b3c2; } }
* { box-sizing: border-box; }
body { margin: 0; padding: 1.5rem; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
.meta, .muted { color: var(--muted); }
.targets { margin: .25rem 0 1rem; padding-left: 1.2rem; }
.cards { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: .5rem 1rem; min-width: 7rem; }
.card b { display: block; font-size: 1.5rem; }
.controls { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; margin: 1rem 0 .5rem; }
.controls input[type=search] { min-width: 18rem; padding: .35rem .5rem; font: inherit; color: inherit; background: var(--bg); border: 1px solid var(--line); border-radius: 6px; }
.controls label { white-space: nowrap; cursor: pointer; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--line); }
th { cursor: pointer; user-select: none; white-space: nowrap; position: sticky; top: 0; background: var(--bg); }
th[aria-sort=ascending]::after { content: " \\25B2"; }
th[aria-sort=descending]::after { content: " \\25BC"; }
tr.finding { cursor: pointer; }
tr.finding:hover, tr.finding[aria-expanded=true] { background: var(--row); }
tr.suppressed td { opacity: .55; }
td.loc, td.rule { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .9em; }
td.loc { overflow-wrap: anywhere; } td.rule { white-space: nowrap; }
#severities label { margin-right: .6rem; }
.badge { display: inline-block; min-width: 5.5rem; font-weight: 600; text-transform: uppercase; font-size: .8em; }
.sev-critical { color: var(--critical); } .sev-high { color: var(--high); } .sev-medium { color: var(--medium); }
.sev-low { color: var(--low); } .sev-info { color: var(--info); }
.tag { font-size: .75em; border: 1px solid var(--line); border-radius: 4px; padding: 0 .3rem; margin-left: .4rem; color: var(--muted); }
tr.detail td { background: var(--row); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: .25rem 0; }
dt { font-weight: 600; color: var(--muted); }
dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
pre { margin: .25rem 0; padding: .5rem; border: 1px solid var(--line); border-radius: 6px; overflow-x: auto; white-space: pre; }
button { font: inherit; padding: .35rem .8rem; margin: .75rem 0; cursor: pointer; }
`;

export const HTML_SCRIPT = `
(function () {
  "use strict";
  var SEVERITIES = ["critical", "high", "medium", "low", "info"];
  var RANK = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };
  var PAGE = 500;
  var data = JSON.parse(document.getElementById("mamori-data").textContent);
  var rules = data.rules || {};

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function byId(id) { return document.getElementById(id); }
  function list(v) { return Array.isArray(v) ? v.join(", ") : String(v); }
  function resourceLabel(r) {
    var where = [r.account, r.region].filter(function (x) { return x; }).join(", ");
    return r.provider + ":" + r.type + "/" + r.id + (where ? " (" + where + ")" : "");
  }
  function locationLabel(l) {
    if (l.path) return l.startLine ? l.path + ":" + l.startLine : l.path;
    if (l.address) return l.address;
    if (l.resource) return resourceLabel(l.resource);
    return "(no location)";
  }
  function cmpText(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  var rows = data.findings.map(function (f, i) {
    var l = f.location || {};
    var label = locationLabel(l);
    return {
      f: f, order: i, rank: RANK[f.severity] || 0, loc: label,
      path: (l.path || l.address || label).toLowerCase(), line: l.startLine || 0,
      rule: String(f.ruleId).toLowerCase(), title: String(f.title).toLowerCase(), kind: f.kind || "",
      text: [f.ruleId, f.title, f.message, f.kind, label, l.address, f.package && f.package.name,
        f.suppressed && f.suppressed.reason].join("\\n").toLowerCase()
    };
  });

  var state = { query: "", severities: {}, suppressed: false, sortKey: null, sortDir: 1, limit: PAGE };
  SEVERITIES.forEach(function (s) { state.severities[s] = true; });
  var matching = [];
  var shownCount = 0;

  var byLocation = function (a, b) { return cmpText(a.path, b.path) || a.line - b.line; };
  var COMPARE = {
    severity: function (a, b) { return a.rank - b.rank || byLocation(b, a); },
    rule: function (a, b) { return cmpText(a.rule, b.rule) || byLocation(a, b); },
    title: function (a, b) { return cmpText(a.title, b.title) || byLocation(a, b); },
    location: byLocation,
    kind: function (a, b) { return cmpText(a.kind, b.kind) || b.rank - a.rank; }
  };
  // Worst first is the useful first click on severity; the other columns start ascending.
  var FIRST_DIR = { severity: -1, rule: 1, title: 1, location: 1, kind: 1 };

  function renderHeader() {
    var tool = data.tool || {};
    byId("meta").textContent = (tool.name || "mamori") + " " + (tool.version || "") + " \\u00b7 scanned " + data.scannedAt;
    var targets = byId("targets");
    (data.targets || []).forEach(function (t) { targets.appendChild(el("li", "", t.type + ": " + t.name)); });
    var cards = byId("cards");
    SEVERITIES.forEach(function (s) {
      var card = el("div", "card sev-" + s);
      card.appendChild(el("b", "", (data.summary && data.summary[s]) || 0));
      card.appendChild(el("span", "", s));
      cards.appendChild(card);
    });
    var suppressed = data.findings.filter(function (f) { return f.suppressed; }).length;
    if (suppressed) {
      var c = el("div", "card muted");
      c.appendChild(el("b", "", suppressed));
      c.appendChild(el("span", "", "suppressed"));
      cards.appendChild(c);
    }
    if (data.history) {
      var h = data.history;
      byId("history").textContent = h.newCount + " new, " + h.fixedCount + " fixed " +
        (h.previousScanAt ? "since the previous scan at " + h.previousScanAt : "(first scan of this target)");
    }
    var warnings = data.warnings || [];
    if (warnings.length) {
      var box = byId("warnings");
      box.hidden = false;
      box.appendChild(el("summary", "", warnings.length + (warnings.length === 1 ? " warning" : " warnings")));
      var ul = el("ul");
      warnings.forEach(function (w) { ul.appendChild(el("li", "", (w.path ? w.path + ": " : "") + w.message)); });
      box.appendChild(ul);
    }
  }

  function applyFilters() {
    var q = state.query.trim().toLowerCase();
    matching = rows.filter(function (r) {
      if (!state.severities[r.f.severity]) return false;
      if (r.f.suppressed && !state.suppressed) return false;
      return !q || r.text.indexOf(q) !== -1;
    });
    if (state.sortKey) {
      var cmp = COMPARE[state.sortKey], dir = state.sortDir;
      matching.sort(function (a, b) { return dir * cmp(a, b) || a.order - b.order; });
    }
    state.limit = PAGE;
    var body = byId("rows");
    body.textContent = "";
    shownCount = 0;
    renderMore();
  }

  function renderMore() {
    var body = byId("rows");
    var frag = document.createDocumentFragment();
    var end = Math.min(matching.length, state.limit);
    for (var i = shownCount; i < end; i++) frag.appendChild(findingRow(matching[i]));
    body.appendChild(frag);
    shownCount = end;
    var total = data.findings.length;
    byId("count").textContent = "Showing " + matching.length.toLocaleString("en") + " of " + total.toLocaleString("en") +
      " findings" + (shownCount < matching.length ? " (first " + shownCount.toLocaleString("en") + " listed)" : "");
    var more = byId("more");
    more.hidden = shownCount >= matching.length;
    more.textContent = "Show " + Math.min(PAGE, matching.length - shownCount) + " more";
    byId("empty").hidden = matching.length > 0;
  }

  function findingRow(r) {
    var f = r.f;
    var tr = el("tr", "finding" + (f.suppressed ? " suppressed" : ""));
    tr.tabIndex = 0;
    tr.setAttribute("aria-expanded", "false");
    var sev = el("td");
    sev.appendChild(el("span", "badge sev-" + f.severity, f.severity));
    tr.appendChild(sev);
    tr.appendChild(el("td", "rule", f.ruleId));
    var title = el("td", "title", f.title);
    if (f.isNew) title.appendChild(el("span", "tag", "new"));
    if (f.suppressed) title.appendChild(el("span", "tag", "suppressed: " + f.suppressed.reason));
    tr.appendChild(title);
    tr.appendChild(el("td", "loc", r.loc));
    tr.appendChild(el("td", "kind", f.kind));
    function toggle() {
      var next = tr.nextSibling;
      if (next && next.className === "detail") {
        next.remove();
        tr.setAttribute("aria-expanded", "false");
      } else {
        tr.after(detailRow(f));
        tr.setAttribute("aria-expanded", "true");
      }
    }
    tr.addEventListener("click", toggle);
    tr.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); toggle(); } });
    return tr;
  }

  function detailRow(f) {
    var tr = el("tr", "detail");
    var td = el("td");
    td.colSpan = 5;
    var dl = el("dl");
    function item(name, value, pre) {
      if (value === undefined || value === null || value === "") return;
      dl.appendChild(el("dt", "", name));
      var dd = el("dd");
      dd.appendChild(el(pre ? "pre" : "span", "", value));
      dl.appendChild(dd);
    }
    var rule = rules[f.ruleId] || {};
    var l = f.location || {};
    item("Message", f.message);
    item("Description", f.description || rule.description);
    var rem = f.remediation || rule.remediation;
    if (rem) { item("Remediation", rem.text); item("Fix", rem.fix, true); }
    if (f.package) item("Package", f.package.name + " " + f.package.version + " (" + f.package.ecosystem + ")  " + f.package.purl);
    var v = f.vulnerability;
    if (v) {
      item("Vulnerability", v.id + (v.aliases && v.aliases.length ? " (" + v.aliases.join(", ") + ")" : ""));
      item("Fixed in", v.fixedVersions && v.fixedVersions.length ? v.fixedVersions.join(", ") : "no fixed version known");
      if (v.cvss) item("CVSS", v.cvss.score + " " + v.cvss.vector);
      if (v.kev) item("Known exploited", "yes (CISA KEV)");
      if (typeof v.epss === "number") item("EPSS", v.epss);
    }
    var where = [];
    if (l.path) where.push(l.path + (l.startLine ? ":" + l.startLine + (l.endLine && l.endLine !== l.startLine ? "-" + l.endLine : "") : ""));
    if (l.address) where.push(l.address);
    if (l.resource) where.push(resourceLabel(l.resource));
    item("Location", where.join("\\n"));
    item("Snippet", f.snippet, true);
    var refs = f.references || rule.references;
    if (refs) item("Equivalent checks", Object.keys(refs).map(function (k) { return k + ": " + list(refs[k]); }).join("\\n"));
    var comp = f.compliance || rule.compliance;
    if (comp && comp.length) item("Compliance", comp.map(function (c) { return c.framework + " " + c.control; }).join("\\n"));
    if (f.suppressed) item("Suppressed", f.suppressed.reason + " (" + f.suppressed.source + (f.suppressed.expires ? ", expires " + f.suppressed.expires : "") + ")");
    item("First seen", f.firstSeen);
    item("Fingerprint", f.id);
    td.appendChild(dl);
    tr.appendChild(td);
    return tr;
  }

  function sortBy(key) {
    if (state.sortKey === key) state.sortDir = -state.sortDir;
    else { state.sortKey = key; state.sortDir = FIRST_DIR[key]; }
    var ths = document.querySelectorAll("th[data-sort]");
    for (var i = 0; i < ths.length; i++) {
      var th = ths[i];
      var on = th.getAttribute("data-sort") === key;
      if (on) th.setAttribute("aria-sort", state.sortDir === 1 ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    }
    applyFilters();
  }

  function wire() {
    var ths = document.querySelectorAll("th[data-sort]");
    Array.prototype.forEach.call(ths, function (th) {
      var key = th.getAttribute("data-sort");
      th.tabIndex = 0;
      th.addEventListener("click", function () { sortBy(key); });
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") sortBy(key); });
    });
    var timer = null;
    byId("filter").addEventListener("input", function (e) {
      clearTimeout(timer);
      var value = e.target.value;
      timer = setTimeout(function () { state.query = value; applyFilters(); }, 120);
    });
    var sevBox = byId("severities");
    SEVERITIES.forEach(function (s) {
      var label = el("label", "sev-" + s);
      var box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.id = "sev-" + s;
      box.addEventListener("change", function () { state.severities[s] = box.checked; applyFilters(); });
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + s));
      sevBox.appendChild(label);
    });
    byId("show-suppressed").addEventListener("change", function (e) { state.suppressed = e.target.checked; applyFilters(); });
    byId("more").addEventListener("click", function () { state.limit += PAGE; renderMore(); });
  }

  renderHeader();
  wire();
  applyFilters();
})();
`;
