// The one Terraform security group rule reader: the security group models (aws-core.ts) and the
// compute models (aws-compute-sg.ts) read the same rules, with their descriptions, from inline
// blocks and the three kinds of separate rule resources.
import { describe, expect, it } from "vitest";
import { terraformAdapter } from "../../src/adapters/terraform.js";
import type { SecurityGroup, SgRule } from "../../src/models/aws.js";
import type { SecurityGroupRule } from "../../src/models/aws-compute.js";

const TF = `resource "aws_security_group" "web" {
  name = "web"
  ingress {
    description = "https"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = -1
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  description       = "ssh"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/8"]
  security_group_id = aws_security_group.web.id
}

resource "aws_vpc_security_group_ingress_rule" "rdp" {
  security_group_id = aws_security_group.web.id
  ip_protocol       = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_ipv6         = "::/0"
}

resource "aws_vpc_security_group_egress_rule" "out" {
  security_group_id = aws_security_group.web.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}
`;

type Row = [string, string | undefined, number | undefined, string[], string | undefined, number];
const row = (r: SgRule): Row => [r.direction, r.protocol?.known ? r.protocol.value : "?", r.fromPort?.value, r.cidrs.map((c) => String(c.value)), r.description?.value, r.range.startLine];

describe("terraform security group rules", () => {
  const models = terraformAdapter.parse(TF, "main.tf").models;

  it("gives the security group its inline rules, aws_security_group_rule and VPC ingress rules", () => {
    const groups = models.filter((m): m is SecurityGroup => m.modelType === "aws.ec2.SecurityGroup");
    expect(groups.map((g) => g.rules.map(row))).toEqual([
      [
        ["ingress", "tcp", 443, ["0.0.0.0/0"], "https", 3],
        // A protocol written as a number is read as its string: -1 is all protocols.
        ["egress", "-1", 0, ["0.0.0.0/0"], undefined, 10],
        ["ingress", "tcp", 22, ["10.0.0.0/8"], "ssh", 18],
        ["ingress", "tcp", 3389, ["::/0"], undefined, 28],
      ],
    ]);
  });

  it("gives the compute rule models every rule, egress VPC rules included, read the same way", () => {
    const rules = models.filter((m): m is SecurityGroupRule => m.modelType === "aws.ec2.SecurityGroupRule");
    expect(rules.map((r) => [r.address, r.direction, r.summary, r.description?.value])).toEqual([
      ["aws_security_group.web", "ingress", "tcp 443 0.0.0.0/0", "https"],
      ["aws_security_group.web", "egress", "-1 0 0.0.0.0/0", undefined],
      ["aws_security_group_rule.ssh", "ingress", "tcp 22 10.0.0.0/8", "ssh"],
      ["aws_vpc_security_group_ingress_rule.rdp", "ingress", "tcp 3389 ::/0", undefined],
      ["aws_vpc_security_group_egress_rule.out", "egress", "-1 0.0.0.0/0", undefined],
    ]);
  });
});
