import { describe, expect, it } from "vitest";
import { readSbom } from "../../src/packages/sbom/index.js";

const purlRef = (locator: string, category = "PACKAGE-MANAGER") => ({ referenceCategory: category, referenceType: "purl", referenceLocator: locator });

// An Alpine image as Syft writes it (SPDX 2.3): documentDescribes names the image, which CONTAINS the packages.
const IMAGE_2_3 = {
  spdxVersion: "SPDX-2.3",
  dataLicense: "CC0-1.0",
  SPDXID: "SPDXRef-DOCUMENT",
  name: "registry.example.com/edge/proxy",
  documentNamespace: "https://anchore.com/syft/image/proxy-4e1f",
  creationInfo: { licenseListVersion: "3.23", creators: ["Organization: Anchore, Inc", "Tool: syft-1.4.1"], created: "2024-05-02T10:11:12Z" },
  documentDescribes: ["SPDXRef-DocumentRoot-Image-proxy"],
  packages: [
    {
      name: "registry.example.com/edge/proxy",
      SPDXID: "SPDXRef-DocumentRoot-Image-proxy",
      versionInfo: "sha256:9a8b7c",
      supplier: "NOASSERTION",
      downloadLocation: "NOASSERTION",
      licenseConcluded: "NOASSERTION",
      licenseDeclared: "NOASSERTION",
      primaryPackagePurpose: "CONTAINER",
      externalRefs: [purlRef("pkg:oci/proxy@sha256%3A9a8b7c?repository_url=registry.example.com%2Fedge%2Fproxy")],
    },
    {
      name: "libcrypto3",
      SPDXID: "SPDXRef-Package-apk-libcrypto3-1a2b",
      versionInfo: "3.3.2-r0",
      downloadLocation: "https://www.openssl.org/",
      licenseConcluded: "NOASSERTION",
      licenseDeclared: "Apache-2.0",
      externalRefs: [
        { referenceCategory: "SECURITY", referenceType: "cpe23Type", referenceLocator: "cpe:2.3:a:libcrypto3:libcrypto3:3.3.2-r0:*:*:*:*:*:*:*" },
        purlRef("pkg:apk/alpine/libcrypto3@3.3.2-r0?arch=x86_64&upstream=openssl&distro=alpine-3.20.3"),
      ],
    },
    {
      name: "musl",
      SPDXID: "SPDXRef-Package-apk-musl-3c4d",
      versionInfo: "1.2.5-r0",
      downloadLocation: "https://musl.libc.org/",
      licenseConcluded: "MIT",
      licenseDeclared: "MIT",
      externalRefs: [purlRef("pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&upstream=musl&distro=alpine-3.20.3")],
    },
    {
      name: "certifi",
      SPDXID: "SPDXRef-Package-python-certifi-5e6f",
      versionInfo: "2024.2.2",
      downloadLocation: "NOASSERTION",
      licenseConcluded: "NONE",
      licenseDeclared: "MPL-2.0",
      externalRefs: [purlRef("pkg:pypi/certifi@2024.2.2")],
    },
    {
      name: "proxy-helper",
      SPDXID: "SPDXRef-Package-binary-proxy-helper-7a8b",
      versionInfo: "0.3.1",
      downloadLocation: "NOASSERTION",
      licenseConcluded: "NOASSERTION",
      licenseDeclared: "NOASSERTION",
    },
  ],
  relationships: [
    { spdxElementId: "SPDXRef-DOCUMENT", relationshipType: "DESCRIBES", relatedSpdxElement: "SPDXRef-DocumentRoot-Image-proxy" },
    { spdxElementId: "SPDXRef-DocumentRoot-Image-proxy", relationshipType: "CONTAINS", relatedSpdxElement: "SPDXRef-Package-apk-libcrypto3-1a2b" },
    { spdxElementId: "SPDXRef-DocumentRoot-Image-proxy", relationshipType: "CONTAINS", relatedSpdxElement: "SPDXRef-Package-apk-musl-3c4d" },
    { spdxElementId: "SPDXRef-DocumentRoot-Image-proxy", relationshipType: "CONTAINS", relatedSpdxElement: "SPDXRef-Package-python-certifi-5e6f" },
    { spdxElementId: "SPDXRef-Package-apk-libcrypto3-1a2b", relationshipType: "DEPENDS_ON", relatedSpdxElement: "SPDXRef-Package-apk-musl-3c4d" },
    // The inverse form names the same edge: it is kept once.
    { spdxElementId: "SPDXRef-Package-apk-musl-3c4d", relationshipType: "DEPENDENCY_OF", relatedSpdxElement: "SPDXRef-Package-apk-libcrypto3-1a2b" },
    { spdxElementId: "SPDXRef-Package-apk-musl-3c4d", relationshipType: "OTHER", relatedSpdxElement: "SPDXRef-File-lib-ld-musl" },
  ],
};

// A Ruby and .NET project (SPDX 2.2): the described root comes from a DESCRIBES relationship and has a purl of its own.
const PROJECT_2_2 = {
  spdxVersion: "SPDX-2.2",
  dataLicense: "CC0-1.0",
  SPDXID: "SPDXRef-DOCUMENT",
  name: "storefront",
  documentNamespace: "https://example.com/spdx/storefront-2.2",
  creationInfo: { creators: ["Tool: example-generator-1.0"], created: "2023-11-20T09:00:00Z" },
  packages: [
    {
      name: "storefront",
      SPDXID: "SPDXRef-Package-storefront",
      versionInfo: "4.2.0",
      downloadLocation: "NOASSERTION",
      licenseConcluded: "NOASSERTION",
      licenseDeclared: "NOASSERTION",
      externalRefs: [purlRef("pkg:gem/storefront@4.2.0", "PACKAGE_MANAGER")],
    },
    {
      name: "rack",
      SPDXID: "SPDXRef-Package-gem-rack",
      versionInfo: "2.2.8",
      downloadLocation: "https://rubygems.org/gems/rack",
      licenseConcluded: "MIT",
      licenseDeclared: "NOASSERTION",
      externalRefs: [purlRef("pkg:gem/rack@2.2.8", "PACKAGE_MANAGER")],
    },
    {
      name: "Newtonsoft.Json",
      SPDXID: "SPDXRef-Package-nuget-Newtonsoft.Json",
      versionInfo: "13.0.1",
      downloadLocation: "NOASSERTION",
      licenseConcluded: "NOASSERTION",
      licenseDeclared: "MIT",
      externalRefs: [purlRef("pkg:nuget/Newtonsoft.Json@13.0.1", "PACKAGE_MANAGER")],
    },
    {
      name: "serde",
      SPDXID: "SPDXRef-Package-cargo-serde",
      versionInfo: "1.0.190",
      downloadLocation: "NOASSERTION",
      licenseConcluded: "MIT OR Apache-2.0",
      licenseDeclared: "MIT OR Apache-2.0",
      externalRefs: [purlRef("pkg:cargo/serde@1.0.190", "PACKAGE_MANAGER")],
    },
  ],
  relationships: [
    { spdxElementId: "SPDXRef-DOCUMENT", relationshipType: "DESCRIBES", relatedSpdxElement: "SPDXRef-Package-storefront" },
    { spdxElementId: "SPDXRef-Package-storefront", relationshipType: "DEPENDS_ON", relatedSpdxElement: "SPDXRef-Package-gem-rack" },
    { spdxElementId: "SPDXRef-Package-storefront", relationshipType: "DEPENDS_ON", relatedSpdxElement: "SPDXRef-Package-nuget-Newtonsoft.Json" },
    { spdxElementId: "SPDXRef-Package-cargo-serde", relationshipType: "CONTAINED_BY", relatedSpdxElement: "SPDXRef-Package-storefront" },
    { spdxElementId: "SPDXRef-Package-gem-rack", relationshipType: "DEPENDS_ON", relatedSpdxElement: "NOASSERTION" },
  ],
};

const text = (doc: unknown) => JSON.stringify(doc, null, 2);

describe("readSbom: SPDX", () => {
  it("reads a 2.3 image SBOM: purls from PACKAGE-MANAGER references, declared licenses where none is concluded", () => {
    const sbom = readSbom(text(IMAGE_2_3), "proxy.spdx.json");
    expect(sbom.format).toBe("spdx");
    expect(sbom.specVersion).toBe("2.3");
    expect(sbom.subject).toBe("registry.example.com/edge/proxy@sha256:9a8b7c");
    expect(sbom.packages).toEqual([
      {
        name: "libcrypto3",
        version: "3.3.2-r0",
        ecosystem: "Alpine:v3.20",
        purl: "pkg:apk/alpine/libcrypto3@3.3.2-r0?arch=x86_64&upstream=openssl&distro=alpine-3.20.3",
        source: { name: "openssl", version: "3.3.2-r0" },
        license: "Apache-2.0",
        ref: "SPDXRef-Package-apk-libcrypto3-1a2b",
      },
      {
        name: "musl",
        version: "1.2.5-r0",
        ecosystem: "Alpine:v3.20",
        purl: "pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&upstream=musl&distro=alpine-3.20.3",
        source: { name: "musl", version: "1.2.5-r0" },
        license: "MIT",
        ref: "SPDXRef-Package-apk-musl-3c4d",
      },
      { name: "certifi", version: "2024.2.2", ecosystem: "PyPI", purl: "pkg:pypi/certifi@2024.2.2", license: "MPL-2.0", ref: "SPDXRef-Package-python-certifi-5e6f" },
    ]);
    expect(sbom.dependencies).toEqual([
      {
        ref: "SPDXRef-DocumentRoot-Image-proxy",
        dependsOn: ["SPDXRef-Package-apk-libcrypto3-1a2b", "SPDXRef-Package-apk-musl-3c4d", "SPDXRef-Package-python-certifi-5e6f"],
      },
      { ref: "SPDXRef-Package-apk-libcrypto3-1a2b", dependsOn: ["SPDXRef-Package-apk-musl-3c4d"] },
    ]);
    expect(sbom.warnings).toEqual(["1 package skipped: no purl"]);
    expect(sbom.vex).toEqual([]);
  });

  it("reads a 2.2 project SBOM: PACKAGE_MANAGER spelling, DESCRIBES root excluded, inverse relationships", () => {
    const sbom = readSbom(text(PROJECT_2_2), "storefront.spdx.json");
    expect(sbom.specVersion).toBe("2.2");
    expect(sbom.subject).toBe("storefront@4.2.0");
    expect(sbom.packages.map((p) => [p.ecosystem, p.name, p.version, p.license, p.ref])).toEqual([
      ["RubyGems", "rack", "2.2.8", "MIT", "SPDXRef-Package-gem-rack"],
      ["NuGet", "Newtonsoft.Json", "13.0.1", "MIT", "SPDXRef-Package-nuget-Newtonsoft.Json"],
      ["crates.io", "serde", "1.0.190", "MIT OR Apache-2.0", "SPDXRef-Package-cargo-serde"],
    ]);
    expect(sbom.dependencies).toEqual([
      {
        ref: "SPDXRef-Package-storefront",
        dependsOn: ["SPDXRef-Package-gem-rack", "SPDXRef-Package-nuget-Newtonsoft.Json", "SPDXRef-Package-cargo-serde"],
      },
    ]);
    expect(sbom.warnings).toEqual([]);
  });

  it("reads every package when the document describes several", () => {
    const doc = structuredClone(PROJECT_2_2);
    doc.relationships.push({ spdxElementId: "SPDXRef-DOCUMENT", relationshipType: "DESCRIBES", relatedSpdxElement: "SPDXRef-Package-gem-rack" });
    const sbom = readSbom(text(doc), "storefront.spdx.json");
    expect(sbom.subject).toBeUndefined();
    expect(sbom.packages.map((p) => p.name)).toEqual(["storefront", "rack", "Newtonsoft.Json", "serde"]);
  });

  it("takes the release from the operating-system package when purls carry no distro (Trivy)", () => {
    const doc = {
      spdxVersion: "SPDX-2.3",
      SPDXID: "SPDXRef-DOCUMENT",
      name: "debian:12",
      packages: [
        { name: "debian", SPDXID: "SPDXRef-OperatingSystem-1", versionInfo: "12.5", primaryPackagePurpose: "OPERATING-SYSTEM" },
        {
          name: "libexpat1",
          SPDXID: "SPDXRef-Package-2",
          versionInfo: "2.5.0-1",
          primaryPackagePurpose: "LIBRARY",
          externalRefs: [purlRef("pkg:deb/debian/libexpat1@2.5.0-1?arch=amd64")],
        },
      ],
    };
    const sbom = readSbom(text(doc), "debian.spdx.json");
    expect(sbom.packages.map((p) => p.ecosystem)).toEqual(["Debian:12"]);
    expect(sbom.warnings).toEqual([]);
  });
});
