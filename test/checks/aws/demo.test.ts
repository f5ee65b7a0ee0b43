// The demo Terraform files: exactly these findings, at these lines.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { terraformAdapter } from "../../../src/adapters/terraform.js";
import { awsChecks } from "../../../src/checks/aws/index.js";
import { violationsOf } from "../../../src/checks/define.js";

const DEMO = join(import.meta.dirname, "../../../demo/terraform");

function findings(file: string): string[] {
  const parsed = terraformAdapter.parse(readFileSync(join(DEMO, file), "utf8"), file);
  return awsChecks
    .flatMap((c) =>
      parsed.models.filter((m) => m.modelType === c.appliesTo).flatMap((m) => violationsOf(c.evaluate(m, { path: file })).map((v) => `${c.id}:${v.range.startLine}`)),
    )
    .sort();
}

describe("demo/terraform", () => {
  it.each([
    {
      file: "main.tf",
      expected: [
        "MAM-AWS-001:19", // aws_s3_bucket_acl.assets: acl = "public-read"
        "MAM-AWS-002:13", // assets has no public access block
        "MAM-AWS-003:13", // nor encryption configuration
        "MAM-AWS-004:13", // nor versioning
        "MAM-AWS-005:31", // ssh from 0.0.0.0/0
        "MAM-AWS-007:50", // publicly_accessible = true
        "MAM-AWS-008:49", // storage_encrypted = false
        "MAM-AWS-009:48", // password literal
        "MAM-AWS-216:34", // the egress rule has no description
        "MAM-AWS-100:13", // assets: no access logging
        "MAM-AWS-101:13", // no customer-managed KMS key
        "MAM-AWS-102:13", // no bucket policy denying plain HTTP
        "MAM-AWS-105:13", // no lifecycle configuration
        "MAM-AWS-150:42", // orders: no IAM database authentication
        "MAM-AWS-151:42", // backups kept less than 7 days (none set)
        "MAM-AWS-152:42", // not Multi-AZ
        "MAM-AWS-154:42", // no log exports
        "MAM-AWS-155:42", // no deletion protection
        "MAM-AWS-156:42", // tags not copied to snapshots
      ],
    },
    { file: "iam.tf", expected: ["MAM-AWS-010:7"] },
  ])("$file", ({ file, expected }) => {
    expect(findings(file)).toEqual([...expected].sort());
  });
});
