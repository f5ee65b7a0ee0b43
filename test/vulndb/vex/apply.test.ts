import { describe, expect, it } from "vitest";
import type { Finding } from "../../../src/core/model.js";
import { applyVex, readVex, type VexStatement } from "../../../src/vulndb/vex.js";

function vulnFinding(ruleId: string, purl: string, aliases: string[] = []): Finding {
  const [, rest = ""] = purl.split("/", 2);
  return {
    id: `${ruleId}:${purl}`,
    ruleId,
    kind: "vulnerability",
    severity: "high",
    title: `${ruleId} in ${rest}`,
    location: { path: "usr/lib/app" },
    package: { name: rest, version: "x", ecosystem: "test", purl },
    vulnerability: { id: ruleId, aliases, fixedVersions: [] },
  };
}

const statement = (s: Partial<VexStatement> & Pick<VexStatement, "vulnerability" | "products" | "status">): VexStatement => ({ source: "team.vex.json", ...s });

describe("applyVex", () => {
  it("suppresses what not_affected and fixed statements cover, keeping the justification and impact", () => {
    const findings = [
      vulnFinding("CVE-2023-44487", "pkg:golang/golang.org/x/net@v0.17.0"),
      vulnFinding("CVE-2021-44228", "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar"),
    ];
    const result = applyVex(findings, [
      statement({
        vulnerability: "CVE-2023-44487",
        products: ["pkg:golang/golang.org/x/net@v0.17.0"],
        status: "not_affected",
        justification: "vulnerable_code_not_in_execute_path",
        impactStatement: "No HTTP/2 server runs.",
      }),
      statement({ vulnerability: "CVE-2021-44228", products: ["pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"], status: "fixed" }),
    ]);
    expect(result).toEqual({ applied: 2 });
    expect(findings[0]?.suppressed).toEqual({
      reason: "VEX not_affected: vulnerable_code_not_in_execute_path — No HTTP/2 server runs.",
      source: "vex:team.vex.json",
    });
    expect(findings[1]?.suppressed).toEqual({ reason: "VEX fixed", source: "vex:team.vex.json" });
  });

  it.each([
    ["the finding's alias names the statement's vulnerability", vulnFinding("GHSA-jfh8-c2jp-5v3q", "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", ["CVE-2021-44228"]), true],
    ["the statement's alias names the finding", vulnFinding("GHSA-jfh8-c2jp-5v3q", "pkg:maven/org.apache.logging.log4j/log4j-core@2.17.0"), true],
    ["a versionless product covers any version", vulnFinding("CVE-2021-44228", "pkg:maven/org.apache.logging.log4j/log4j-core@2.0.1?type=jar&classifier=sources"), true],
    ["another package of the same group is not covered", vulnFinding("CVE-2021-44228", "pkg:maven/org.apache.logging.log4j/log4j-api@2.14.1"), false],
    ["another vulnerability in the package is not covered", vulnFinding("CVE-2021-45046", "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"), false],
    ["another type with the same name is not covered", vulnFinding("CVE-2021-44228", "pkg:npm/log4j-core@2.14.1"), false],
  ])("%s", (_why, finding, suppressed) => {
    const statements = [
      statement({ vulnerability: "CVE-2021-44228", aliases: ["GHSA-jfh8-c2jp-5v3q"], products: ["pkg:maven/org.apache.logging.log4j/log4j-core"], status: "not_affected", justification: "vulnerable_code_not_present" }),
    ];
    expect(applyVex([finding], statements)).toEqual({ applied: suppressed ? 1 : 0 });
    expect(finding.suppressed !== undefined).toBe(suppressed);
    if (suppressed) expect(finding.suppressed?.reason).toBe("VEX not_affected: vulnerable_code_not_present");
  });

  it("matches a versioned product only at that version, with the rpm epoch in either form", () => {
    const findings = [
      vulnFinding("CVE-2023-5678", "pkg:rpm/redhat/openssl-libs@3.0.7-27.el9?arch=x86_64&epoch=1&distro=rhel-9.4"),
      vulnFinding("CVE-2023-5678", "pkg:rpm/redhat/openssl-libs@1:3.0.7-27.el9?arch=aarch64"),
      vulnFinding("CVE-2023-5678", "pkg:rpm/redhat/openssl-libs@3.0.7-27.el9?arch=x86_64"),
      vulnFinding("CVE-2023-5678", "pkg:rpm/redhat/openssl-libs@1:3.0.7-28.el9"),
    ];
    applyVex(findings, [statement({ vulnerability: "CVE-2023-5678", products: ["pkg:rpm/redhat/openssl-libs@3.0.7-27.el9?epoch=1"], status: "not_affected", justification: "inline_mitigations_already_exist" })]);
    expect(findings.map((f) => f.suppressed !== undefined)).toEqual([true, true, false, false]);
  });

  it("leaves findings that affected and under_investigation statements speak of", () => {
    const findings = [vulnFinding("CVE-2024-6387", "pkg:deb/debian/openssh-server@1:9.2p1-2+deb12u2"), vulnFinding("CVE-2024-24790", "pkg:golang/stdlib@1.21.0")];
    const result = applyVex(findings, [
      statement({ vulnerability: "CVE-2024-6387", products: ["pkg:deb/debian/openssh-server"], status: "affected" }),
      statement({ vulnerability: "CVE-2024-24790", products: ["pkg:golang/stdlib@1.21.0"], status: "under_investigation" }),
    ]);
    expect(result).toEqual({ applied: 0 });
    expect(findings.every((f) => f.suppressed === undefined)).toBe(true);
  });

  it("lets the latest statement win, by timestamp and then by order", () => {
    const notAffected = statement({ vulnerability: "CVE-2024-1", products: ["pkg:npm/qs"], status: "not_affected", justification: "component_not_present", timestamp: "2024-01-01T00:00:00Z" });
    const affected = statement({ vulnerability: "CVE-2024-1", products: ["pkg:npm/qs"], status: "affected", timestamp: "2024-03-01T00:00:00Z" });
    const newer = [vulnFinding("CVE-2024-1", "pkg:npm/qs@6.11.0")];
    applyVex(newer, [affected, notAffected]);
    expect(newer[0]?.suppressed).toBeUndefined();

    const older = [vulnFinding("CVE-2024-1", "pkg:npm/qs@6.11.0")];
    applyVex(older, [{ ...affected, timestamp: "2023-12-01T00:00:00Z" }, notAffected]);
    expect(older[0]?.suppressed?.reason).toBe("VEX not_affected: component_not_present");

    const untimed = [vulnFinding("CVE-2024-1", "pkg:npm/qs@6.11.0")];
    applyVex(untimed, [{ ...notAffected, timestamp: undefined }, { ...affected, timestamp: undefined }]);
    expect(untimed[0]?.suppressed).toBeUndefined();
  });

  it("keeps an earlier suppression and skips findings without a package purl", () => {
    const ignored = vulnFinding("CVE-2024-2", "pkg:npm/qs@6.11.0");
    ignored.suppressed = { reason: "accepted until the rewrite", source: ".mamoriignore:3" };
    const misconfiguration: Finding = { id: "m1", ruleId: "CVE-2024-2", kind: "misconfiguration", severity: "low", title: "t", location: { path: "Dockerfile" } };
    const s = statement({ vulnerability: "CVE-2024-2", products: ["pkg:npm/qs"], status: "fixed" });
    expect(applyVex([ignored, misconfiguration], [s])).toEqual({ applied: 0 });
    expect(ignored.suppressed.source).toBe(".mamoriignore:3");
    expect(misconfiguration.suppressed).toBeUndefined();
  });

  it("shortens a very long impact statement in the reason", () => {
    const finding = vulnFinding("CVE-2024-3", "pkg:npm/qs@6.11.0");
    applyVex([finding], [statement({ vulnerability: "CVE-2024-3", products: ["pkg:npm/qs"], status: "not_affected", impactStatement: "x".repeat(5000) })]);
    expect(finding.suppressed?.reason).toBe(`VEX not_affected — ${"x".repeat(500)}...`);
  });

  it("applies OpenVEX read from a file end to end", () => {
    const doc = {
      "@context": "https://openvex.dev/ns/v0.2.0",
      "@id": "https://openvex.dev/docs/public/vex-1",
      author: "Platform Team",
      timestamp: "2024-06-01T09:00:00Z",
      version: 1,
      statements: [
        {
          vulnerability: { name: "CVE-2023-44487", aliases: ["GHSA-qppj-fm5r-hxr3"] },
          products: [{ "@id": "pkg:oci/api@sha256%3A5b0c1a", subcomponents: [{ "@id": "pkg:golang/golang.org/x/net" }] }],
          status: "not_affected",
          justification: "vulnerable_code_not_in_execute_path",
        },
      ],
    };
    const findings = [
      vulnFinding("GO-2023-2102", "pkg:golang/golang.org/x/net@v0.15.0", ["CVE-2023-44487", "GHSA-qppj-fm5r-hxr3"]),
      vulnFinding("GO-2023-2102", "pkg:golang/google.golang.org/grpc@v1.58.2", ["CVE-2023-44487"]),
    ];
    expect(applyVex(findings, readVex(JSON.stringify(doc), "api.openvex.json"))).toEqual({ applied: 1 });
    expect(findings[0]?.suppressed).toEqual({ reason: "VEX not_affected: vulnerable_code_not_in_execute_path", source: "vex:api.openvex.json" });
    expect(findings[1]?.suppressed).toBeUndefined();
  });
});
