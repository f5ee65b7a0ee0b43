// The google mappers added for Cloud Logging buckets and Confidential VMs: values with their
// lines, unknowns kept unknown, absence kept apart from an explicit false.
import { describe, expect, it } from "vitest";
import { terraformAdapter } from "../../src/adapters/terraform.js";
import type { ResourceModel } from "../../src/checks/types.js";
import type { ComputeInstance, LogBucket } from "../../src/models/gcp.js";

function models<T extends ResourceModel>(text: string, type: string): T[] {
  return terraformAdapter.parse(text, "main.tf").models.filter((m) => m.modelType === type) as T[];
}

const brief = (v: { value?: unknown; known: boolean; range: { startLine: number } } | undefined) =>
  v === undefined ? undefined : v.known ? [v.value, v.range.startLine] : ["?", v.range.startLine];

describe("log buckets", () => {
  it.each([
    ["google_logging_project_bucket_config", 'retention_days = 400\n  locked = true', [400, 3], [true, 4]],
    ["google_logging_folder_bucket_config", "locked = false", undefined, [false, 3]],
    ["google_logging_organization_bucket_config", "retention_days = var.days\n  locked = var.lock", ["?", 3], ["?", 4]],
    ["google_logging_billing_account_bucket_config", "", undefined, undefined],
  ])("%s", (type, body, days, locked) => {
    const text = `resource "${type}" "b" {\n  bucket_id = "audit"\n  ${body}\n}\n`;
    const all = models<LogBucket>(text, "gcp.logging.Bucket");
    expect(all).toHaveLength(1);
    const b = all[0] as LogBucket;
    expect(b.address).toBe(`${type}.b`);
    expect(brief(b.bucketId)).toEqual(["audit", 2]);
    expect(brief(b.retentionDays)).toEqual(days);
    expect(brief(b.locked)).toEqual(locked);
  });
});

describe("confidential computing", () => {
  const vm = (body: string) => `resource "google_compute_instance" "vm" {\n  name = "vm"\n${body}}\n`;
  it.each([
    ["absent", "", undefined],
    ["enabled", "  confidential_instance_config {\n    enable_confidential_compute = true\n  }\n", [true, 4]],
    ["disabled", "  confidential_instance_config {\n    enable_confidential_compute = false\n  }\n", [false, 4]],
    ["empty block", "  confidential_instance_config {\n  }\n", [false, 3]],
    ["by type", '  confidential_instance_config {\n    confidential_instance_type = "SEV_SNP"\n  }\n', [true, 4]],
    ["type from a variable", "  confidential_instance_config {\n    confidential_instance_type = var.t\n  }\n", ["?", 4]],
    ["dynamic block", '  dynamic "confidential_instance_config" {\n    for_each = var.c\n    content {\n      enable_confidential_compute = true\n    }\n  }\n', ["?", 3]],
  ])("%s", (_name, body, want) => {
    const [m] = models<ComputeInstance>(vm(body), "gcp.compute.Instance");
    expect(brief(m?.confidentialCompute)).toEqual(want);
  });
});
