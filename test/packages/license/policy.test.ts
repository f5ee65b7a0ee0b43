import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors.js";
import { evaluateLicenses, type LicensePolicy } from "../../../src/packages/license/index.js";
import type { Package } from "../../../src/packages/types.js";

function pkg(license: string | undefined, name = "pkg", extra: Partial<Package> = {}): Package {
  const p: Package = { name, version: "1.0.0", ecosystem: "npm", purl: `pkg:npm/${name}@1.0.0`, ...extra };
  if (license !== undefined) p.license = license;
  return p;
}

const DENY: LicensePolicy = { deny: ["AGPL-3.0-only", "GPL-3.0"] };
const ALLOW: LicensePolicy = { allow: ["MIT", "Apache 2.0", "BSD-3-Clause"] };
const BOTH: LicensePolicy = { deny: ["GPL-2.0-only"], allow: ["MIT", "GPL-2.0-only"] };

describe("evaluateLicenses", () => {
  it.each([
    // deny lists
    ["MIT", DENY, undefined],
    ["AGPL-3.0-only", DENY, "MAM-LIC-001"],
    ["AGPL-3.0", DENY, "MAM-LIC-001"], // deprecated spelling of the same license
    ["GPL-3.0-or-later", DENY, "MAM-LIC-001"], // "-only" and "-or-later" are one entry
    ["GPLv3+", DENY, "MAM-LIC-001"], // names are normalized first
    ["GPL-2.0-or-later", DENY, undefined],
    ["MIT OR AGPL-3.0-only", DENY, undefined], // an OR is fine when one choice is
    ["AGPL-3.0-only OR GPL-3.0-only", DENY, "MAM-LIC-001"],
    ["MIT AND AGPL-3.0-only", DENY, "MAM-LIC-001"], // an AND needs every part
    ["(MIT OR GPL-3.0-only) AND Apache-2.0", DENY, undefined],
    ["GPL-3.0-only WITH GCC-exception-3.1", DENY, "MAM-LIC-001"], // the exception narrows nothing
    // allow lists
    ["MIT", ALLOW, undefined],
    ["Apache-2.0", ALLOW, undefined],
    ["ISC", ALLOW, "MAM-LIC-002"],
    ["ISC OR MIT", ALLOW, undefined],
    ["ISC AND MIT", ALLOW, "MAM-LIC-002"],
    ["Acme Proprietary", ALLOW, "MAM-LIC-002"],
    // both: deny wins over allow
    ["GPL-2.0-only", BOTH, "MAM-LIC-001"],
    ["GPL-2.0-only OR ISC", BOTH, "MAM-LIC-002"], // the better choice is only "not allowed"
    ["GPL-2.0-only OR MIT", BOTH, undefined],
    // no license, nothing to judge
    [undefined, ALLOW, undefined],
    ["NOASSERTION", ALLOW, undefined],
  ])("%j under %j → %s", (license, policy, ruleId) => {
    const findings = evaluateLicenses([pkg(license)], policy);
    expect(findings.map((f) => f.ruleId)).toEqual(ruleId ? [ruleId] : []);
  });

  it("describes the package, its license and the licenses at fault", () => {
    const p = pkg("MIT AND AGPL-3.0", "left-pad", { path: "app/node_modules/left-pad/package.json", layer: "sha256:abc" });
    const [f, ...rest] = evaluateLicenses([p], DENY);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      ruleId: "MAM-LIC-001",
      kind: "license",
      severity: "high",
      title: "License AGPL-3.0-only is denied by the license policy",
      message: "left-pad 1.0.0 (npm) is licensed under MIT AND AGPL-3.0-only: AGPL-3.0-only is denied by the license policy",
      location: { path: "app/node_modules/left-pad/package.json" },
      package: { name: "left-pad", version: "1.0.0", ecosystem: "npm", purl: "pkg:npm/left-pad@1.0.0", path: "app/node_modules/left-pad/package.json", layer: "sha256:abc" },
    });
    expect(f?.id).toMatch(/^[0-9a-f]{32}$/);
    const [g] = evaluateLicenses([pkg("ISC OR 0BSD")], ALLOW);
    expect(g).toMatchObject({ ruleId: "MAM-LIC-002", severity: "medium", title: "License ISC, 0BSD is not in the license policy's allow list" });
  });

  it("gives repeated packages distinct, stable ids", () => {
    const packages = [pkg("AGPL-3.0-only", "a"), pkg("AGPL-3.0-only", "a"), pkg("AGPL-3.0-only", "b")];
    const ids = evaluateLicenses(packages, DENY).map((f) => f.id);
    expect(new Set(ids).size).toBe(3);
    expect(evaluateLicenses(packages, DENY).map((f) => f.id)).toEqual(ids);
  });

  it("does nothing without a policy", () => {
    expect(evaluateLicenses([pkg("AGPL-3.0-only")], {})).toEqual([]);
  });

  it.each([
    [{ deny: ["MIT OR GPL-2.0-only"] }, /license\.deny: "MIT OR GPL-2\.0-only" is an expression/],
    [{ allow: ["NOASSERTION"] }, /license\.allow: "NOASSERTION" is not a license/],
    [{ deny: [42 as unknown as string] }, /license\.deny: 42 is not a license/],
  ])("refuses the policy %j", (policy, message) => {
    expect(() => evaluateLicenses([pkg("MIT")], policy)).toThrow(InputError);
    expect(() => evaluateLicenses([pkg("MIT")], policy)).toThrow(message);
  });
});
