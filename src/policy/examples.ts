// `mamori policy test`: every example of every policy through the format's adapter, as the
// built-in checks' examples are tested (test/checks/examples.test.ts): a bad example must fire,
// a good one must stay quiet.
import { adapterForFormat } from "../adapters/index.js";
import { violationsOf } from "../checks/define.js";
import type { ExampleFormat } from "../checks/types.js";
import type { PolicyCheck } from "./check.js";

export interface ExampleResult {
  policy: string;
  source: string;
  format: ExampleFormat | "-";
  kind: "bad" | "good" | "-";
  /** 1-based index within its list. */
  index: number;
  pass: boolean;
  /** Why it failed, or the messages it gave. */
  detail: string;
}

function runExample(check: PolicyCheck, format: ExampleFormat, text: string): { messages: string[]; error?: string } {
  const adapter = adapterForFormat(format);
  if (!adapter) return { messages: [], error: `no adapter for ${format}` };
  let models;
  try {
    models = adapter.parse(text, `example.${format}`).models;
  } catch (e) {
    return { messages: [], error: `the example does not parse: ${(e as Error).message}` };
  }
  const applicable = models.filter((m) => m.modelType === check.appliesTo);
  if (applicable.length === 0) return { messages: [], error: `the example has no ${check.appliesTo}` };
  const before = new Map(check.failures);
  const messages = applicable.flatMap((m) => violationsOf(check.evaluate(m, { path: "example" })).map((v) => v.message));
  const failed = [...check.failures].find(([msg, n]) => (before.get(msg) ?? 0) < n);
  return failed ? { messages, error: `the condition failed: ${failed[0]}` } : { messages };
}

export function testPolicyExamples(checks: readonly PolicyCheck[]): ExampleResult[] {
  const out: ExampleResult[] = [];
  for (const check of checks) {
    const base = { policy: check.id, source: check.source };
    const formats = Object.entries(check.examples) as [ExampleFormat, { bad: string[]; good: string[] }][];
    const total = formats.reduce((n, [, ex]) => n + ex.bad.length + ex.good.length, 0);
    if (total === 0) {
      out.push({ ...base, format: "-", kind: "-", index: 0, pass: false, detail: "no examples: give at least one bad and one good example" });
      continue;
    }
    for (const [format, ex] of formats) {
      for (const kind of ["bad", "good"] as const) {
        ex[kind].forEach((text, i) => {
          const r = runExample(check, format, text);
          const fired = r.messages.length > 0;
          const pass = r.error === undefined && (kind === "bad" ? fired : !fired);
          const detail =
            r.error ?? (kind === "bad" ? (fired ? r.messages.join("; ") : "did not fire") : fired ? `fired: ${r.messages.join("; ")}` : "quiet");
          out.push({ ...base, format, kind, index: i + 1, pass, detail });
        });
      }
    }
  }
  return out;
}
