// Terraform override files (override.tf, *_override.tf, and .tf.json forms) merged into the module
// as Terraform merges them; values they bring are reported at the lines of the block they override.
import { describe, expect, it } from "vitest";
import type { ResourceModel } from "../../src/checks/types.js";
import type { S3Bucket, SecurityGroup } from "../../src/models/aws.js";
import { parseConfigFile } from "../../src/adapters/tf/config-file.js";
import { isOverrideFile, moduleBlocks } from "../../src/adapters/tf/override.js";
import { project } from "./terraform-helpers.js";

function models<T extends ResourceModel>(files: Record<string, string>, type: string, file = "main.tf"): T[] {
  return (project(files).get(file)?.models.filter((m) => m.modelType === type) ?? []) as T[];
}

const MAIN = `resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
  acl    = "private"
}
`;

describe("override file names", () => {
  it.each([
    ["override.tf", true],
    ["override.tf.json", true],
    ["dev_override.tf", true],
    ["infra/prod_override.tf.json", true],
    ["OVERRIDE.TF", true],
    ["overrides.tf", false],
    ["my-override.tf", false],
    ["override.tfvars", false],
    ["main.tf", false],
  ])("%s: %s", (name, want) => {
    expect(isOverrideFile(name)).toBe(want);
  });
});

describe("merging top-level blocks", () => {
  it("an argument replaces the original's, reported at the line it replaces; new ones at the block's first line", () => {
    const [b] = models<S3Bucket>({ "main.tf": MAIN, "override.tf": `resource "aws_s3_bucket" "logs" {\n  acl = "public-read"\n  force_destroy = true\n}\n` }, "aws.s3.Bucket");
    expect(b?.acl).toEqual({ value: "public-read", known: true, range: { startLine: 3, endLine: 3 } });
    expect(b?.bucket?.value).toBe("acme-logs");
  });

  it("later override files win, in lexical order of their names, whatever order they come in", () => {
    const files = {
      "z_override.tf": `resource "aws_s3_bucket" "logs" {\n  acl = "authenticated-read"\n}\n`,
      "main.tf": MAIN,
      "a_override.tf": `resource "aws_s3_bucket" "logs" {\n  acl = "public-read"\n}\n`,
    };
    expect(models<S3Bucket>(files, "aws.s3.Bucket")[0]?.acl).toMatchObject({ value: "authenticated-read", range: { startLine: 3 } });
  });

  it("JSON override files merge into HCL blocks", () => {
    const json = JSON.stringify({ resource: { aws_s3_bucket: { logs: { acl: "public-read-write" } } } });
    expect(models<S3Bucket>({ "main.tf": MAIN, "gen_override.tf.json": json }, "aws.s3.Bucket")[0]?.acl?.value).toBe("public-read-write");
  });

  it("nested blocks of a type replace all the original's blocks of that type; other types stay", () => {
    const main = `resource "aws_security_group" "web" {
  name = "web"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["10.0.0.0/8"]
  }
}
`;
    const over = `resource "aws_security_group" "web" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;
    const [sg] = models<SecurityGroup>({ "main.tf": main, "override.tf": over }, "aws.ec2.SecurityGroup");
    expect(sg?.rules.map((r) => [r.direction, r.fromPort?.value, r.cidrs.map((c) => c.value), r.range.startLine])).toEqual([
      ["egress", 0, ["10.0.0.0/8"], 15],
      ["ingress", 22, ["0.0.0.0/0"], 3],
    ]);
    // Every value of the block the override brought is at the lines of the block it replaced.
    expect(sg?.rules[1]?.cidrs[0]?.range).toEqual({ startLine: 3, endLine: 3 });
  });

  it("a dynamic block in the override replaces the original's static blocks of its type", () => {
    const main = `resource "aws_security_group" "web" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;
    const over = `resource "aws_security_group" "web" {
  dynamic "ingress" {
    for_each = [443]
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["10.0.0.0/8"]
    }
  }
}
`;
    const [sg] = models<SecurityGroup>({ "main.tf": main, "override.tf": over }, "aws.ec2.SecurityGroup");
    expect(sg?.rules.map((r) => [r.fromPort?.value, r.cidrs.map((c) => c.value), r.range.startLine])).toEqual([[443, ["10.0.0.0/8"], 2]]);
  });

  it("count set by an override file expands the resource", () => {
    const [a, b, c] = models<S3Bucket>({ "main.tf": MAIN, "override.tf": `resource "aws_s3_bucket" "logs" {\n  count  = 2\n  bucket = "acme-logs-\${count.index}"\n}\n` }, "aws.s3.Bucket");
    expect([a?.address, b?.address, c]).toEqual(["aws_s3_bucket.logs[0]", "aws_s3_bucket.logs[1]", undefined]);
    expect(b?.bucket).toEqual({ value: "acme-logs-1", known: true, range: { startLine: 2, endLine: 2 } });
  });
});

describe("variables, locals and outputs", () => {
  it("a variable's default and a local are overridden by name; values used in main.tf take its lines", () => {
    const files = {
      "main.tf": `variable "acl" {
  default = "private"
}
locals {
  bucket = "acme-logs"
  other  = "x"
}
resource "aws_s3_bucket" "logs" {
  bucket = local.bucket
  acl    = var.acl
}
`,
      "override.tf": `variable "acl" {
  default = "public-read"
}
locals {
  bucket = "acme-public"
}
`,
    };
    const [b] = models<S3Bucket>(files, "aws.s3.Bucket");
    expect(b?.acl).toEqual({ value: "public-read", known: true, range: { startLine: 10, endLine: 10 } });
    expect(b?.bucket).toEqual({ value: "acme-public", known: true, range: { startLine: 9, endLine: 9 } });
  });

  it("a module's output overridden in the module reaches the caller", () => {
    const files = {
      "main.tf": `module "names" {
  source = "./names"
}
resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
  acl    = module.names.acl
}
`,
      "names/outputs.tf": `output "acl" {
  value = "private"
}
`,
      "names/override.tf": `output "acl" {
  value = "public-read"
}
`,
    };
    expect(models<S3Bucket>(files, "aws.s3.Bucket")[0]?.acl).toMatchObject({ value: "public-read", range: { startLine: 6 } });
  });
});

describe("what cannot be merged", () => {
  it("warns on an override block with nothing to override, on a local not defined, and on depends_on; merges the rest", () => {
    const parsed = project({
      "main.tf": MAIN,
      "override.tf": `resource "aws_s3_bucket" "missing" {
  acl = "public-read"
}
locals {
  nowhere = 1
}
resource "aws_s3_bucket" "logs" {
  depends_on = [aws_s3_bucket.missing]
  acl        = "public-read"
}
terraform {
  required_version = ">= 1.5"
}
`,
    });
    expect(parsed.get("override.tf")?.warnings).toEqual([
      { line: 1, message: 'resource "aws_s3_bucket" "missing" overrides a block that is not in the module\'s other files; it is ignored' },
      { line: 5, message: "local.nowhere is not defined in the module's other files, so it cannot be overridden; it is ignored" },
      { line: 8, message: "depends_on may not be set in an override block; it is ignored" },
    ]);
    const buckets = parsed.get("main.tf")?.models.filter((m): m is S3Bucket => m.modelType === "aws.s3.Bucket") ?? [];
    expect(buckets.map((b) => [b.address, b.acl?.value])).toEqual([["aws_s3_bucket.logs", "public-read"]]);
    expect(parsed.get("override.tf")?.models).toEqual([]);
  });

  it("without override files, nothing changes", () => {
    const [b] = models<S3Bucket>({ "main.tf": MAIN }, "aws.s3.Bucket");
    expect(b?.acl).toEqual({ value: "private", known: true, range: { startLine: 3, endLine: 3 } });
  });
});

describe("resource blocks: lifecycle and provisioners", () => {
  it("lifecycle is merged argument by argument; provisioner blocks are replaced together", () => {
    const main = `resource "aws_instance" "web" {
  ami = "ami-1"
  lifecycle {
    ignore_changes        = [tags]
    create_before_destroy = false
  }
  provisioner "local-exec" {
    command = "echo a"
  }
  provisioner "local-exec" {
    command = "echo b"
  }
}
`;
    const over = `resource "aws_instance" "web" {
  lifecycle {
    create_before_destroy = true
  }
  provisioner "remote-exec" {
    inline = ["true"]
  }
}
`;
    const def = { dir: "", files: [parseConfigFile(main, "main.tf"), parseConfigFile(over, "web_override.tf")] };
    const { declared, warnings } = moduleBlocks(def);
    expect(warnings).toEqual([]);
    expect(declared).toHaveLength(1);
    const web = declared[0]?.block;
    expect(declared[0]?.file).toBe("main.tf");
    const life = web?.blocks.find((b) => b.type === "lifecycle");
    expect(life?.attrs.map((a) => [a.name, a.from?.file, a.from?.at.startLine ?? a.r.startLine])).toEqual([
      ["ignore_changes", undefined, 4],
      ["create_before_destroy", "web_override.tf", 5],
    ]);
    expect(web?.blocks.filter((b) => b.type === "provisioner").map((b) => [b.labels[0], b.from?.at.startLine])).toEqual([["remote-exec", 7]]);
  });
});
