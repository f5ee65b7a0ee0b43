import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors.js";
import { MAX_COMPONENT_DEPTH } from "../../src/packages/sbom/cyclonedx-read.js";
import { readSbom } from "../../src/packages/sbom/index.js";

function inputError(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error("no error thrown");
}

describe("readSbom: what is refused", () => {
  it.each([
    ['{"bomFormat":"CycloneDX","specVersion":"1.3","components":[]}', 'bom.json: CycloneDX spec version "1.3" is not supported (1.4–1.6)'],
    ['{"bomFormat":"CycloneDX","specVersion":1.5}', "bom.json: CycloneDX spec version 1.5 is not supported (1.4–1.6)"],
    ['{"bomFormat":"CycloneDX"}', "bom.json: CycloneDX spec version null is not supported (1.4–1.6)"],
    ['{"spdxVersion":"SPDX-2.1","packages":[]}', 'bom.json: SPDX version "SPDX-2.1" is not supported (SPDX-2.2, SPDX-2.3)'],
    ['{"@context":"https://spdx.org/rdf/3.0.1/spdx-context.jsonld","@graph":[]}', "bom.json: SPDX 3 (JSON-LD) is not supported; SPDX 2.2 and 2.3 JSON are"],
    ['{"name":"package.json","dependencies":{}}', "bom.json: not a CycloneDX (1.4–1.6) or SPDX (2.2–2.3) JSON document"],
    ['[{"bomFormat":"CycloneDX"}]', "bom.json: not a CycloneDX (1.4–1.6) or SPDX (2.2–2.3) JSON document"],
    ['"CycloneDX"', "bom.json: not a CycloneDX (1.4–1.6) or SPDX (2.2–2.3) JSON document"],
    ["null", "bom.json: not a CycloneDX (1.4–1.6) or SPDX (2.2–2.3) JSON document"],
    ['{\n  "bomFormat": "CycloneDX",\n  "specVersion": "1.5",,\n}', "bom.json: not valid JSON at line 3, column 24: "],
    ['{\n  "bomFormat": "CycloneDX",\n  "components": [', "bom.json: not valid JSON at line 3, column 18: unexpected end of input"],
    ["", "bom.json: not valid JSON at line 1, column 1: unexpected end of input"],
    ["<?xml version=\"1.0\"?><bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\"/>", "bom.json: not valid JSON"],
  ])("%s", (text, message) => {
    expect(inputError(() => readSbom(text, "bom.json"))).toContain(message);
  });

  it("keeps a JSON error to one line whatever the document holds", () => {
    const message = inputError(() => readSbom('{"a":\n tru}', "bom.json"));
    expect(message).not.toMatch(/[\n\r]/);
    expect(message.startsWith("bom.json: not valid JSON")).toBe(true);
  });

  it("stops descending into components nested deeper than the limit, and says so", () => {
    const depth = MAX_COMPONENT_DEPTH + 6;
    let nested: Record<string, unknown> | undefined;
    for (let i = depth; i >= 1; i--) {
      const c: Record<string, unknown> = { type: "library", name: `lib${i}`, version: "1.0.0", purl: `pkg:npm/lib${i}@1.0.0` };
      if (nested) c.components = [nested];
      nested = c;
    }
    const sbom = readSbom(JSON.stringify({ bomFormat: "CycloneDX", specVersion: "1.6", components: [nested] }), "deep.json");
    expect(sbom.packages).toHaveLength(MAX_COMPONENT_DEPTH);
    expect(sbom.packages.at(-1)?.name).toBe(`lib${MAX_COMPONENT_DEPTH}`);
    expect(sbom.warnings).toEqual([`components nested deeper than ${MAX_COMPONENT_DEPTH} levels were not read`]);
  });

  it("reads exactly the limit without a warning", () => {
    let nested: Record<string, unknown> | undefined;
    for (let i = MAX_COMPONENT_DEPTH; i >= 1; i--) {
      const c: Record<string, unknown> = { type: "library", name: `lib${i}`, version: "1.0.0", purl: `pkg:npm/lib${i}@1.0.0` };
      if (nested) c.components = [nested];
      nested = c;
    }
    const sbom = readSbom(JSON.stringify({ bomFormat: "CycloneDX", specVersion: "1.6", components: [nested] }), "deep.json");
    expect(sbom.packages).toHaveLength(MAX_COMPONENT_DEPTH);
    expect(sbom.warnings).toEqual([]);
  });

  it("bounds the warnings a document can cause, and the names they quote", () => {
    const components = Array.from({ length: 50 }, (_, i) => ({ type: "library", name: `x${i}`, version: "1", purl: `pkg:type${i}${"z".repeat(100)}/x${i}@1` }));
    const sbom = readSbom(JSON.stringify({ bomFormat: "CycloneDX", specVersion: "1.5", components }), "many.json");
    expect(sbom.packages).toEqual([]);
    expect(sbom.warnings).toHaveLength(21);
    expect(sbom.warnings.at(-1)).toBe("30 components skipped: other reasons");
    expect(Math.max(...sbom.warnings.map((w) => w.length))).toBeLessThan(100);
  });

  it("tolerates wrong types inside a valid document without throwing anything but InputError", () => {
    const junk = fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null))));
    const component = fc.record({ type: junk, name: junk, version: junk, purl: junk, licenses: junk, components: junk, "bom-ref": junk, properties: junk });
    fc.assert(
      fc.property(fc.array(component, { maxLength: 5 }), junk, junk, (components, dependencies, vulnerabilities) => {
        const doc = { bomFormat: "CycloneDX", specVersion: "1.5", metadata: { component: components[0] ?? null }, components, dependencies, vulnerabilities };
        const sbom = readSbom(JSON.stringify(doc), "fuzz.json");
        expect(Array.isArray(sbom.packages)).toBe(true);
      }),
      { numRuns: 300 },
    );
    const pkg = fc.record({ SPDXID: junk, name: junk, versionInfo: junk, externalRefs: junk, licenseConcluded: junk, primaryPackagePurpose: junk });
    fc.assert(
      fc.property(fc.array(pkg, { maxLength: 5 }), junk, junk, (packages, relationships, documentDescribes) => {
        const sbom = readSbom(JSON.stringify({ spdxVersion: "SPDX-2.3", packages, relationships, documentDescribes }), "fuzz.json");
        expect(Array.isArray(sbom.packages)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
