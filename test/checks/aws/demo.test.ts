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
      ],
    },
    { file: "iam.tf", expected: ["MAM-AWS-010:7"] },
  ])("$file", ({ file, expected }) => {
    expect(findings(file)).toEqual([...expected].sort());
  });
});
