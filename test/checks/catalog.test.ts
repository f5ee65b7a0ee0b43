import { describe, expect, it } from "vitest";
import { catalogJson, catalogMarkdown } from "../../src/checks/catalog.js";
import { builtinChecks } from "../../src/checks/registry.js";
import { FINDING_KINDS, SEVERITIES } from "../../src/core/model.js";

const PEER_KEYS = ["checkov", "kics", "trivy", "prowler", "cis", "hadolint"];

describe("JSON catalogue", () => {
  const catalog = catalogJson(builtinChecks);
  // A round trip through JSON is what `mamori rules list --format json` prints.
  const printed = JSON.parse(JSON.stringify(catalog)) as Record<string, unknown>[];

  it("has one entry per check, in order", () => {
    expect(printed.map((e) => e.id)).toEqual(builtinChecks.map((c) => c.id));
  });

  it.each(printed.map((e) => ({ id: String(e.id), entry: e })))("$id has the CONTRACT.md shape", ({ entry }) => {
    for (const key of ["id", "title", "severity", "kind", "appliesTo", "references", "compliance", "remediation", "description"]) expect(entry).toHaveProperty(key);
    expect(typeof entry.title).toBe("string");
    expect(SEVERITIES).toContain(entry.severity);
    expect(FINDING_KINDS).toContain(entry.kind);
    expect(String(entry.appliesTo)).toMatch(/^(?:dockerfile|image|k8s|compose|aws|gcp|azure)\.[A-Za-z0-9.]+$/);
    const refs = entry.references as Record<string, unknown>;
    for (const [k, v] of Object.entries(refs)) {
      expect(PEER_KEYS).toContain(k);
      expect(typeof v === "string" || (Array.isArray(v) && v.every((s) => typeof s === "string"))).toBe(true);
    }
    expect(Array.isArray(entry.compliance)).toBe(true);
    for (const c of entry.compliance as Record<string, unknown>[]) expect(Object.keys(c).sort()).toEqual(["control", "framework"]);
    expect(typeof (entry.remediation as { text?: unknown }).text).toBe("string");
    expect(entry).not.toHaveProperty("examples");
  });
});

describe("Markdown catalogue", () => {
  const md = catalogMarkdown(builtinChecks);

  it("names every check in the summary table and gives it a section", () => {
    for (const c of builtinChecks) {
      expect(md).toContain(`| [${c.id}](#`);
      expect(md).toContain(`## ${c.id}: ${c.title}`);
    }
  });

  it("shows peer ids, compliance and the examples in code blocks", () => {
    const section = md.slice(md.indexOf("## MAM-DF-001:"), md.indexOf("## MAM-DF-002:"));
    expect(section).toContain("checkov CKV_DOCKER_3, CKV_DOCKER_8");
    expect(section).toContain("cis-docker-1.6 4.1");
    expect(section).toContain("Bad (dockerfile) #1:");
    expect(section).toContain("```dockerfile\nFROM node:20.11-alpine");
    expect(section).toContain("Good (dockerfile) #1:");
    const fences = md.split("\n").filter((l) => /^`{3,}/.test(l)).length;
    expect(fences % 2).toBe(0);
  });

  it("keeps table cells on one line and escapes pipes", () => {
    const check = builtinChecks[0];
    if (!check) throw new Error("no checks");
    const odd = { ...check, id: "MAM-TEST-001", title: "a | b\nc" };
    const row = catalogMarkdown([odd]).split("\n").find((l) => l.startsWith("| [MAM-TEST-001]"));
    expect(row).toContain("a \\| b c");
  });

  it("uses a longer fence for examples that contain backticks", () => {
    const check = builtinChecks[0];
    if (!check) throw new Error("no checks");
    const odd = { ...check, id: "MAM-TEST-002", examples: { dockerfile: { bad: ["# escape=`\nFROM x\n```"], good: ["FROM y"] } } };
    expect(catalogMarkdown([odd])).toContain("````dockerfile\n# escape=`\nFROM x\n```\n````");
  });
});
