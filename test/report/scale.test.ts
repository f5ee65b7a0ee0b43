import { describe, expect, it } from "vitest";
import { renderToString } from "../../src/report/index.js";
import type { ReportFormat } from "../../src/report/types.js";
import { manyFindings } from "./fixture.js";

const N = 100_000;
const report = manyFindings(N);

function timed(format: ReportFormat): { text: string; ms: number } {
  const start = performance.now();
  const text = renderToString(report, format, { color: false });
  return { text, ms: performance.now() - start };
}

describe(`${N.toLocaleString("en")} findings`, () => {
  it.each([
    ["json", (t: string) => (JSON.parse(t) as { findings: unknown[] }).findings.length],
    ["sarif", (t: string) => (JSON.parse(t) as { runs: { results: unknown[] }[] }).runs[0]!.results.length],
    [
      "html",
      (t: string) => {
        const m = /<script type="application\/json" id="mamori-data">([\s\S]*?)<\/script>/.exec(t);
        return (JSON.parse(m![1]!) as { findings: unknown[] }).findings.length;
      },
    ],
    ["junit", (t: string) => t.match(/<testcase /g)!.length],
    ["table", (t: string) => t.match(/^ {2}(CRITICAL|HIGH|MEDIUM|LOW|INFO) /gm)!.length + N / 50],
  ] as const)("render to %s in a few seconds, every finding present", (format, countFindings) => {
    const { text, ms } = timed(format);
    expect(countFindings(text)).toBe(N);
    expect(ms).toBeLessThan(5000);
  });
});
