import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { adapterForText } from "../../src/adapters/index.js";
import { terraformPlanAdapter } from "../../src/adapters/tfplan.js";
import { violationsOf } from "../../src/checks/define.js";
import { builtinChecks } from "../../src/checks/registry.js";
import type { ResourceModel } from "../../src/checks/types.js";
import { InputError } from "../../src/core/errors.js";
import type { EbsVolume, IamPolicy, RdsInstance, S3Bucket, SecurityGroup } from "../../src/models/aws.js";

const PLAN = readFileSync("test/fixtures/tfplan/storefront.plan.json", "utf8");
const planLines = PLAN.split("\n");
/** The line of the first occurrence of `text` after the line of `after`. */
const lineOf = (text: string, after = ""): number => {
  const from = after ? planLines.findIndex((l) => l.includes(after)) : 0;
  return planLines.findIndex((l, i) => i >= from && l.includes(text)) + 1;
};

function models<T extends ResourceModel>(text: string, type: string): T[] {
  return terraformPlanAdapter.parse(text, "plan.json").models.filter((m) => m.modelType === type) as T[];
}

function byAddress<T extends ResourceModel>(text: string, type: string, address: string): T | undefined {
  return models<T>(text, type).find((m) => m.address === address);
}

describe("terraformPlanAdapter: detection", () => {
  it.each([
    { path: "plan.json", want: true },
    { path: "out/PLAN.JSON", want: true },
    { path: "main.tf", want: false },
    { path: "plan.out", want: false },
  ])("wants $path: $want", ({ path, want }) => {
    expect(terraformPlanAdapter.wants(path)).toBe(want);
  });

  it.each([
    { name: "a plan", text: PLAN, is: true },
    { name: "a state (no planned_values)", text: '{"format_version":"1.0","values":{"root_module":{}}}', is: false },
    { name: "a CloudFormation template", text: '{"Resources":{"B":{"Type":"AWS::S3::Bucket"}}}', is: false },
    { name: "package.json", text: '{"name":"x","version":"1.0.0"}', is: false },
  ])("sniffs $name: $is", ({ text, is }) => {
    expect(terraformPlanAdapter.sniff?.(text)).toBe(is);
  });

  it("is the adapter chosen for a plan, and not for templates", () => {
    expect(adapterForText("plan.json", PLAN)).toBe(terraformPlanAdapter);
    expect(adapterForText("stack.json", '{"Resources":{"B":{"Type":"AWS::S3::Bucket"}}}')?.format).toBe("cloudformation");
  });
});

describe("terraformPlanAdapter: values", () => {
  it("reads planned values with their lines, skipping values a provider leaves unset", () => {
    const db = byAddress<RdsInstance>(PLAN, "aws.rds.Instance", "aws_db_instance.orders");
    const at = lineOf('"address": "aws_db_instance.orders"');
    expect(db?.range.startLine).toBe(at - 1);
    expect(db).toMatchObject({
      publiclyAccessible: { value: true, known: true, range: { startLine: lineOf('"publicly_accessible": true') } },
      storageEncrypted: { value: false, known: true, range: { startLine: lineOf('"storage_encrypted": false') } },
      // null replicate_source_db and an empty restore_to_point_in_time are unset, not inherited storage.
      inheritsStorage: false,
    });
  });

  it("knows a sensitive value only when the configuration writes it as a literal or a variable's literal default", () => {
    expect(byAddress<RdsInstance>(PLAN, "aws.rds.Instance", "aws_db_instance.orders")?.password).toMatchObject({ value: "example-Passw0rd", known: true });
    expect(byAddress<RdsInstance>(PLAN, "aws.rds.Instance", "aws_db_instance.replica")?.password).toMatchObject({ value: undefined, known: false });
  });

  it("turns after_unknown values the configuration sets into unknowns, and drops computed ones", () => {
    const [set, computed] = [
      byAddress<EbsVolume>(PLAN, "aws.ebs.Volume", "module.data.aws_ebs_volume.disk[1]"),
      byAddress<EbsVolume>(PLAN, "aws.ebs.Volume", "module.data.aws_ebs_volume.disk[0]"),
    ];
    expect(set?.encrypted).toMatchObject({ known: false });
    // snapshot_id is unknown but not configured: computed by the provider, so not a restored volume.
    expect(set?.inheritsStorage).toBe(false);
    expect(computed?.encrypted).toMatchObject({ value: false, known: true });
  });

  it("keeps nested blocks as blocks (and as list values)", () => {
    const sg = byAddress<SecurityGroup>(PLAN, "aws.ec2.SecurityGroup", "aws_security_group.web");
    expect(sg?.rules).toMatchObject([
      {
        direction: "ingress",
        fromPort: { value: 22, known: true },
        toPort: { value: 22, known: true },
        protocol: { value: "tcp", known: true },
        cidrs: [{ value: "0.0.0.0/0", known: true, range: { startLine: lineOf('"cidr_blocks": ["0.0.0.0/0"]') } }],
      },
    ]);
  });

  it("joins companions by the configuration's references, module prefix included, or by literal name", () => {
    const logs = byAddress<S3Bucket>(PLAN, "aws.s3.Bucket", "aws_s3_bucket.logs");
    expect(logs).toMatchObject({
      bucket: { value: "storefront-logs", known: true },
      versioning: { value: false, known: true, range: { startLine: lineOf('"status": "Suspended"') } },
      publicAccessBlock: { value: true, known: true, range: { startLine: lineOf('"address": "aws_s3_bucket_public_access_block.logs"') - 1 } },
    });
    // Computed encryption and ACL are not configuration: the bucket has none written.
    expect(logs?.encryption).toBeUndefined();
    expect(logs?.acl).toBeUndefined();
    expect(byAddress<S3Bucket>(PLAN, "aws.s3.Bucket", "module.data.aws_s3_bucket.archive")?.versioning).toMatchObject({ value: true, known: true });
  });

  it("reads policy documents written as JSON strings, and skips data sources", () => {
    const [deploy] = models<IamPolicy>(PLAN, "aws.iam.Policy");
    expect(deploy?.statements[0]?.action.map((a) => a.value)).toEqual(["*"]);
    const addresses = terraformPlanAdapter.parse(PLAN, "plan.json").models.map((m) => m.address);
    expect(addresses.some((a) => a?.startsWith("data."))).toBe(false);
  });

  it("runs the Terraform checks on the plan", () => {
    const parsed = terraformPlanAdapter.parse(PLAN, "plan.json");
    const fired = builtinChecks
      .filter((c) => /^MAM-AWS-0(0[1-9]|1[0-2])$/.test(c.id))
      .flatMap((c) => parsed.models.filter((m) => m.modelType === c.appliesTo).flatMap((m) => violationsOf(c.evaluate(m, { path: "plan.json" })).map(() => `${c.id} ${m.address ?? ""}`)));
    expect(new Set(fired)).toEqual(
      new Set([
        "MAM-AWS-002 module.data.aws_s3_bucket.archive",
        "MAM-AWS-003 aws_s3_bucket.logs",
        "MAM-AWS-003 module.data.aws_s3_bucket.archive",
        "MAM-AWS-004 aws_s3_bucket.logs",
        "MAM-AWS-005 aws_security_group.web",
        "MAM-AWS-007 aws_db_instance.orders",
        "MAM-AWS-008 aws_db_instance.orders",
        "MAM-AWS-009 aws_db_instance.orders",
        "MAM-AWS-010 aws_iam_policy.deploy",
        "MAM-AWS-012 module.data.aws_ebs_volume.disk[0]",
      ]),
    );
  });

  it("reads a plan printed on one line (as terraform show -json prints it) with every range on line 1", () => {
    const oneLine = JSON.stringify(JSON.parse(PLAN) as unknown);
    const parsed = terraformPlanAdapter.parse(oneLine, "plan.json");
    expect(parsed.models.length).toBe(terraformPlanAdapter.parse(PLAN, "plan.json").models.length);
    expect(parsed.models.every((m) => m.range.startLine === 1 && m.range.endLine === 1)).toBe(true);
    expect(parsed.warnings).toEqual([]);
  });

  it("points at line 1, with a warning, for a plan printed over lines that is too large to read with positions", () => {
    const big = `${PLAN}${" ".repeat(4.5 * 1024 * 1024)}\n`;
    const parsed = terraformPlanAdapter.parse(big, "plan.json");
    expect(parsed.models.every((m) => m.range.startLine === 1)).toBe(true);
    expect(parsed.warnings).toEqual([{ message: expect.stringContaining("findings point at line 1") as string }]);
  });

  it("joins counted companions to the instance with the same key", () => {
    const resource = (type: string, index: number, values: object) => ({ address: `${type}.x[${index}]`, mode: "managed", type, name: "x", index, values, sensitive_values: {} });
    const plan = {
      format_version: "1.2",
      planned_values: {
        root_module: {
          resources: [
            resource("aws_s3_bucket", 0, { bucket: "a" }),
            resource("aws_s3_bucket", 1, { bucket: "b" }),
            resource("aws_s3_bucket_versioning", 0, { versioning_configuration: [{ status: "Enabled" }] }),
            resource("aws_s3_bucket_versioning", 1, { versioning_configuration: [{ status: "Suspended" }] }),
          ],
        },
      },
      resource_changes: [0, 1].map((i) => ({ address: `aws_s3_bucket_versioning.x[${i}]`, change: { actions: ["create"], after_unknown: { bucket: true } } })),
      configuration: {
        root_module: {
          resources: [{ mode: "managed", type: "aws_s3_bucket_versioning", name: "x", expressions: { bucket: { references: ["aws_s3_bucket.x", "count.index"] } } }],
        },
      },
    };
    const buckets = models<S3Bucket>(JSON.stringify(plan, null, 1), "aws.s3.Bucket");
    expect(buckets.map((b) => [b.address, b.versioning?.value])).toEqual([
      ["aws_s3_bucket.x[0]", true],
      ["aws_s3_bucket.x[1]", false],
    ]);
  });

  it.each([
    { name: "invalid JSON on one line", text: '{"format_version": "1.2", "planned_values": ', message: /^plan\.json:1: invalid JSON/ },
    { name: "invalid JSON over lines", text: '{\n"format_version": "1.2",\n"planned_values": [\n', message: /^plan\.json:\d+: invalid YAML or JSON/ },
    { name: "no planned_values object", text: '["format_version", "planned_values"]', message: /^plan\.json:1: not a Terraform plan/ },
  ])("refuses $name with an InputError", ({ text, message }) => {
    expect(() => terraformPlanAdapter.parse(text, "plan.json")).toThrow(InputError);
    expect(() => terraformPlanAdapter.parse(text, "plan.json")).toThrow(message);
  });
});
