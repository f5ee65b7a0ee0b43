import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cloudFormationAdapter } from "../../src/adapters/cloudformation.js";
import { builtinChecks } from "../../src/checks/registry.js";
import type { ResourceModel } from "../../src/checks/types.js";
import type { EbsVolume, IamPolicy, RdsInstance, S3Bucket, SecurityGroup } from "../../src/models/aws.js";

function models<T extends ResourceModel>(text: string, type: string): T[] {
  return cloudFormationAdapter.parse(text, "t.yaml").models.filter((m) => m.modelType === type) as T[];
}

const line = (n: number) => ({ startLine: n, endLine: n });

describe("CloudFormation mappers: S3", () => {
  const text = readFileSync("test/fixtures/cloudformation/mappers.yaml", "utf8");

  it("maps bucket properties with their own lines", () => {
    const [assets, guarded, maybe] = models<S3Bucket>(text, "aws.s3.Bucket");
    expect(assets).toMatchObject({
      address: "Assets",
      range: { startLine: 10, endLine: 20 },
      bucket: { value: "assets-prod", known: true, range: line(13) },
      acl: { value: "public-read", known: true, range: line(14) },
      encryption: { value: true, known: true, range: { startLine: 15, endLine: 18 } },
      versioning: { value: false, known: true, range: line(20) },
    });
    expect(assets?.publicAccessBlock).toBeUndefined();
    expect(guarded).toMatchObject({ publicAccessBlock: { value: true, known: true, range: { startLine: 24, endLine: 28 } }, versioning: { value: true, known: true } });
    expect(guarded?.acl).toBeUndefined();
    // A public access block under a condition that cannot be decided: there may be one.
    expect(maybe?.publicAccessBlock).toMatchObject({ known: false, range: line(33) });
  });
});

describe("CloudFormation mappers: security groups", () => {
  const text = readFileSync("test/fixtures/cloudformation/mappers.yaml", "utf8");

  it("joins inline rules and separate ingress/egress by GroupId reference or GroupName", () => {
    const [web] = models<SecurityGroup>(text, "aws.ec2.SecurityGroup");
    expect(web?.address).toBe("Web");
    const rules = web?.rules.map((r) => ({
      direction: r.direction,
      from: r.fromPort?.value,
      to: r.toPort?.value,
      protocol: r.protocol?.value,
      cidrs: r.cidrs.map((c) => (c.known ? c.value : "?")),
      line: r.range.startLine,
    }));
    expect(rules).toEqual([
      { direction: "ingress", from: 443, to: 443, protocol: "tcp", cidrs: ["0.0.0.0/0"], line: 40 },
      { direction: "ingress", from: 22, to: 22, protocol: "tcp", cidrs: ["?"], line: 45 },
      { direction: "egress", from: undefined, to: undefined, protocol: "-1", cidrs: ["0.0.0.0/0"], line: 50 },
      { direction: "ingress", from: 3389, to: 3389, protocol: "tcp", cidrs: ["::/0"], line: 52 },
      { direction: "ingress", from: 5432, to: 5432, protocol: "6", cidrs: ["10.0.0.0/8"], line: 60 },
      { direction: "ingress", from: 8080, to: 8080, protocol: "tcp", cidrs: ["0.0.0.0/0"], line: 68 },
      { direction: "egress", from: 0, to: 65535, protocol: "tcp", cidrs: ["0.0.0.0/0"], line: 76 },
    ]);
    expect(web?.rules[0]?.cidrs[0]?.range).toEqual(line(44));
  });
});

describe("CloudFormation mappers: RDS, IAM, EBS", () => {
  const text = readFileSync("test/fixtures/cloudformation/mappers.yaml", "utf8");

  it("maps RDS instances, reading booleans written as strings", () => {
    const [orders, member] = models<RdsInstance>(text, "aws.rds.Instance");
    expect(orders).toMatchObject({
      address: "Orders",
      inheritsStorage: false,
      publiclyAccessible: { value: true, known: true, range: line(96) },
      storageEncrypted: { value: false, known: true, range: line(97) },
      backupRetentionPeriod: { value: 0, known: true, range: line(98) },
      deletionProtection: { value: false, known: true, range: line(99) },
      password: { known: false, range: line(95) },
    });
    expect(member).toMatchObject({ address: "Member", inheritsStorage: true });
  });

  it("maps one IAM policy model per document", () => {
    const policies = models<IamPolicy>(text, "aws.iam.Policy");
    expect(policies.map((p) => [p.address, p.range.startLine])).toEqual([
      ["Admin", 106],
      ["Ci.Policies[deploy]", 125],
      ["Ci.Policies[1]", 131],
      ["Inline", 137],
    ]);
    expect(policies[0]?.statements).toEqual([
      {
        effect: { value: "Allow", known: true, range: line(112) },
        action: [{ value: "*", known: true, range: line(113) }],
        notAction: [],
        resource: [{ value: "*", known: true, range: line(114) }],
        range: { startLine: 112, endLine: 114 },
      },
    ]);
    expect(policies[1]?.statements[0]?.action.map((a) => a.value)).toEqual(["s3:*"]);
    expect(policies[2]?.statements[0]?.resource.map((r) => r.known)).toEqual([false]);
    // A document written as a JSON string is read too; its values get the property's line.
    expect(policies[3]?.statements[0]?.action).toEqual([{ value: "iam:*", known: true, range: { startLine: 141, endLine: 142 } }]);
  });

  it("maps EBS volumes", () => {
    const volumes = models<EbsVolume>(text, "aws.ebs.Volume");
    expect(volumes).toMatchObject([
      { address: "Plain", inheritsStorage: false, encrypted: { value: false, known: true, range: line(147) } },
      { address: "FromSnapshot", inheritsStorage: true },
    ]);
    expect(volumes[1]?.encrypted).toBeUndefined();
  });
});

describe("CloudFormation examples of the AWS checks", () => {
  const first = builtinChecks.filter((c) => /^MAM-AWS-0(0[1-9]|1[0-2])$/.test(c.id));
  const cases = first.flatMap((c) =>
    (["bad", "good"] as const).flatMap((kind) => (c.examples.cloudformation?.[kind] ?? []).map((text, i) => ({ name: `${c.id} ${kind} #${i + 1}`, type: c.appliesTo, text }))),
  );

  it("exist for the twelve first AWS checks", () => {
    expect(first).toHaveLength(12);
    for (const c of first) expect(c.examples.cloudformation?.bad.length, c.id).toBeGreaterThan(0);
  });

  it.each(cases)("$name yields a model the check reads, without warnings", ({ type, text }) => {
    const parsed = cloudFormationAdapter.parse(text, "example.yaml");
    expect(parsed.models.some((m) => m.modelType === type)).toBe(true);
    expect(parsed.warnings).toEqual([]);
    expect(cloudFormationAdapter.sniff?.(text)).toBe(true);
  });
});
