import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { purlFor } from "../../../src/packages/purl.js";
import { readSbom } from "../../../src/packages/sbom/index.js";
import type { Package } from "../../../src/packages/types.js";
import { cyclonedxJson, spdxJson, type Inventory } from "../../../src/report/sbom/index.js";

/** The parts of the written documents the tests look at. */
interface CdxComponent {
  type: string;
  name: string;
  "bom-ref"?: string;
  licenses?: unknown;
  properties?: unknown;
}
interface CdxDoc {
  serialNumber: string;
  components: CdxComponent[];
}
interface SpdxDoc {
  documentNamespace?: string;
  creationInfo: { created: string };
  packages: { SPDXID: string; licenseDeclared?: string }[];
  relationships: { spdxElementId: string; relationshipType: string; relatedSpdxElement: string }[];
  hasExtractedLicensingInfos: { licenseId: string }[];
}

function pkg(name: string, version: string, ecosystem: string, extra: Partial<Package> = {}): Package {
  const p: Package = { name, version, ecosystem, purl: "", ...extra };
  p.purl = purlFor(p);
  return p;
}

const PACKAGES: Package[] = [
  pkg("openssl", "3.0.11-1~deb12u2", "Debian:12", { source: { name: "openssl", version: "3.0.11-1~deb12u2" }, license: "Apache-2.0", path: "var/lib/dpkg/status", layer: "sha256:aaa" }),
  pkg("libssl3", "3.0.11-1~deb12u2", "Debian:12", { source: { name: "openssl", version: "3.0.11-1~deb12u2" }, license: "GPL-2+ or Artistic" }),
  pkg("musl", "1.2.4-r2", "Alpine:v3.19", { license: "MIT" }),
  pkg("@babel/core", "7.24.0", "npm", { license: "MIT", path: "app/package-lock.json" }),
  pkg("lodash", "4.17.21", "npm", { license: "MIT", path: "app/node_modules/lodash/package.json" }),
  // The same package installed twice: two components, two ids.
  pkg("lodash", "4.17.21", "npm", { license: "MIT", path: "other/node_modules/lodash/package.json" }),
  pkg("requests", "2.31.0", "PyPI", { license: "Apache License, Version 2.0" }),
  pkg("org.apache.logging.log4j:log4j-core", "2.14.1", "Maven", { license: "Apache-2.0 OR MIT" }),
  pkg("golang.org/x/net", "v0.17.0", "Go", { license: "BSD-3-Clause" }),
  pkg("in-house", "1.0.0", "npm", { license: "Acme Corp Proprietary" }),
  pkg("serde", "1.0.197", "crates.io"),
];

const INVENTORY: Inventory = {
  subject: { name: "registry.example/app:1.2", type: "container" },
  packages: PACKAGES,
  dependencies: [
    { ref: PACKAGES[3]?.purl ?? "", dependsOn: [PACKAGES[4]?.purl ?? "", "pkg:npm/not-in-the-inventory@1.0.0"] },
    { ref: PACKAGES[1]?.purl ?? "", dependsOn: [PACKAGES[0]?.purl ?? ""] },
  ],
  toolVersion: "0.1.0",
  os: { family: "debian", version: "12" },
};

const FIXED = { now: new Date("2024-05-01T12:34:56.789Z"), uuid: "3e671687-395b-41f5-a30f-a58921a69b79" };

/** What a package keeps through writing and reading back. */
function identity(p: Package) {
  return { name: p.name, version: p.version, ecosystem: p.ecosystem, purl: p.purl, license: p.license };
}

const EXPECTED_LICENSES = [
  "Apache-2.0",
  "GPL-2.0-or-later OR Artistic-1.0-Perl",
  "MIT",
  "MIT",
  "MIT",
  "MIT",
  "Apache-2.0",
  "Apache-2.0 OR MIT",
  "BSD-3-Clause",
  "LicenseRef-Acme-Corp-Proprietary",
  undefined,
];

const expected = PACKAGES.map((p, i) => ({ ...identity(p), license: EXPECTED_LICENSES[i] }));

describe("CycloneDX 1.6 JSON", () => {
  const require = createRequire(import.meta.url);
  const schemaDir = join(dirname(require.resolve("@cyclonedx/cyclonedx-library/package.json")), "res/schema");
  const load = (f: string) => JSON.parse(readFileSync(join(schemaDir, f), "utf8")) as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  // The BOM schema refers to its neighbours by their file names, relative to its own $id.
  ajv.addSchema({ ...load("spdx.SNAPSHOT.schema.json"), $id: "http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json" });
  ajv.addSchema({ ...load("jsf-0.82.SNAPSHOT.schema.json"), $id: "http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json" });
  const validate = ajv.compile(load("bom-1.6.SNAPSHOT.schema.json"));

  const text = cyclonedxJson(INVENTORY, FIXED);
  const doc = JSON.parse(text) as CdxDoc;

  it("validates against the official CycloneDX 1.6 schema", () => {
    const ok = validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("the schema check has teeth: a broken document fails it", () => {
    const broken = structuredClone(doc);
    (broken.components[0] as CdxComponent).type = "not-a-type";
    expect(validate(broken)).toBe(false);
    const badLicense = structuredClone(doc);
    (badLicense.components.find((c) => c.name === "musl") as CdxComponent).licenses = [{ license: { id: "Not-An-SPDX-Id" } }];
    expect(validate(badLicense)).toBe(false);
  });

  it("has the document's identity, tool and subject", () => {
    expect(doc).toMatchObject({
      bomFormat: "CycloneDX",
      specVersion: "1.6",
      serialNumber: `urn:uuid:${FIXED.uuid}`,
      metadata: {
        timestamp: "2024-05-01T12:34:56.789Z",
        tools: { components: [{ type: "application", name: "mamori", version: "0.1.0" }] },
        component: { type: "container", name: "registry.example/app:1.2" },
      },
    });
    expect(doc.components.find((c) => c.type === "operating-system")).toMatchObject({ name: "debian", version: "12" });
  });

  it("writes single ids as license ids and the rest as expressions", () => {
    const byName = (n: string) => doc.components.find((c) => c.name === n) as CdxComponent;
    expect(byName("musl").licenses).toEqual([{ license: { id: "MIT" } }]);
    expect(byName("libssl3").licenses).toEqual([{ expression: "GPL-2.0-or-later OR Artistic-1.0-Perl" }]);
    expect(byName("in-house").licenses).toEqual([{ expression: "LicenseRef-Acme-Corp-Proprietary" }]);
    expect(byName("serde").licenses).toBeUndefined();
    expect(byName("openssl").properties).toEqual([
      { name: "mamori:layer", value: "sha256:aaa" },
      { name: "mamori:path", value: "var/lib/dpkg/status" },
    ]);
  });

  it("gives duplicates their own bom-ref", () => {
    const refs = doc.components.map((c) => c["bom-ref"]);
    expect(new Set(refs).size).toBe(refs.length);
  });

  it("reads back to the same packages and dependency edges", () => {
    const back = readSbom(text, "bom.json");
    expect(back.subject).toBe("registry.example/app:1.2");
    expect(back.warnings).toEqual([]);
    expect(back.packages.map(identity)).toEqual(expect.arrayContaining(expected));
    expect(back.packages).toHaveLength(PACKAGES.length);
    const purlOf = new Map(back.packages.map((p) => [p.ref, p.purl]));
    const edges = back.dependencies.filter((d) => d.dependsOn.length > 0).map((d) => [purlOf.get(d.ref), d.dependsOn.map((r) => purlOf.get(r))]);
    expect(edges).toEqual(
      expect.arrayContaining([
        [PACKAGES[3]?.purl, [PACKAGES[4]?.purl]],
        [PACKAGES[1]?.purl, [PACKAGES[0]?.purl]],
      ]),
    );
    expect(edges).toHaveLength(2);
  });

  it("gives each document its own serial number", () => {
    const a = JSON.parse(cyclonedxJson(INVENTORY)).serialNumber;
    const b = JSON.parse(cyclonedxJson(INVENTORY)).serialNumber;
    expect(a).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });
});

// No SPDX 2.3 JSON schema ships in an installed package, so this states the specification's
// requirements for the fields Mamori writes (SPDX 2.3 clauses 6, 7 and 11, and its JSON schema's
// required properties, patterns and enumerations), with unknown fields refused as the official
// schema refuses them.
const DATE = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z$";
const SPDX_23_RULES = {
  type: "object",
  required: ["SPDXID", "creationInfo", "dataLicense", "name", "spdxVersion", "documentNamespace"],
  additionalProperties: false,
  properties: {
    spdxVersion: { const: "SPDX-2.3" },
    dataLicense: { const: "CC0-1.0" },
    SPDXID: { const: "SPDXRef-DOCUMENT" },
    name: { type: "string", minLength: 1 },
    documentNamespace: { type: "string", pattern: "^https?://[^#\\s]+$" },
    creationInfo: {
      type: "object",
      required: ["created", "creators"],
      additionalProperties: false,
      properties: {
        created: { type: "string", pattern: DATE },
        creators: { type: "array", minItems: 1, items: { type: "string", pattern: "^(Tool|Person|Organization): .+" } },
      },
    },
    packages: {
      type: "array",
      items: {
        type: "object",
        required: ["SPDXID", "downloadLocation", "name"],
        additionalProperties: false,
        properties: {
          SPDXID: { type: "string", pattern: "^SPDXRef-[a-zA-Z0-9.-]+$" },
          name: { type: "string", minLength: 1 },
          versionInfo: { type: "string" },
          downloadLocation: { type: "string" },
          filesAnalyzed: { type: "boolean" },
          licenseConcluded: { type: "string" },
          licenseDeclared: { type: "string" },
          copyrightText: { type: "string" },
          sourceInfo: { type: "string" },
          primaryPackagePurpose: {
            enum: ["OTHER", "INSTALL", "ARCHIVE", "FIRMWARE", "APPLICATION", "FRAMEWORK", "LIBRARY", "CONTAINER", "SOURCE", "DEVICE", "OPERATING-SYSTEM", "FILE"],
          },
          externalRefs: {
            type: "array",
            items: {
              type: "object",
              required: ["referenceCategory", "referenceLocator", "referenceType"],
              additionalProperties: false,
              properties: {
                referenceCategory: { enum: ["OTHER", "PERSISTENT-ID", "PERSISTENT_ID", "SECURITY", "PACKAGE-MANAGER", "PACKAGE_MANAGER"] },
                referenceLocator: { type: "string", pattern: "^\\S+$" },
                referenceType: { type: "string" },
              },
            },
          },
        },
      },
    },
    relationships: {
      type: "array",
      items: {
        type: "object",
        required: ["spdxElementId", "relatedSpdxElement", "relationshipType"],
        additionalProperties: false,
        properties: {
          spdxElementId: { type: "string" },
          relatedSpdxElement: { type: "string" },
          relationshipType: { enum: ["DESCRIBES", "CONTAINS", "DEPENDS_ON", "DEPENDENCY_OF", "CONTAINED_BY", "DESCRIBED_BY", "OTHER"] },
        },
      },
    },
    hasExtractedLicensingInfos: {
      type: "array",
      items: {
        type: "object",
        required: ["extractedText", "licenseId"],
        additionalProperties: false,
        properties: {
          licenseId: { type: "string", pattern: "^LicenseRef-[A-Za-z0-9.-]+$" },
          extractedText: { type: "string", minLength: 1 },
          name: { type: "string" },
        },
      },
    },
  },
};

describe("SPDX 2.3 JSON", () => {
  const validate = new Ajv({ allErrors: true }).compile(SPDX_23_RULES);
  const text = spdxJson(INVENTORY, FIXED);
  const doc = JSON.parse(text) as SpdxDoc;

  it("meets the SPDX 2.3 requirements for the fields it writes", () => {
    const ok = validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("the rules have teeth: a broken document fails them", () => {
    const noNamespace = structuredClone(doc);
    delete noNamespace.documentNamespace;
    expect(validate(noNamespace)).toBe(false);
    const badId = structuredClone(doc);
    (badId.packages[1] as { SPDXID: string }).SPDXID = "SPDXRef-has space";
    expect(validate(badId)).toBe(false);
    const millis = structuredClone(doc);
    millis.creationInfo.created = "2024-05-01T12:34:56.789Z";
    expect(validate(millis)).toBe(false);
  });

  it("has the document's identity and creator", () => {
    expect(doc).toMatchObject({
      spdxVersion: "SPDX-2.3",
      dataLicense: "CC0-1.0",
      SPDXID: "SPDXRef-DOCUMENT",
      name: "registry.example/app:1.2",
      creationInfo: { created: "2024-05-01T12:34:56Z", creators: ["Tool: mamori-0.1.0"] },
    });
    expect(doc.documentNamespace).toBe(`https://spdx.org/spdxdocs/mamori/registry.example%2Fapp%3A1.2-${FIXED.uuid}`);
  });

  it("gives every element a unique SPDXID and every relationship known ends", () => {
    const ids = doc.packages.map((p) => p.SPDXID);
    expect(new Set(ids).size).toBe(ids.length);
    const known = new Set([...ids, "SPDXRef-DOCUMENT"]);
    for (const r of doc.relationships) {
      expect(known.has(r.spdxElementId)).toBe(true);
      expect(known.has(r.relatedSpdxElement)).toBe(true);
    }
    expect(doc.relationships.filter((r) => r.relationshipType === "DESCRIBES")).toEqual([
      { spdxElementId: "SPDXRef-DOCUMENT", relationshipType: "DESCRIBES", relatedSpdxElement: "SPDXRef-Subject" },
    ]);
    // The subject contains the OS and every package.
    expect(doc.relationships.filter((r) => r.relationshipType === "CONTAINS")).toHaveLength(PACKAGES.length + 1);
  });

  it("defines every LicenseRef it uses", () => {
    const used = new Set<string>(doc.packages.flatMap((p) => (p.licenseDeclared ?? "").match(/LicenseRef-[A-Za-z0-9.-]+/g) ?? []));
    expect([...used]).toEqual(["LicenseRef-Acme-Corp-Proprietary"]);
    expect(doc.hasExtractedLicensingInfos.map((l) => l.licenseId)).toEqual([...used]);
  });

  it("reads back to the same packages and dependency edges", () => {
    const back = readSbom(text, "sbom.spdx.json");
    expect(back.subject).toBe("registry.example/app:1.2");
    expect(back.warnings).toEqual([]);
    expect(back.packages.map(identity)).toEqual(expected);
    const purlOf = new Map(back.packages.map((p) => [p.ref, p.purl]));
    const dependsOn = back.dependencies
      .filter((d) => purlOf.has(d.ref))
      .map((d) => [purlOf.get(d.ref), d.dependsOn.map((r) => purlOf.get(r))]);
    expect(dependsOn).toEqual(
      expect.arrayContaining([
        [PACKAGES[3]?.purl, [PACKAGES[4]?.purl]],
        [PACKAGES[1]?.purl, [PACKAGES[0]?.purl]],
      ]),
    );
    expect(dependsOn).toHaveLength(2);
  });

  it("gives each document its own namespace", () => {
    expect(JSON.parse(spdxJson(INVENTORY)).documentNamespace).not.toBe(JSON.parse(spdxJson(INVENTORY)).documentNamespace);
  });
});

describe("edge cases", () => {
  it("leaves out a license that lives in another SPDX document", () => {
    const inv: Inventory = { ...INVENTORY, packages: [pkg("x", "1.0.0", "npm", { license: "DocumentRef-other:LicenseRef-x" })], dependencies: [] };
    const doc = JSON.parse(spdxJson(inv, FIXED)) as SpdxDoc;
    expect(doc.packages.find((p) => p.SPDXID.startsWith("SPDXRef-Package-"))?.licenseDeclared).toBe("NOASSERTION");
    expect(doc.hasExtractedLicensingInfos).toBeUndefined();
  });

  it("writes a large inventory quickly", () => {
    const many = Array.from({ length: 20_000 }, (_, i) => pkg(`package-${i}`, `1.${i}.0`, "npm", { license: i % 2 ? "MIT" : "Apache-2.0 OR MIT" }));
    const inv: Inventory = { ...INVENTORY, packages: many, dependencies: many.slice(1).map((p, i) => ({ ref: p.purl, dependsOn: [many[i]?.purl ?? ""] })) };
    const started = performance.now();
    const cdx = cyclonedxJson(inv, FIXED);
    const spdx = spdxJson(inv, FIXED);
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(readSbom(cdx, "big.cdx.json").packages).toHaveLength(20_000);
    expect(readSbom(spdx, "big.spdx.json").packages).toHaveLength(20_000);
  });
});

describe("empty inventories", () => {
  const empty: Inventory = { subject: { name: "scratch", type: "file" }, packages: [], toolVersion: "0.1.0" };
  it.each([
    ["cyclonedx", cyclonedxJson],
    ["spdx", spdxJson],
  ])("%s: writes a valid document with no packages", (_name, write) => {
    const back = readSbom(write(empty, FIXED), "empty.json");
    expect(back.packages).toEqual([]);
    expect(back.subject).toBe("scratch");
  });
});
