// Suppression for one parsed file as the IaC scan applies it: module calls, resource-level blocks
// from models, module resources judged in their own file, and peer comments only when asked.
import { describe, expect, it } from "vitest";
import type { RawResult } from "../../src/checks/engine.js";
import type { Check, ResourceModel, SourceRange } from "../../src/checks/types.js";
import type { Finding } from "../../src/core/model.js";
import { applyFileSuppressions } from "../../src/core/suppress-file.js";

const check = (id: string): Check =>
  ({ id, title: id, severity: "high", description: "", appliesTo: "x", remediation: { text: "" }, examples: {}, references: { checkov: "CKV_AWS_20" }, evaluate: () => undefined }) as Check;

function result(id: string, model: ResourceModel, line: number): { raw: RawResult; finding: Finding } {
  const c = check(id);
  const message = `${id} on ${model.address ?? "?"}`;
  return {
    raw: { check: c, model, violation: { message, range: { startLine: line, endLine: line } } },
    finding: {
      id: `${id}@${line}`,
      ruleId: id,
      kind: "misconfiguration",
      severity: "high",
      title: id,
      message,
      location: { path: model.file ?? "main.tf", startLine: line, endLine: line },
      references: { checkov: "CKV_AWS_20" },
    },
  };
}

const range = (startLine: number, endLine: number): SourceRange => ({ startLine, endLine });

const main = [
  /* 1 */ "# mamori:ignore * vendored network module",
  /* 2 */ 'module "network" {',
  /* 3 */ '  source = "./modules/network"',
  /* 4 */ "}",
  /* 5 */ 'module "storage" {',
  /* 6 */ '  source = "./modules/storage"',
  /* 7 */ "}",
  /* 8 */ 'resource "aws_s3_bucket" "own" {}',
];
const storage = [
  /* 1 */ "# mamori:ignore MAM-S3-001 the module's own exception",
  /* 2 */ 'resource "aws_s3_bucket" "b" {',
  /* 3 */ '  acl = "public-read"',
  /* 4 */ "}",
];
const files: Record<string, string[]> = { "modules/storage/main.tf": storage, "modules/network/main.tf": ["resource x {", "}"] };

function run(results: { raw: RawResult; finding: Finding }[], lines = main, extra: { peerSkips?: boolean; blocks?: SourceRange[] } = {}): Finding[] {
  const findings = results.map((r) => r.finding);
  applyFileSuppressions({
    findings,
    results: results.map((r) => r.raw),
    lines,
    blocks: extra.blocks ?? [range(2, 4), range(5, 7), range(8, 8)],
    fileLabel: "main.tf",
    rootPath: "main.tf",
    format: "terraform",
    ...(extra.peerSkips !== undefined ? { peerSkips: extra.peerSkips } : {}),
    readLines: (p) => files[p],
  });
  return findings;
}

describe("applyFileSuppressions", () => {
  it("a comment on a module call covers what came through it", () => {
    const sg: ResourceModel = { modelType: "x", address: "module.network.aws_security_group.a", range: range(1, 2), file: "modules/network/main.tf", via: [{ file: "main.tf", range: range(2, 4) }] };
    const [f] = run([result("MAM-SG-001", sg, 1)]);
    expect(f?.suppressed).toEqual({ reason: "vendored network module", source: "inline:main.tf:1" });
  });

  it("nested calls: a comment on the outer call covers the inner module's resources", () => {
    const deep: ResourceModel = {
      modelType: "x",
      address: "module.network.module.subnets.aws_subnet.a",
      range: range(1, 2),
      file: "modules/subnets/main.tf",
      via: [
        { file: "main.tf", range: range(2, 4) },
        { file: "modules/network/main.tf", range: range(1, 2) },
      ],
    };
    expect(run([result("MAM-SG-002", deep, 1)])[0]?.suppressed?.source).toBe("inline:main.tf:1");
  });

  it("a module resource is judged in its own file: its comments apply, the caller's lines do not", () => {
    const b: ResourceModel = { modelType: "x", address: "module.storage.aws_s3_bucket.b", range: range(2, 4), file: "modules/storage/main.tf", via: [{ file: "main.tf", range: range(5, 7) }] };
    const [inModule, other] = run([result("MAM-S3-001", b, 3), result("MAM-S3-002", b, 3)]);
    expect(inModule?.suppressed?.source).toBe("inline:modules/storage/main.tf:1");
    expect(other?.suppressed).toBeUndefined();
  });

  it("a file-level directive of the calling file does not reach into modules", () => {
    const lines = ["# mamori:ignore-file", ...main.slice(1)];
    const b: ResourceModel = { modelType: "x", address: "module.storage.aws_s3_bucket.b", range: range(2, 4), file: "modules/storage/main.tf", via: [{ file: "main.tf", range: range(5, 7) }] };
    const own: ResourceModel = { modelType: "x", address: "aws_s3_bucket.own", range: range(8, 8) };
    const [inModule, inFile] = run([result("MAM-S3-002", b, 3), result("MAM-S3-002", own, 8)], lines);
    expect(inModule?.suppressed).toBeUndefined();
    expect(inFile?.suppressed?.source).toBe("inline:main.tf:1");
  });

  it("models give resource-level blocks where the adapter lists none", () => {
    const lines = ["# mamori:ignore MAM-CF-001 legacy", "Bucket:", "  Type: AWS::S3::Bucket", "  Properties:", "    AccessControl: PublicRead"];
    const m: ResourceModel = { modelType: "x", address: "Bucket", range: range(2, 5) };
    expect(run([result("MAM-CF-001", m, 5)], lines, { blocks: [] })[0]?.suppressed?.source).toBe("inline:main.tf:1");
  });

  it("peer comments count only with peerSkips", () => {
    const lines = ['resource "aws_s3_bucket" "own" {', "  # checkov:skip=CKV_AWS_20:website", '  acl = "public-read"', "}"];
    const m: ResourceModel = { modelType: "x", address: "aws_s3_bucket.own", range: range(1, 4) };
    expect(run([result("MAM-S3-001", m, 3)], lines, { blocks: [range(1, 4)] })[0]?.suppressed).toBeUndefined();
    expect(run([result("MAM-S3-001", m, 3)], lines, { blocks: [range(1, 4)], peerSkips: true })[0]?.suppressed).toEqual({ reason: "checkov: website", source: "inline:main.tf:2" });
  });
});
