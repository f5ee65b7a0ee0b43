// Peer tools' skip comments: which comments are understood, which findings they reach (only
// through the check's references to that tool), and where.
import { describe, expect, it } from "vitest";
import type { Finding, PeerReferences } from "../../src/core/model.js";
import { applyDirectives } from "../../src/core/suppress.js";
import { canonicalAvdId, peerDirectives } from "../../src/core/suppress-peer.js";

function finding(ruleId: string, line: number, references?: PeerReferences): Finding {
  return {
    id: `${ruleId}@${line}`,
    ruleId,
    kind: "misconfiguration",
    severity: "high",
    title: ruleId,
    location: { path: "f", startLine: line, endLine: line },
    ...(references ? { references } : {}),
  };
}

describe("canonicalAvdId", () => {
  it.each([
    ["AVD-AWS-0086", "AVD-AWS-0086"],
    ["avd-aws-0086", "AVD-AWS-0086"],
    ["AWS-0086", "AVD-AWS-0086"],
    ["aws-s3-block-public-acls", "AVD-AWS-0086"],
    ["aws-s3-enable-versioning", "AVD-AWS-0090"],
    ["aws-vpc-no-public-ingress-sgr", "AVD-AWS-0107"],
    ["KSV001", "AVD-KSV-0001"],
    ["ds002", "AVD-DS-0002"],
    ["AVD-KSV-1", "AVD-KSV-0001"],
    ["something-else", "SOMETHING-ELSE"],
  ])("%s → %s", (id, want) => {
    expect(canonicalAvdId(id)).toBe(want);
  });
});

describe("peerDirectives", () => {
  const rows: { line: string; tool?: string; scope?: string; reason?: string; expires?: string }[] = [
    { line: "  # checkov:skip=CKV_AWS_20:The bucket hosts a public website", tool: "checkov", scope: "enclosing", reason: "The bucket hosts a public website" },
    { line: "#checkov:skip=CKV_AWS_20", tool: "checkov", scope: "enclosing", reason: "no reason given" },
    { line: '    checkov.io/skip1: "CKV_K8S_20=needs setuid ping"', tool: "checkov", scope: "enclosing", reason: "needs setuid ping" },
    { line: "    checkov.io/skip2: CKV_K8S_16", tool: "checkov", scope: "enclosing" },
    { line: "#tfsec:ignore:aws-s3-enable-versioning", tool: "tfsec", scope: "line" },
    { line: 'acl = "public-read" #trivy:ignore:AVD-AWS-0092', tool: "trivy", scope: "line" },
    { line: "#trivy:ignore:AVD-AWS-0092:exp:2024-01-31", tool: "trivy", scope: "line", expires: "2024-01-31" },
    { line: "# kics-scan ignore-line", tool: "kics", scope: "next-line" },
    { line: "# kics-scan ignore-block", tool: "kics", scope: "line" },
    { line: "# kics-scan disable=4bc4dd4c-7d8d-405e-a0fb-57fa4c31b4d9", tool: "kics", scope: "file" },
    // Not comments, or not skips.
    { line: 'name = "checkov:skip=CKV_AWS_20"' },
    { line: "# checkov:skip=" },
    { line: "url: http://trivy:ignore:x" },
  ];
  it.each(rows)("$line", ({ line, tool, scope, reason, expires }) => {
    const ds = peerDirectives(["x", line]);
    if (tool === undefined) {
      expect(ds).toEqual([]);
      return;
    }
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ line: 2, tool, scope, ...(reason !== undefined ? { reason } : {}), ...(expires !== undefined ? { expires } : {}) });
  });

  it("checkov comments cover a whole Dockerfile", () => {
    expect(peerDirectives(["# checkov:skip=CKV_DOCKER_2:no healthcheck here"], { dockerfile: true })[0]?.scope).toBe("file");
  });

  it("scans a hostile line in linear time", () => {
    const hostile = "# trivy:ignore:".repeat(60_000) + "checkov.io/skip".repeat(60_000);
    const t0 = performance.now();
    peerDirectives([hostile, "#".repeat(1_000_000)]);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe("peer directives reach findings through references", () => {
  const tf = [
    /* 1 */ 'resource "aws_s3_bucket" "site" {',
    /* 2 */ "  # checkov:skip=CKV_AWS_20:public website",
    /* 3 */ '  acl = "public-read"',
    /* 4 */ "}",
    /* 5 */ "#trivy:ignore:aws-s3-enable-versioning",
    /* 6 */ 'resource "aws_s3_bucket" "logs" {',
    /* 7 */ '  acl = "private" #tfsec:ignore:AVD-AWS-0092',
    /* 8 */ "}",
    /* 9 */ "#trivy:ignore:AVD-AWS-0088:exp:2000-01-01",
    /* 10 */ 'resource "aws_s3_bucket" "old" {}',
  ];
  const blocks = [
    { startLine: 1, endLine: 4 },
    { startLine: 6, endLine: 8 },
    { startLine: 10, endLine: 10 },
  ];
  const rows: { name: string; f: Finding; source?: string }[] = [
    { name: "checkov inside the block", f: finding("MAM-AWS-001", 3, { checkov: "CKV_AWS_20" }), source: "inline:main.tf:2" },
    { name: "checkov: the whole block, header line too", f: finding("MAM-AWS-001", 1, { checkov: ["CKV_AWS_57", "CKV_AWS_20"] }), source: "inline:main.tf:2" },
    { name: "checkov: other ids do not match", f: finding("MAM-AWS-002", 3, { checkov: "CKV_AWS_21" }) },
    { name: "checkov: a check without references is never reached", f: finding("MAM-AWS-003", 3) },
    { name: "trivy long id above the block", f: finding("MAM-AWS-004", 6, { trivy: "AVD-AWS-0090" }), source: "inline:main.tf:5" },
    { name: "tfsec trailing comment", f: finding("MAM-AWS-005", 7, { trivy: "AVD-AWS-0092" }), source: "inline:main.tf:7" },
    { name: "an expired trivy comment", f: finding("MAM-AWS-006", 10, { trivy: "AVD-AWS-0088" }) },
  ];
  it.each(rows)("$name", ({ f, source }) => {
    applyDirectives([f], peerDirectives(tf), tf, blocks, "main.tf", "2025-06-01");
    expect(f.suppressed?.source).toBe(source);
  });

  it("keeps the expiry of a live trivy comment", () => {
    const lines = ["#trivy:ignore:AVD-AWS-0088:exp:2099-12-31", 'resource "aws_s3_bucket" "b" {}'];
    const f = finding("MAM-AWS-006", 2, { trivy: "AVD-AWS-0088" });
    applyDirectives([f], peerDirectives(lines), lines, [{ startLine: 2, endLine: 2 }], "main.tf", "2025-06-01");
    expect(f.suppressed).toEqual({ reason: "trivy: no reason given", source: "inline:main.tf:1", expires: "2099-12-31" });
  });

  it("KICS ignore-line covers the next line only, ignore-block the block", () => {
    const lines = ["# kics-scan ignore-line", "a: 1", "b: 2", "# kics-scan ignore-block", "c:", "  d: 1"];
    const fs = [2, 3, 6].map((l) => finding("MAM-X-001", l, { kics: "uuid" }));
    applyDirectives(fs, peerDirectives(lines), lines, [{ startLine: 5, endLine: 6 }], "k.yaml");
    expect(fs.map((f) => f.suppressed?.source)).toEqual(["inline:k.yaml:1", undefined, "inline:k.yaml:4"]);
  });
});
