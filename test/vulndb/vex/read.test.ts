import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors.js";
import { readVex } from "../../../src/vulndb/vex.js";

const json = (doc: unknown) => JSON.stringify(doc, null, 2);

// OpenVEX 0.2.0 as a vendor publishes it for an image.
const OPENVEX = {
  "@context": "https://openvex.dev/ns/v0.2.0",
  "@id": "https://openvex.dev/docs/public/vex-8f0c2d1e",
  author: "Shop Platform Team <platform@shop.example>",
  role: "Document Creator",
  timestamp: "2024-06-01T09:00:00Z",
  version: 2,
  statements: [
    {
      vulnerability: { "@id": "https://nvd.nist.gov/vuln/detail/CVE-2023-44487", name: "CVE-2023-44487", aliases: ["GHSA-qppj-fm5r-hxr3", "CVE-2023-44487"] },
      products: [
        {
          "@id": "pkg:oci/api@sha256%3A5b0c1a?repository_url=registry.example.com%2Fshop%2Fapi",
          subcomponents: [{ "@id": "pkg:golang/golang.org/x/net@v0.17.0" }, { identifiers: { purl: "pkg:golang/google.golang.org/grpc@v1.58.2" } }],
        },
      ],
      status: "not_affected",
      justification: "vulnerable_code_not_in_execute_path",
      impact_statement: "The service does not run an HTTP/2 server.",
    },
    {
      vulnerability: { name: "CVE-2021-44228", aliases: ["GHSA-jfh8-c2jp-5v3q"] },
      timestamp: "2024-05-20T00:00:00Z",
      products: [
        {
          "@id": "https://shop.example/products/billing",
          identifiers: { purl: "pkg:maven/org.apache.logging.log4j/log4j-core", cpe23: "cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*" },
        },
      ],
      status: "fixed",
    },
    { vulnerability: { name: "CVE-2024-24790" }, products: [{ "@id": "pkg:golang/stdlib@1.21.0" }], status: "under_investigation" },
    {
      vulnerability: { name: "CVE-2024-6387" },
      products: [{ "@id": "pkg:deb/debian/openssh-server@1:9.2p1-2+deb12u2?arch=amd64&distro=debian-12" }],
      status: "affected",
      action_statement: "Upgrade openssh-server to 1:9.2p1-2+deb12u3.",
    },
    // Products from an encapsulating attestation are not read: nothing to match.
    { vulnerability: { name: "CVE-2024-0001" }, status: "not_affected", justification: "component_not_present" },
  ],
};

// The first OpenVEX form: plain strings, subcomponents on the statement.
const OPENVEX_0_0 = {
  "@context": "https://openvex.dev/ns",
  "@id": "https://openvex.dev/docs/example/vex-9fb3463de1b57",
  author: "Wolfi J Inkinson",
  timestamp: "2023-01-08T18:02:03-06:00",
  version: "1",
  statements: [
    {
      vulnerability: "CVE-2023-12345",
      products: ["pkg:apk/wolfi/git@2.39.0-r1?arch=armv7", "pkg:apk/wolfi/git@2.39.0-r1?arch=x86_64"],
      status: "fixed",
    },
    {
      vulnerability: "CVE-2023-0465",
      products: ["pkg:oci/tools@sha256%3Aabc"],
      subcomponents: ["pkg:apk/wolfi/libcrypto3@3.0.8-r0"],
      status: "not_affected",
      justification: "inline_mitigations_already_exist",
    },
  ],
};

// CycloneDX VEX written for an SBOM: BOM-Links, a purl ref, a version list, every analysis state.
const CDX_VEX = {
  bomFormat: "CycloneDX",
  specVersion: "1.5",
  version: 1,
  metadata: { timestamp: "2024-04-01T00:00:00Z" },
  vulnerabilities: [
    {
      id: "CVE-2020-8203",
      references: [{ id: "GHSA-p6mc-m468-83gw", source: { name: "GitHub", url: "https://github.com/advisories/GHSA-p6mc-m468-83gw" } }],
      analysis: { state: "not_affected", justification: "code_not_reachable", detail: "zipObjectDeep is never called." },
      affects: [{ ref: "urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#pkg%3Anpm%2Flodash%404.17.15" }],
    },
    {
      id: "CVE-2022-40897",
      analysis: { state: "false_positive" },
      affects: [{ ref: "urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#pkg:pypi/setuptools@65.5.0" }],
    },
    { id: "CVE-2023-52425", analysis: { state: "resolved", lastUpdated: "2024-04-02T00:00:00Z" }, affects: [{ ref: "pkg:deb/debian/libexpat1" }] },
    { id: "CVE-2024-28757", analysis: { state: "exploitable", response: ["update"] }, affects: [{ ref: "pkg:deb/debian/libexpat1" }] },
    { id: "CVE-2024-45490", analysis: { state: "in_triage" }, affects: [{ ref: "pkg:deb/debian/libexpat1@2.5.0-1" }] },
    {
      id: "CVE-2021-23337",
      analysis: { state: "not_affected", justification: "requires_environment" },
      affects: [
        {
          ref: "pkg:npm/lodash",
          versions: [
            { version: "4.17.20", status: "unaffected" },
            { range: "vers:npm/>=4.0.0|<4.17.0", status: "unaffected" },
            { version: "4.17.21", status: "affected" },
          ],
        },
      ],
    },
    // Refers to a component of an SBOM that is not this document, by a bom-ref that is no purl: unusable.
    { id: "CVE-2024-0002", analysis: { state: "not_affected" }, affects: [{ ref: "component-7" }] },
  ],
};

// A BOM with its own VEX: refs are bom-refs of its components, nested ones too.
const CDX_BOM_WITH_VEX = {
  bomFormat: "CycloneDX",
  specVersion: "1.6",
  version: 1,
  metadata: { component: { "bom-ref": "app", type: "application", name: "billing", purl: "pkg:npm/billing@3.0.0" } },
  components: [
    {
      "bom-ref": "c-express",
      type: "library",
      name: "express",
      version: "4.18.2",
      purl: "pkg:npm/express@4.18.2",
      components: [{ "bom-ref": "c-qs", type: "library", name: "qs", version: "6.11.0", purl: "pkg:npm/qs@6.11.0" }],
    },
  ],
  vulnerabilities: [
    { id: "CVE-2022-24999", analysis: { state: "resolved_with_pedigree", detail: "Patched in our fork." }, affects: [{ ref: "c-qs" }] },
    { id: "CVE-2024-29041", analysis: { state: "not_affected", justification: "protected_at_perimeter" }, affects: [{ ref: "app" }, { ref: "c-express" }] },
  ],
};

describe("readVex: OpenVEX", () => {
  it("reads 0.2.0 statements: subcomponents inside a product, identifiers, aliases, document timestamps", () => {
    expect(readVex(json(OPENVEX), "shop.openvex.json")).toEqual([
      {
        vulnerability: "CVE-2023-44487",
        aliases: ["GHSA-qppj-fm5r-hxr3"],
        products: ["pkg:golang/golang.org/x/net@v0.17.0", "pkg:golang/google.golang.org/grpc@v1.58.2"],
        status: "not_affected",
        justification: "vulnerable_code_not_in_execute_path",
        impactStatement: "The service does not run an HTTP/2 server.",
        source: "shop.openvex.json",
        timestamp: "2024-06-01T09:00:00Z",
      },
      {
        vulnerability: "CVE-2021-44228",
        aliases: ["GHSA-jfh8-c2jp-5v3q"],
        products: ["pkg:maven/org.apache.logging.log4j/log4j-core"],
        status: "fixed",
        source: "shop.openvex.json",
        timestamp: "2024-05-20T00:00:00Z",
      },
      {
        vulnerability: "CVE-2024-24790",
        products: ["pkg:golang/stdlib@1.21.0"],
        status: "under_investigation",
        source: "shop.openvex.json",
        timestamp: "2024-06-01T09:00:00Z",
      },
      {
        vulnerability: "CVE-2024-6387",
        products: ["pkg:deb/debian/openssh-server@1:9.2p1-2+deb12u2?arch=amd64&distro=debian-12"],
        status: "affected",
        source: "shop.openvex.json",
        timestamp: "2024-06-01T09:00:00Z",
      },
    ]);
  });

  it("reads the first OpenVEX form with string fields", () => {
    expect(readVex(json(OPENVEX_0_0), "wolfi.vex.json")).toEqual([
      {
        vulnerability: "CVE-2023-12345",
        products: ["pkg:apk/wolfi/git@2.39.0-r1?arch=armv7", "pkg:apk/wolfi/git@2.39.0-r1?arch=x86_64"],
        status: "fixed",
        source: "wolfi.vex.json",
        timestamp: "2023-01-08T18:02:03-06:00",
      },
      {
        vulnerability: "CVE-2023-0465",
        products: ["pkg:apk/wolfi/libcrypto3@3.0.8-r0"],
        status: "not_affected",
        justification: "inline_mitigations_already_exist",
        source: "wolfi.vex.json",
        timestamp: "2023-01-08T18:02:03-06:00",
      },
    ]);
  });
});

describe("readVex: CycloneDX", () => {
  it("maps analysis states, resolves BOM-Links and purl refs, narrows a version list, drops what it cannot place", () => {
    const statements = readVex(json(CDX_VEX), "sbom.vex.cdx.json");
    expect(statements.map((s) => [s.vulnerability, s.status, s.justification ?? null, s.products])).toEqual([
      ["CVE-2020-8203", "not_affected", "code_not_reachable", ["pkg:npm/lodash@4.17.15"]],
      ["CVE-2022-40897", "not_affected", "false_positive", ["pkg:pypi/setuptools@65.5.0"]],
      ["CVE-2023-52425", "fixed", null, ["pkg:deb/debian/libexpat1"]],
      ["CVE-2024-28757", "affected", null, ["pkg:deb/debian/libexpat1"]],
      ["CVE-2024-45490", "under_investigation", null, ["pkg:deb/debian/libexpat1@2.5.0-1"]],
      ["CVE-2021-23337", "not_affected", "requires_environment", ["pkg:npm/lodash@4.17.20"]],
    ]);
    expect(statements[0]).toMatchObject({ aliases: ["GHSA-p6mc-m468-83gw"], impactStatement: "zipObjectDeep is never called.", timestamp: "2024-04-01T00:00:00Z" });
    expect(statements[2]?.timestamp).toBe("2024-04-02T00:00:00Z");
  });

  it("resolves refs through the components of the BOM the VEX is in, nested and root included", () => {
    expect(readVex(json(CDX_BOM_WITH_VEX), "billing.cdx.json")).toEqual([
      { vulnerability: "CVE-2022-24999", products: ["pkg:npm/qs@6.11.0"], status: "fixed", impactStatement: "Patched in our fork.", source: "billing.cdx.json" },
      {
        vulnerability: "CVE-2024-29041",
        products: ["pkg:npm/billing@3.0.0", "pkg:npm/express@4.18.2"],
        status: "not_affected",
        justification: "protected_at_perimeter",
        source: "billing.cdx.json",
      },
    ]);
  });
});

describe("readVex: what is refused", () => {
  const statement = (s: Record<string, unknown>) => json({ "@context": "https://openvex.dev/ns/v0.2.0", statements: [s] });
  it.each([
    ['{"csaf_version":"2.0","document":{}}', "x.json: not an OpenVEX or CycloneDX VEX JSON document"],
    ['{"@context":"https://example.com/ns","statements":[]}', "x.json: not an OpenVEX or CycloneDX VEX JSON document"],
    ['{"bomFormat":"CycloneDX","specVersion":"1.2"}', 'x.json: CycloneDX spec version "1.2" is not supported (1.4–1.6)'],
    ['{"@context": "https://openvex.dev/ns", "statements": [', "x.json: not valid JSON at line 1"],
    [statement({ vulnerability: { name: "CVE-1" }, products: ["pkg:npm/a@1"], status: "not-affected" }), 'x.json: statement 1: status "not-affected" is not one of'],
    [statement({ vulnerability: { "@id": "https://nvd.nist.gov/x" }, products: ["pkg:npm/a@1"], status: "fixed" }), "x.json: statement 1 names no vulnerability"],
    [json({ "@context": "https://openvex.dev/ns", statements: ["CVE-1"] }), "x.json: statement 1 is not an object"],
  ])("%s", (text, message) => {
    let error: unknown;
    try {
      readVex(text, "x.json");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain(message);
  });
});
