// The compute checks on whole inputs, for the behaviour the examples do not pin down: network ACL
// rule order, what a cross-resource finding says, credential detection in user data, and that no
// credential ever reaches a finding.
import { describe, expect, it } from "vitest";
import { adapterForFormat } from "../../src/adapters/index.js";
import { credentialsIn } from "../../src/checks/aws/compute-secrets.js";
import { awsComputeChecks } from "../../src/checks/aws/group-compute.js";
import { violationsOf } from "../../src/checks/define.js";
import type { Violation } from "../../src/checks/types.js";

function run(format: "terraform" | "cloudformation", text: string, id?: string): (Violation & { id: string })[] {
  const adapter = adapterForFormat(format);
  if (!adapter) throw new Error(`no adapter for ${format}`);
  const parsed = adapter.parse(text, format === "terraform" ? "main.tf" : "template.yaml");
  return awsComputeChecks
    .filter((c) => id === undefined || c.id === id)
    .flatMap((c) => parsed.models.filter((m) => m.modelType === c.appliesTo).flatMap((m) => violationsOf(c.evaluate(m, { path: "x" })).map((v) => ({ ...v, id: c.id }))));
}

function acl(entries: string): string {
  return `resource "aws_network_acl" "a" {\n  vpc_id = "vpc-1"\n${entries}\n}`;
}

function entry(no: string, action: string, protocol: string, port: number, cidr = "0.0.0.0/0"): string {
  return `  ingress {\n    rule_no    = ${no}\n    action     = "${action}"\n    protocol   = "${protocol}"\n    from_port  = ${port}\n    to_port    = ${port}\n    cidr_block = "${cidr}"\n  }`;
}

describe("network ACL rule order (MAM-AWS-217)", () => {
  it.each([
    { name: "an allow for 22", entries: [entry("100", "allow", "tcp", 22)], want: ["0.0.0.0/0 to port 22"] },
    { name: "a deny before an allow-all", entries: [entry("50", "deny", "tcp", 22), entry("100", "allow", "-1", 0)], want: ["0.0.0.0/0 to port 3389"] },
    { name: "a deny after the allow", entries: [entry("100", "allow", "tcp", 22), entry("200", "deny", "tcp", 22)], want: ["0.0.0.0/0 to port 22"] },
    { name: "a deny for part of the internet only", entries: [entry("50", "deny", "tcp", 22, "198.51.100.0/24"), entry("100", "allow", "tcp", 22)], want: ["0.0.0.0/0 to port 22"] },
    { name: "a rule number from a variable", entries: [entry("var.n", "deny", "tcp", 22), entry("100", "allow", "tcp", 22)], want: [] },
    { name: "an IPv6 allow", entries: [entry("100", "allow", "tcp", 3389, "::/0")], want: ["::/0 to port 3389"] },
  ])("$name", ({ entries, want }) => {
    const found = run("terraform", acl(entries.join("\n")), "MAM-AWS-217").map((v) => v.message.replace(/^aws_network_acl\.a allows /, ""));
    expect(found).toEqual(want);
  });

  it("stays quiet on a rule whose ACL is not in the file", () => {
    const text = `resource "aws_network_acl_rule" "ssh" {\n  network_acl_id = var.acl\n  rule_number    = 100\n  protocol       = "tcp"\n  rule_action    = "allow"\n  from_port      = 22\n  to_port        = 22\n  cidr_block     = "0.0.0.0/0"\n}`;
    expect(run("terraform", text, "MAM-AWS-217")).toEqual([]);
  });
});

describe("exposure through attached groups (MAM-AWS-213, MAM-AWS-214)", () => {
  const sg = `resource "aws_security_group" "open" {\n  name = "open"\n  ingress {\n    description = "all"\n    from_port   = 0\n    to_port     = 0\n    protocol    = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n`;

  it.each([
    { name: "an internet-facing load balancer", lb: "internal = false", want: ["load balancer aws_lb.x has a public address and is reachable from 0.0.0.0/0 on all ports through aws_security_group.open"] },
    { name: "an internal load balancer", lb: "internal = true", want: [] },
    { name: "a load balancer whose scheme is a variable", lb: "internal = var.internal", want: ["load balancer aws_lb.x is reachable from 0.0.0.0/0 on all ports through aws_security_group.open"] },
  ])("$name", ({ lb, want }) => {
    const text = `${sg}\nresource "aws_lb" "x" {\n  ${lb}\n  security_groups = [aws_security_group.open.id]\n}`;
    const found = run("terraform", text, "MAM-AWS-214");
    expect(found.map((v) => v.message)).toEqual(want);
    for (const v of found) expect(v.range.startLine).toBe(14);
  });

  it("reports the same exposure from CloudFormation at the attachment", () => {
    const text = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Open:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: open
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 0, ToPort: 65535, CidrIpv6: ::/0 }
  Tpl:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        NetworkInterfaces:
          - DeviceIndex: 0
            Groups: [!Ref Open]`;
    const found = run("cloudformation", text, "MAM-AWS-214");
    expect(found.map((v) => [v.message, v.range.startLine])).toEqual([["launch template Tpl is reachable from ::/0 on all ports through Open", 15]]);
  });
});

describe("credentials in user data", () => {
  it.each([
    { text: "export DB_PASSWORD=example-value-1", want: ["DB_PASSWORD"] },
    { text: 'DB_PASSWORD="$(aws ssm get-parameter --name /db --query Parameter.Value --output text)"', want: [] },
    { text: "export DB_PASSWORD=${DB_PASSWORD_FROM_ENV}", want: [] },
    { text: "DB_PASSWORD_FILE=/run/secrets/db", want: [] },
    { text: "password: example-value-2", want: ["password"] },
    { text: "TOKENIZERS_PARALLELISM=false", want: [] },
    { text: "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----", want: ["a private key"] },
  ])("$text", ({ text, want }) => {
    expect(credentialsIn(`#!/bin/bash\n${text}\n`)).toEqual(want);
  });
});

const PLANTED = "Pl4nted-C0mpute-Secret-0001";

describe("credentials never reach a finding", () => {
  const b64 = Buffer.from(`#!/bin/bash\nexport APP_SECRET=${PLANTED}\n`).toString("base64");
  it.each([
    { format: "terraform" as const, text: `resource "aws_instance" "a" {\n  user_data = "#!/bin/bash\\nexport APP_SECRET=${PLANTED}\\n"\n}`, id: "MAM-AWS-203" },
    { format: "terraform" as const, text: `resource "aws_launch_template" "a" {\n  user_data = "${b64}"\n}`, id: "MAM-AWS-208" },
    { format: "terraform" as const, text: `resource "aws_lambda_function" "a" {\n  environment {\n    variables = { APP_SECRET = "${PLANTED}" }\n  }\n}`, id: "MAM-AWS-228" },
    {
      format: "terraform" as const,
      text: `resource "aws_ecs_task_definition" "a" {\n  family = "a"\n  container_definitions = jsonencode([{ name = "a", environment = [{ name = "APP_SECRET", value = "${PLANTED}" }] }])\n}`,
      id: "MAM-AWS-245",
    },
    { format: "cloudformation" as const, text: `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  A:\n    Type: AWS::AutoScaling::LaunchConfiguration\n    Properties:\n      UserData: ${b64}`, id: "MAM-AWS-212" },
  ])("$id ($format)", ({ format, text, id }) => {
    const found = run(format, text);
    expect(found.some((v) => v.id === id)).toBe(true);
    for (const v of found) {
      for (const field of [v.message, v.key ?? "", v.snippet ?? "", v.fix ?? ""]) expect(field).not.toContain(PLANTED);
      if (v.id === id) expect(v.snippet).toBeDefined();
    }
  });
});
