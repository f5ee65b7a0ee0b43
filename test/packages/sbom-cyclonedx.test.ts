import { describe, expect, it } from "vitest";
import { readSbom } from "../../src/packages/sbom/index.js";

const LIBSSL3 = "pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12&upstream=openssl";
const LIBC6 = "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&upstream=glibc";
const EXPRESS = "pkg:npm/express@4.18.2";

// A container image as Syft writes it (CycloneDX 1.5): an OS component, OS and npm packages, files.
const IMAGE_1_5 = {
  $schema: "http://cyclonedx.org/schema/bom-1.5.schema.json",
  bomFormat: "CycloneDX",
  specVersion: "1.5",
  serialNumber: "urn:uuid:1b2c7a43-43d6-4b0c-9d8b-6c3f54b0a1e2",
  version: 1,
  metadata: {
    timestamp: "2024-05-02T10:11:12Z",
    tools: { components: [{ type: "application", author: "anchore", name: "syft", version: "1.4.1" }] },
    component: { "bom-ref": "image-root", type: "container", name: "registry.example.com/shop/api", version: "sha256:5b0c1a" },
  },
  components: [
    { "bom-ref": "os-debian", type: "operating-system", name: "debian", version: "12" },
    {
      "bom-ref": `${LIBSSL3}&package-id=7f1a`,
      type: "library",
      name: "libssl3",
      version: "3.0.11-1~deb12u2",
      licenses: [{ license: { id: "Apache-2.0" } }],
      purl: LIBSSL3,
    },
    {
      "bom-ref": "libc6-2e1b",
      type: "library",
      name: "libc6",
      version: "2.36-9+deb12u4",
      licenses: [{ license: { name: "GPL-2" } }, { license: { id: "LGPL-2.1-only" } }, { license: { name: "GPL-2" } }],
      purl: LIBC6,
    },
    {
      "bom-ref": "express-9c0d",
      type: "library",
      name: "express",
      version: "4.18.2",
      licenses: [{ expression: "MIT" }],
      purl: EXPRESS,
      properties: [
        { name: "syft:package:foundBy", value: "javascript-lock-cataloger" },
        { name: "syft:location:0:path", value: "/app/package-lock.json" },
      ],
    },
    { "bom-ref": "file-1", type: "file", name: "/etc/os-release" },
    { "bom-ref": "vendored-zlib", type: "library", name: "zlib", version: "1.3" },
    { "bom-ref": "image-layer", type: "library", name: "base", version: "1", purl: "pkg:generic/base@1" },
  ],
  dependencies: [
    { ref: "image-root", dependsOn: [`${LIBSSL3}&package-id=7f1a`, "libc6-2e1b", "express-9c0d"] },
    { ref: `${LIBSSL3}&package-id=7f1a`, dependsOn: ["libc6-2e1b"] },
    { ref: "libc6-2e1b" },
  ],
};

// An npm application as Trivy writes it (CycloneDX 1.4): the root has a purl; a bundled package nests another.
const APP_1_4 = {
  bomFormat: "CycloneDX",
  specVersion: "1.4",
  serialNumber: "urn:uuid:0d9f1e7c-2a11-4e58-9d4b-8c7b6a5f4e3d",
  version: 1,
  metadata: {
    timestamp: "2024-03-01T08:00:00+00:00",
    tools: [{ vendor: "aquasecurity", name: "trivy", version: "0.50.1" }],
    component: { "bom-ref": "pkg:npm/shop-frontend@2.1.0", type: "application", name: "shop-frontend", version: "2.1.0", purl: "pkg:npm/shop-frontend@2.1.0" },
  },
  components: [
    {
      "bom-ref": "pkg:npm/%40babel/core@7.23.0",
      type: "library",
      group: "@babel",
      name: "core",
      version: "7.23.0",
      licenses: [{ expression: "MIT" }],
      purl: "pkg:npm/%40babel/core@7.23.0",
      properties: [{ name: "aquasecurity:trivy:FilePath", value: "package-lock.json" }],
    },
    {
      "bom-ref": "pkg:npm/webpack@5.89.0",
      type: "library",
      name: "webpack",
      version: "5.89.0",
      licenses: [{ license: { id: "MIT" } }],
      purl: "pkg:npm/webpack@5.89.0",
      components: [
        {
          "bom-ref": "pkg:npm/acorn@8.11.2",
          type: "library",
          name: "acorn",
          version: "8.11.2",
          licenses: [{ expression: "MIT OR Apache-2.0" }, { license: { id: "BSD-2-Clause" } }],
          purl: "pkg:npm/acorn@8.11.2",
        },
      ],
    },
    { type: "application", name: "package-lock.json" },
  ],
  dependencies: [
    { ref: "pkg:npm/shop-frontend@2.1.0", dependsOn: ["pkg:npm/%40babel/core@7.23.0", "pkg:npm/webpack@5.89.0"] },
    { ref: "pkg:npm/webpack@5.89.0", dependsOn: ["pkg:npm/acorn@8.11.2"] },
  ],
};

// A Java and Go service (CycloneDX 1.6) with its vendor's VEX embedded.
const SERVICE_1_6 = {
  bomFormat: "CycloneDX",
  specVersion: "1.6",
  version: 3,
  metadata: { timestamp: "2024-07-10T12:00:00Z", component: { "bom-ref": "svc", type: "application", name: "billing" } },
  components: [
    {
      "bom-ref": "log4j",
      type: "library",
      group: "org.apache.logging.log4j",
      name: "log4j-core",
      version: "2.14.1",
      licenses: [{ license: { id: "Apache-2.0", acknowledgement: "declared" } }],
      purl: "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar",
    },
    { "bom-ref": "chi", type: "library", name: "github.com/go-chi/chi/v5", version: "v5.0.10", purl: "pkg:golang/github.com/go-chi/chi/v5@v5.0.10" },
    { "bom-ref": "jinja", type: "library", name: "Jinja2", version: "3.1.2", purl: "pkg:pypi/Jinja2@3.1.2" },
  ],
  dependencies: [{ ref: "svc", dependsOn: ["log4j", "chi", "jinja"] }],
  vulnerabilities: [
    {
      "bom-ref": "vuln-1",
      id: "CVE-2021-44228",
      source: { name: "NVD", url: "https://nvd.nist.gov/vuln/detail/CVE-2021-44228" },
      references: [{ id: "GHSA-jfh8-c2jp-5v3q", source: { name: "GitHub" } }],
      analysis: {
        state: "not_affected",
        justification: "code_not_reachable",
        response: ["will_not_fix"],
        detail: "JNDI lookups are disabled with log4j2.formatMsgNoLookups=true.",
        lastUpdated: "2024-07-01T00:00:00Z",
      },
      affects: [{ ref: "log4j" }],
    },
    // A scanner's finding without analysis is no VEX statement.
    { id: "CVE-2024-34064", affects: [{ ref: "jinja" }] },
  ],
};

const text = (doc: unknown) => JSON.stringify(doc, null, 2);

describe("readSbom: CycloneDX", () => {
  it("reads a 1.5 image SBOM: OS packages with release and source, licenses, paths; the root is the subject", () => {
    const sbom = readSbom(text(IMAGE_1_5), "image.cdx.json");
    expect(sbom.format).toBe("cyclonedx");
    expect(sbom.specVersion).toBe("1.5");
    expect(sbom.subject).toBe("registry.example.com/shop/api@sha256:5b0c1a");
    expect(sbom.packages).toEqual([
      {
        name: "libssl3",
        version: "3.0.11-1~deb12u2",
        ecosystem: "Debian:12",
        purl: LIBSSL3,
        source: { name: "openssl", version: "3.0.11-1~deb12u2" },
        license: "Apache-2.0",
        ref: `${LIBSSL3}&package-id=7f1a`,
      },
      {
        // No distro qualifier: the release comes from the operating-system component.
        name: "libc6",
        version: "2.36-9+deb12u4",
        ecosystem: "Debian:12",
        purl: LIBC6,
        source: { name: "glibc", version: "2.36-9+deb12u4" },
        license: "GPL-2 AND LGPL-2.1-only",
        ref: "libc6-2e1b",
      },
      { name: "express", version: "4.18.2", ecosystem: "npm", purl: EXPRESS, license: "MIT", ref: "express-9c0d", path: "/app/package-lock.json" },
    ]);
    expect(sbom.dependencies).toEqual([
      { ref: "image-root", dependsOn: [`${LIBSSL3}&package-id=7f1a`, "libc6-2e1b", "express-9c0d"] },
      { ref: `${LIBSSL3}&package-id=7f1a`, dependsOn: ["libc6-2e1b"] },
      { ref: "libc6-2e1b", dependsOn: [] },
    ]);
    expect(sbom.warnings).toEqual(["1 component skipped: no purl", '1 component skipped: purl type "generic" is not supported']);
    expect(sbom.vex).toEqual([]);
  });

  it("reads a 1.4 application SBOM: nested components, license expressions; the root application is not a package", () => {
    const sbom = readSbom(text(APP_1_4), "app.cdx.json");
    expect(sbom.specVersion).toBe("1.4");
    expect(sbom.subject).toBe("shop-frontend@2.1.0");
    expect(sbom.packages.map((p) => [p.ecosystem, p.name, p.version, p.license, p.ref])).toEqual([
      ["npm", "@babel/core", "7.23.0", "MIT", "pkg:npm/%40babel/core@7.23.0"],
      ["npm", "webpack", "5.89.0", "MIT", "pkg:npm/webpack@5.89.0"],
      ["npm", "acorn", "8.11.2", "(MIT OR Apache-2.0) AND BSD-2-Clause", "pkg:npm/acorn@8.11.2"],
    ]);
    expect(sbom.packages[0]?.path).toBe("package-lock.json");
    expect(sbom.dependencies).toEqual(APP_1_4.dependencies);
    // The application component without a purl is an aggregate, not a skipped package.
    expect(sbom.warnings).toEqual([]);
  });

  it("reads a 1.6 SBOM with Maven, Go and PyPI packages and its embedded VEX", () => {
    const sbom = readSbom(text(SERVICE_1_6), "billing.cdx.json");
    expect(sbom.specVersion).toBe("1.6");
    expect(sbom.subject).toBe("billing");
    expect(sbom.packages.map((p) => [p.ecosystem, p.name, p.version, p.license ?? null])).toEqual([
      ["Maven", "org.apache.logging.log4j:log4j-core", "2.14.1", "Apache-2.0"],
      ["Go", "github.com/go-chi/chi/v5", "v5.0.10", null],
      ["PyPI", "jinja2", "3.1.2", null],
    ]);
    expect(sbom.dependencies).toEqual([{ ref: "svc", dependsOn: ["log4j", "chi", "jinja"] }]);
    expect(sbom.vex).toEqual([
      {
        vulnerability: "CVE-2021-44228",
        aliases: ["GHSA-jfh8-c2jp-5v3q"],
        products: ["pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar"],
        status: "not_affected",
        justification: "code_not_reachable",
        impactStatement: "JNDI lookups are disabled with log4j2.formatMsgNoLookups=true.",
        source: "billing.cdx.json",
        timestamp: "2024-07-01T00:00:00Z",
      },
    ]);
  });

  it("accepts a byte order mark", () => {
    expect(readSbom(`\ufeff${text(APP_1_4)}`, "bom.json").packages).toHaveLength(3);
  });
});
