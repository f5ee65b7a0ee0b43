// demo/gcp/main.tf: exactly these Google Cloud findings, at these lines.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { terraformAdapter } from "../../src/adapters/terraform.js";
import { violationsOf } from "../../src/checks/define.js";
import { gcpChecks } from "../../src/checks/gcp/index.js";

const FILE = join(import.meta.dirname, "../../demo/gcp/main.tf");

function findings(): string[] {
  const parsed = terraformAdapter.parse(readFileSync(FILE, "utf8"), "main.tf");
  return gcpChecks
    .flatMap((c) =>
      parsed.models.filter((m) => m.modelType === c.appliesTo).flatMap((m) => violationsOf(c.evaluate(m, { path: "main.tf" })).map((v) => `${c.id}:${v.range.startLine}`)),
    )
    .sort();
}

describe("demo/gcp/main.tf", () => {
  it("has exactly the planted findings", () => {
    expect(findings()).toEqual([
      "MAM-GCP-001:23", // exports bucket readable by allUsers (through the IAM member)
      "MAM-GCP-003:14", // no public access prevention
      "MAM-GCP-004:14", // no versioning
      "MAM-GCP-005:14", // no usage logs
      "MAM-GCP-007:56", // serial console on
      "MAM-GCP-011:51", // external IP
      "MAM-GCP-012:59", // default service account
      "MAM-GCP-013:60", // ... with cloud-platform scope
      "MAM-GCP-019:30", // SSH from 0.0.0.0/0
      "MAM-GCP-022:26", // firewall rule not logged
      "MAM-GCP-030:100", // Editor for the CI service account
      "MAM-GCP-035:82", // Cloud SQL authorizes 0.0.0.0/0
      "MAM-GCP-036:77", // ... on a public IP
      "MAM-GCP-042:73", // PostgreSQL flags left at their defaults
      "MAM-GCP-043:73",
      "MAM-GCP-044:73",
      "MAM-GCP-046:73",
      "MAM-GCP-067:103", // KMS key never rotated
      "MAM-GCP-075:73", // PostgreSQL log_statement left at none
      "MAM-GCP-078:38", // VM without Confidential Computing
    ]);
  });
});
