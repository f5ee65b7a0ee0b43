// The generic test (ARCHITECTURE.md §3): every example of every check is a test case. A bad
// example must make its check fire, a good one must leave it quiet.
import { describe, expect, it } from "vitest";
import { adapterForFormat } from "../../src/adapters/index.js";
import { violationsOf } from "../../src/checks/define.js";
import { builtinChecks } from "../../src/checks/registry.js";
import type { Check, ExampleFormat, Violation } from "../../src/checks/types.js";
import { SEVERITIES } from "../../src/core/model.js";

function runCheck(check: Check, format: ExampleFormat, text: string): Violation[] {
  const adapter = adapterForFormat(format);
  if (!adapter) throw new Error(`no adapter for example format ${format}`);
  const parsed = adapter.parse(text, `example.${format}`);
  return parsed.models.filter((m) => m.modelType === check.appliesTo).flatMap((m) => [...violationsOf(check.evaluate(m, { path: "example" }))]);
}

interface Case {
  name: string;
  check: Check;
  format: ExampleFormat;
  text: string;
}

function cases(kind: "bad" | "good"): Case[] {
  return builtinChecks.flatMap((check) =>
    (Object.entries(check.examples) as [ExampleFormat, { bad: string[]; good: string[] }][]).flatMap(([format, ex]) =>
      ex[kind].map((text, i) => ({ name: `${check.id} ${format} ${kind} #${i + 1}`, check, format, text })),
    ),
  );
}

describe("check examples", () => {
  it.each(cases("bad"))("$name fires", ({ check, format, text }) => {
    const found = runCheck(check, format, text);
    expect(found.length).toBeGreaterThan(0);
    for (const v of found) {
      expect(v.message.length).toBeGreaterThan(0);
      expect(v.range.startLine).toBeGreaterThanOrEqual(1);
      expect(v.range.endLine).toBeGreaterThanOrEqual(v.range.startLine);
      // Image findings point at the Dockerfile rebuilt from the config's history, not at the JSON.
      if (format !== "image") expect(v.range.endLine).toBeLessThanOrEqual(text.split("\n").length);
    }
  });

  it.each(cases("good"))("$name stays quiet", ({ check, format, text }) => {
    expect(runCheck(check, format, text)).toEqual([]);
  });
});

describe("check metadata", () => {
  it("has checks", () => {
    expect(builtinChecks.length).toBeGreaterThanOrEqual(12);
  });

  it("ids are unique, well-formed and sorted", () => {
    const ids = builtinChecks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^MAM-[A-Z0-9]+(?:-[A-Z0-9]+)*-\d{3}$/);
    expect([...ids].sort()).toEqual(ids);
  });

  it.each(builtinChecks.map((c) => ({ id: c.id, check: c })))("$id is fully described", ({ check }) => {
    expect(check.title.length).toBeGreaterThan(5);
    expect(check.description.length).toBeGreaterThan(40);
    expect(check.remediation.text.length).toBeGreaterThan(10);
    expect(SEVERITIES).toContain(check.severity);
    const formats = Object.values(check.examples);
    expect(formats.length).toBeGreaterThan(0);
    for (const ex of formats) {
      expect(ex.bad.length).toBeGreaterThanOrEqual(1);
      expect(ex.good.length).toBeGreaterThanOrEqual(1);
    }
    for (const format of Object.keys(check.examples) as ExampleFormat[]) expect(adapterForFormat(format)).toBeDefined();
    for (const r of check.compliance ?? []) {
      expect(r.framework).toMatch(/^[a-z0-9.-]+$/);
      expect(r.control).not.toBe("");
    }
    for (const [tool, ids] of Object.entries(check.references ?? {})) {
      for (const id of Array.isArray(ids) ? ids : [ids]) {
        const shape: Record<string, RegExp> = {
          checkov: /^CKV2?_(?:DOCKER|K8S|AWS|GCP|AZURE)_\d+$/,
          trivy: /^AVD-(?:DS|KSV|AWS|GCP|AZU)-\d{4}$/,
          hadolint: /^DL\d{4}$/,
        };
        expect(id, `${tool} reference`).toMatch(shape[tool] ?? /./);
      }
    }
  });
});

// Secrets planted in Dockerfiles: whatever the checks report must never carry them.
const PLANTED = [
  { secret: "Pl4nted-S3cret-Value-0001", text: (s: string) => `FROM alpine:3.20\nENV DB_PASSWORD=${s}\n` },
  { secret: "Pl4nted-S3cret-Value-0002", text: (s: string) => `FROM alpine:3.20\nENV API_TOKEN="${s}" OTHER=1\n` },
  { secret: "Pl4nted-S3cret-Value-0003", text: (s: string) => `ARG GITHUB_TOKEN=${s}\nFROM alpine:3.20\n` },
  { secret: "Pl4nted S3cret with spaces", text: (s: string) => `FROM alpine:3.20\nENV SECRET_KEY "${s}"\n` },
  { secret: "Pl4nted\\ Escaped", text: (s: string) => `FROM alpine:3.20\nENV APP_SECRET=${s}\n` },
  { secret: "abc", text: (s: string) => `FROM alpine:3.20\nENV ADMIN_PASSWORD=${s}\n` },
  {
    secret: "Pl4nted-S3cret-Value-0007",
    text: (s: string) => `FROM alpine:3.20\nENV APP_ENV=prod \\\n    AWS_SECRET_ACCESS_KEY=${s} \\\n    NPM_TOKEN=\${NPM_TOKEN}\n`,
  },
];

describe("secrets never leak into violations", () => {
  const secretChecks = builtinChecks.filter((c) => c.id === "MAM-DF-005" || c.id === "MAM-DF-006");

  it.each(PLANTED.map((p, i) => ({ ...p, n: i + 1 })))("planted secret #$n", ({ secret, text }) => {
    const dockerfile = text(secret);
    const values = [secret, secret.replace(/\\ /g, " ")];
    let count = 0;
    for (const check of builtinChecks) {
      for (const v of runCheck(check, "dockerfile", dockerfile)) {
        count++;
        for (const value of values) {
          for (const field of [v.message, v.key ?? "", v.snippet ?? "", v.fix ?? ""]) expect(field).not.toContain(value);
        }
        if (secretChecks.includes(check)) expect(v.snippet, `${check.id} must set a redacted snippet`).toBeDefined();
      }
    }
    expect(count).toBeGreaterThan(0);
    expect(runCheck(secretChecks[0] as Check, "dockerfile", dockerfile).length).toBeGreaterThan(0);
  });
});
