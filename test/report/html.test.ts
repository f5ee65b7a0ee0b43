import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium } from "playwright-core";
import type { Browser, Page } from "playwright-core";
import { renderToString } from "../../src/report/index.js";
import { escapeJsonForScript } from "../../src/report/util.js";
import type { Report } from "../../src/core/model.js";
import { HOSTILE_TITLE, emptyReport, manyFindings, ruleMeta, sampleReport } from "./fixture.js";

const html = (report: Report = sampleReport()) => renderToString(report, "html", { color: false, ruleMeta });

const DATA_BLOCK = /<script type="application\/json" id="mamori-data">([\s\S]*?)<\/script>/;

function dataOf(page: string): { findings: Report["findings"]; rules: Record<string, unknown> } & Omit<Report, "findings"> {
  const m = DATA_BLOCK.exec(page);
  if (m === null) throw new Error("no data block");
  return JSON.parse(m[1]!);
}

describe("html report: static checks", () => {
  it("embeds the report as JSON that parses back to the findings", () => {
    const data = dataOf(html());
    const report = sampleReport();
    expect(data.findings).toEqual(report.findings);
    expect(data.summary).toEqual(report.summary);
    expect(data.targets).toEqual(report.targets);
    expect(data.history).toEqual(report.history);
    expect(Object.keys(data.rules)).toEqual(["MAM-DF-001"]);
  });

  it("cannot be broken out of by scanned text", () => {
    const page = html();
    expect(page).not.toContain(HOSTILE_TITLE);
    expect(page).not.toContain("<script>alert(1)");
    expect(page).not.toContain("<!-- x");
    expect(page).not.toMatch(/[\u2028\u2029]/);
    // Exactly the two script elements the page itself has: the data block and the app.
    expect(page.match(/<script/g)).toHaveLength(2);
    expect(page.match(/<\/script>/g)).toHaveLength(2);
  });

  it.each([
    ["</script>", "\\u003c/script\\u003e"],
    ["<!--", "\\u003c!--"],
    ["a & b", "a \\u0026 b"],
    ["line\u2028para\u2029", "line\\u2028para\\u2029"],
  ])("escapes %j in the data block", (raw, escaped) => {
    const json = JSON.stringify(raw);
    expect(escapeJsonForScript(json)).toBe(`"${escaped}"`);
    expect(JSON.parse(escapeJsonForScript(json))).toBe(raw);
  });

  it("loads nothing from the network", () => {
    const page = html();
    const withoutData = page.replace(DATA_BLOCK, "");
    expect(withoutData).not.toMatch(/https?:\/\//i);
    expect(withoutData).not.toMatch(/\b(src|href|action|srcset)\s*=/i);
    expect(withoutData).not.toMatch(/@import|url\(/i);
    expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+'/);
  });

  it("renders an empty report", () => {
    expect(dataOf(html(emptyReport())).findings).toEqual([]);
  });
});

const CHROMIUM = "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);

describe.skipIf(!haveChromium)(`html report in a real browser${haveChromium ? "" : " (SKIPPED: no Chromium at /usr/bin/chromium)"}`, () => {
  let browser: Browser;
  let dir: string;
  const problems: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "mamori-html-"));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(report: Report, name: string): Promise<Page> {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, html(report));
    const page = await browser.newPage();
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    page.on("request", (r) => {
      if (!r.url().startsWith("file:")) problems.push(`request: ${r.url()}`);
    });
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector("#rows tr.finding");
    return page;
  }

  const severities = (page: Page) => page.locator("#rows tr.finding .badge").allTextContents();
  const count = (page: Page) => page.locator("#count").textContent();

  it("lists, sorts, filters and expands findings", async () => {
    const report = sampleReport();
    const page = await open(report, "sample");
    const unsuppressed = report.findings.filter((f) => !f.suppressed).length;

    expect(await page.locator("#rows tr.finding").count()).toBe(unsuppressed);
    expect(await count(page)).toBe(`Showing ${unsuppressed} of ${report.findings.length} findings`);
    // Report order first: the low finding leads.
    expect((await severities(page))[0]).toBe("low");

    await page.click('th[data-sort="severity"]');
    expect(await severities(page)).toEqual(["critical", "high", "high", "medium", "low", "info"]);
    expect(await page.getAttribute('th[data-sort="severity"]', "aria-sort")).toBe("descending");
    await page.click('th[data-sort="severity"]');
    expect((await severities(page))[0]).toBe("info");

    await page.click('th[data-sort="rule"]');
    const rules = await page.locator("#rows tr.finding td.rule").allTextContents();
    expect(rules).toEqual([...rules].sort());

    await page.fill("#filter", "openssl");
    await expect.poll(() => count(page)).toMatch(/^Showing 1 of/);
    expect(await page.locator("#rows tr.finding td.rule").allTextContents()).toEqual(["CVE-2024-0727"]);
    await page.fill("#filter", "");
    await expect.poll(() => count(page)).toMatch(new RegExp(`^Showing ${unsuppressed} of`));

    await page.uncheck("#sev-high");
    expect(await severities(page)).not.toContain("high");
    expect(await count(page)).toBe(`Showing ${unsuppressed - 2} of ${report.findings.length} findings`);
    await page.check("#sev-high");

    await page.check("#show-suppressed");
    expect(await page.locator("#rows tr.finding.suppressed").count()).toBe(2);
    expect(await page.locator("#rows tr.suppressed").first().textContent()).toMatch(/suppressed: /);
    await page.uncheck("#show-suppressed");

    await page.click('th[data-sort="severity"]');
    await page.locator("#rows tr.finding").first().click();
    const detail = page.locator("#rows tr.detail");
    await expect.poll(() => detail.count()).toBe(1);
    const text = await detail.textContent();
    expect(text).toContain("Pass secrets at build time");
    expect(text).toContain("RUN --mount=type=secret,id=aws ./deploy.sh");
    expect(text).toContain("cis-docker-1.6 4.10");
    expect(text).toContain("ENV AWS_SECRET_ACCESS_KEY=****************");
    await page.close();
    expect(problems).toEqual([]);
  });

  it("shows hostile text as text, never as markup", async () => {
    const page = await open(sampleReport(), "hostile");
    await page.fill("#filter", "alert(1)");
    await expect.poll(() => count(page)).toMatch(/^Showing 1 of/);
    expect(await page.locator("#rows td.title").first().textContent()).toBe(HOSTILE_TITLE);
    expect(await page.locator("#rows b").count()).toBe(0);
    // Only the page's own two scripts exist.
    expect(await page.locator("script").count()).toBe(2);
    await page.close();
    expect(problems).toEqual([]);
  });

  it("pages a large report instead of rendering every row", async () => {
    const report = manyFindings(20_000);
    const page = await open(report, "large");
    const shown = report.findings.filter((f) => !f.suppressed).length;
    expect(await page.locator("#rows tr.finding").count()).toBe(500);
    expect(await count(page)).toBe(`Showing ${shown.toLocaleString("en")} of 20,000 findings (first 500 listed)`);
    await page.click("#more");
    expect(await page.locator("#rows tr.finding").count()).toBe(1000);
    await page.click('th[data-sort="severity"]');
    expect(await page.locator("#rows tr.finding").count()).toBe(500);
    expect((await severities(page)).every((s) => s === "critical")).toBe(true);
    await page.close();
    expect(problems).toEqual([]);
  });
});
