// CVSS scoring and the severity precedence: distribution rating, then CVSS (newest version), then
// the advisory's own word. Reference scores are NVD's for the same vectors.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { cvssScore, severityOf } from "../../../src/vulndb/cvss.js";
import type { OsvRecord } from "../../../src/vulndb/types.js";
import { parseOsvText } from "../../../src/vulndb/osv.js";
import { osvData, repoRoot } from "./fixtures.js";
import { existsSync } from "node:fs";

describe("cvssScore", () => {
  it.each([
    ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "3.1", 9.8, "critical"],
    ["CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "3.0", 9.8, "critical"],
    ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", "3.1", 10, "critical"],
    ["CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", "3.1", 7.8, "high"],
    ["CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:H/I:N/A:N", "3.1", 6.1, "medium"],
    ["CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H", "3.1", 7.4, "high"],
    ["CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N", "3.1", 3.7, "low"],
    ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", "3.1", 0, "none"],
    // Temporal metrics do not change the base score.
    ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O", "3.1", 9.8, "critical"],
    ["AV:N/AC:L/Au:N/C:P/I:P/A:P", "2.0", 7.5, "high"],
    ["(AV:N/AC:L/Au:N/C:P/I:P/A:P)", "2.0", 7.5, "high"],
    // CVSS v2 has no "critical" band.
    ["AV:N/AC:L/Au:N/C:C/I:C/A:C", "2.0", 10, "high"],
    ["AV:N/AC:M/Au:N/C:N/I:P/A:N", "2.0", 4.3, "medium"],
    ["CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "4.0", 9.3, "critical"],
    ["CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", "4.0", 0, "none"],
  ])("%s → v%s %f %s", (vector, version, score, severity) => {
    expect(cvssScore(vector)).toEqual({ version, score, severity });
  });

  it.each([
    "",
    "garbage",
    "CVSS:3.1/AV:N",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H",
    "CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    "CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/FOO:B",
    "CVSS:9.9/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/",
  ])("%j is not a vector", (vector) => {
    expect(cvssScore(vector)).toBeUndefined();
  });

  it("never throws, whatever the string", () => {
    const part = fc.tuple(fc.constantFrom("AV", "AC", "PR", "UI", "S", "C", "I", "A", "Au", "E", "VC", "X", ""), fc.constantFrom("N", "L", "H", "P", "U", "C", "X", "Q", ""));
    const vector = fc.tuple(fc.constantFrom("", "CVSS:3.1/", "CVSS:3.0/", "CVSS:4.0/", "CVSS:2.0/", "("), fc.array(part, { maxLength: 14 })).map(([p, parts]) => p + parts.map(([k, v]) => `${k}:${v}`).join("/"));
    fc.assert(
      fc.property(fc.oneof(fc.string(), vector), (v) => {
        const r = cvssScore(v);
        if (r !== undefined) expect(r.score).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 2000 },
    );
  });
});

const samples = join(osvData, "samples");
function sample(file: string): OsvRecord {
  const path = existsSync(join(samples, file)) ? join(samples, file) : join(repoRoot, "demo", "osv", file);
  return parseOsvText(readFileSync(path, "utf8"), file, file.endsWith(".json") ? "json" : "yaml")[0]!;
}
const haveSamples = existsSync(samples);
if (!haveSamples) console.warn(`skipping the severity tests on real samples: ${samples} is absent`);

function record(extra: Partial<OsvRecord>, ecosystem = "npm"): OsvRecord {
  return { id: "T-1", modified: "2024-01-01T00:00:00Z", affected: [{ package: { ecosystem, name: "p" } }], ...extra };
}
const V31_CRITICAL = { type: "CVSS_V3", score: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" };
const V31_HIGH = { type: "CVSS_V3", score: "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H" };
const V2_MEDIUM = { type: "CVSS_V2", score: "AV:N/AC:M/Au:N/C:N/I:P/A:N" };
const V4_NONE = { type: "CVSS_V4", score: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N" };

describe("severityOf", () => {
  it.each([
    ["an Ubuntu rating over CVSS", record({ severity: [V31_CRITICAL], affected: [{ package: { ecosystem: "Ubuntu:22.04:LTS", name: "p" }, severity: [{ type: "Ubuntu", score: "medium" }] }] }), "medium", "distribution"],
    ["Ubuntu 'negligible' as info", record({ severity: [V31_CRITICAL, { type: "Ubuntu", score: "negligible" }] }, "Ubuntu:24.04:LTS"), "info", "distribution"],
    ["a Debian urgency", record({ severity: [V31_CRITICAL], affected: [{ package: { ecosystem: "Debian:12", name: "p" }, ecosystem_specific: { urgency: "low" } }] }), "low", "distribution"],
    ["a Debian urgency not yet assigned: CVSS decides", record({ severity: [V31_HIGH], affected: [{ package: { ecosystem: "Debian:12", name: "p" }, ecosystem_specific: { urgency: "not yet assigned" } }] }), "high", "cvss"],
    ["a Red Hat 'Important'", record({ severity: [V2_MEDIUM], database_specific: { severity: "Important" } }, "Red Hat:enterprise_linux:9"), "high", "distribution"],
    ["CVSS v3.1 over v2", record({ severity: [V2_MEDIUM, V31_CRITICAL] }), "critical", "cvss"],
    ["CVSS v4 over v3.1, even when lower", record({ severity: [V31_CRITICAL, V4_NONE] }), "info", "cvss"],
    ["the affected entry's vector first", record({ severity: [V31_CRITICAL], affected: [{ package: { ecosystem: "npm", name: "p" }, severity: [V31_HIGH] }] }), "high", "cvss"],
    ["a GHSA word when no vector", record({ database_specific: { severity: "MODERATE" } }), "medium", "advisory"],
    ["an invalid vector skipped for the word", record({ severity: [{ type: "CVSS_V3", score: "CVSS:3.1/AV:N" }], database_specific: { severity: "LOW" } }), "low", "advisory"],
    ["a package-registry record's database severity is not a distribution rating", record({ severity: [V31_HIGH], database_specific: { severity: "CRITICAL" } }), "high", "cvss"],
  ])("%s", (_what, rec, severity, source) => {
    expect(severityOf(rec, rec.affected?.[0])).toMatchObject({ severity, source });
  });

  it("is undefined for a record that rates itself nowhere", () => {
    expect(severityOf(record({}))).toBeUndefined();
  });

  it("returns the CVSS vector behind the verdict, even when the distribution decided", () => {
    const rec = record({ severity: [V31_CRITICAL, { type: "Ubuntu", score: "low" }] }, "Ubuntu:22.04:LTS");
    expect(severityOf(rec)).toEqual({ severity: "low", source: "distribution", cvss: { version: "3.1", vector: V31_CRITICAL.score, score: 9.8 } });
  });

  it.skipIf(!haveSamples).each([
    ["UBUNTU-CVE-2023-4911.json", 0, "high", "distribution", 7.8],
    ["GHSA-jfh8-c2jp-5v3q.json", 0, "critical", "cvss", 10],
    ["GHSA-p6mc-m468-83gw.json", 0, "high", "cvss", 7.4],
    ["BIT-node-2020-8201.json", 0, "high", "cvss", 7.4],
    ["ROOT-OS-UBUNTU-2204-CVE-2025-68973.json", 0, "high", "cvss", 7],
    ["GHSA-j8r2-6x86-q33q.yaml", 0, "medium", "cvss", 6.1],
  ])("%s (real record)", (file, index, severity, source, score) => {
    const rec = sample(file);
    expect(severityOf(rec, rec.affected?.[index])).toMatchObject({ severity, source, cvss: { score } });
  });

  it.skipIf(!haveSamples)("is undefined for a Go record, which carries no rating", () => {
    expect(severityOf(sample("GO-2020-0001.json"))).toBeUndefined();
  });
});
