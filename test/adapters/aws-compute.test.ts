// Terraform onto the AWS compute and network models: what each mapper reads, what it joins by
// reference, and what it leaves unknown.
import { describe, expect, it } from "vitest";
import { terraformAdapter } from "../../src/adapters/terraform.js";
import type { ResourceModel } from "../../src/checks/types.js";
import type {
  CloudFrontDistribution,
  Ec2Instance,
  EcrRepositoryPolicy,
  EcsTaskDefinition,
  LambdaFunction,
  LaunchTemplate,
  Listener,
  NetworkAcl,
  NetworkAttachment,
  SecurityGroupRule,
  Vpc,
} from "../../src/models/aws-compute.js";

function models<T extends ResourceModel>(text: string, type: string): T[] {
  return terraformAdapter.parse(text, "main.tf").models.filter((m) => m.modelType === type) as T[];
}

function one<T extends ResourceModel>(text: string, type: string): T {
  const all = models<T>(text, type);
  expect(all).toHaveLength(1);
  return all[0] as T;
}

const SG = `resource "aws_security_group" "web" {
  name = "web"

  ingress {
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group_rule" "https" {
  type              = "ingress"
  security_group_id = aws_security_group.web.id
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}
`;

describe("EC2 launch settings", () => {
  it("reads metadata options, volumes, user data and monitoring of an instance", () => {
    const i = one<Ec2Instance>(
      `resource "aws_instance" "web" {
  ami              = "ami-1"
  monitoring       = true
  user_data_base64 = "ZXhwb3J0IEE9MQo="

  metadata_options {
    http_tokens   = "optional"
    http_endpoint = "enabled"
  }

  root_block_device {
    encrypted = true
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    snapshot_id = "snap-1"
  }
}`,
      "aws.ec2.Instance",
    );
    expect(i.httpTokens).toMatchObject({ value: "optional", known: true, range: { startLine: 7 } });
    expect(i.metadataRange).toEqual({ startLine: 6, endLine: 9 });
    expect(i.monitoring).toMatchObject({ value: true, known: true });
    expect(i.userData).toMatchObject({ value: "export A=1\n", known: true });
    expect(i.volumes).toEqual([
      expect.objectContaining({ name: "root", fromSnapshot: false, encrypted: expect.objectContaining({ value: true }) }),
      expect.objectContaining({ name: "/dev/sdf", fromSnapshot: true }),
    ]);
  });

  it.each([
    { attr: `user_data = "#!/bin/bash\\necho hi\\n"`, want: "#!/bin/bash\necho hi\n", known: true },
    { attr: `user_data = "IyEvYmluL2Jhc2gKZWNobyBoaQo="`, want: "#!/bin/bash\necho hi\n", known: true },
    { attr: `user_data = file("boot.sh")`, want: undefined, known: false },
    { attr: `user_data_base64 = "not base64!"`, want: undefined, known: false },
  ])("user data $attr", ({ attr, want, known }) => {
    const i = one<Ec2Instance>(`resource "aws_instance" "web" {\n  ${attr}\n}`, "aws.ec2.Instance");
    expect(i.userData).toMatchObject({ value: want, known });
  });

  it("leaves IMDS unknown for an instance that takes a launch template's options", () => {
    const i = one<Ec2Instance>(`resource "aws_instance" "web" {\n  launch_template {\n    id = aws_launch_template.web.id\n  }\n}`, "aws.ec2.Instance");
    expect(i.httpTokens).toMatchObject({ known: false });
  });

  it("reads a launch template's interfaces and EBS mappings (encrypted may be a string)", () => {
    const t = one<LaunchTemplate>(
      `resource "aws_launch_template" "web" {
  network_interfaces {
    associate_public_ip_address = false
  }
  network_interfaces {
    associate_public_ip_address = true
  }
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted = "false"
    }
  }
}`,
      "aws.ec2.LaunchTemplate",
    );
    expect(t.associatePublicIp).toMatchObject({ value: true, known: true });
    expect(t.volumes).toEqual([expect.objectContaining({ name: "/dev/xvda", encrypted: expect.objectContaining({ value: false, known: true }) })]);
  });
});

describe("security groups attached by reference", () => {
  it("resolves inline and separate rules of the groups an instance attaches, skipping ones it cannot see", () => {
    const a = one<NetworkAttachment>(
      `${SG}
resource "aws_instance" "web" {
  associate_public_ip_address = true
  vpc_security_group_ids      = [aws_security_group.web.id, var.extra, "sg-0123"]
}`,
      "aws.ec2.NetworkAttachment",
    );
    expect(a).toMatchObject({ address: "aws_instance.web", kind: "instance", publicAddress: { value: true, known: true } });
    expect(a.groups).toHaveLength(1);
    expect(a.groups[0]?.group).toBe("aws_security_group.web");
    expect(a.groups[0]?.range.startLine).toBe(24);
    expect(a.groups[0]?.rules.map((r) => r.toPort?.value)).toEqual([22, 443]);
  });

  it.each([
    { name: "its own setting", body: "associate_public_ip_address = false", subnet: "", value: false, known: true },
    { name: "no subnet: the default subnet maps one", body: "", subnet: "", value: true, known: true },
    { name: "a subnet in the file that maps one", body: "subnet_id = aws_subnet.a.id", subnet: "map_public_ip_on_launch = true", value: true, known: true },
    { name: "a subnet in the file that does not", body: "subnet_id = aws_subnet.a.id", subnet: "", value: false, known: true },
    { name: "a subnet from a variable", body: "subnet_id = var.subnet", subnet: "", value: undefined, known: false },
  ])("an instance's public address: $name", ({ body, subnet, value, known }) => {
    const text = `${SG}
resource "aws_subnet" "a" {
  vpc_id = "vpc-1"
  ${subnet}
}

resource "aws_instance" "web" {
  ${body}
  vpc_security_group_ids = [aws_security_group.web.id]
}`;
    expect(one<NetworkAttachment>(text, "aws.ec2.NetworkAttachment").publicAddress).toMatchObject({ value, known });
  });

  it("makes no attachment for a resource whose groups are all out of sight, and reads load balancers' scheme", () => {
    const all = models<NetworkAttachment>(
      `${SG}
resource "aws_instance" "a" {
  vpc_security_group_ids = var.groups
}

resource "aws_lb" "internal" {
  internal        = true
  security_groups = [aws_security_group.web.id]
}`,
      "aws.ec2.NetworkAttachment",
    );
    expect(all.map((a) => [a.address, a.publicAddress?.value])).toEqual([["aws_lb.internal", false]]);
  });

  it("makes one rule model per rule, with a summary and the description", () => {
    const rules = models<SecurityGroupRule>(SG, "aws.ec2.SecurityGroupRule");
    expect(rules.map((r) => [r.address, r.group, r.summary, r.description?.value])).toEqual([
      ["aws_security_group.web", "aws_security_group.web", "tcp 22 0.0.0.0/0", "ssh"],
      ["aws_security_group_rule.https", "aws_security_group.web", "tcp 443 0.0.0.0/0", undefined],
    ]);
  });
});

describe("VPC", () => {
  it("joins separate NACL rules to their ACL; rules of an ACL out of sight make an incomplete one", () => {
    const acls = models<NetworkAcl>(
      `resource "aws_network_acl" "a" {
  vpc_id = "vpc-1"
  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 443
    to_port    = 443
    cidr_block = "0.0.0.0/0"
  }
}

resource "aws_network_acl_rule" "deny" {
  network_acl_id = aws_network_acl.a.id
  rule_number    = 50
  protocol       = "-1"
  rule_action    = "deny"
  cidr_block     = "10.0.0.0/8"
}

resource "aws_network_acl_rule" "other" {
  network_acl_id = var.acl
  rule_number    = 10
  egress         = true
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
}`,
      "aws.ec2.NetworkAcl",
    );
    expect(acls.map((a) => [a.address, a.complete, a.entries.map((e) => `${e.egress ? "out" : "in"} ${e.ruleNumber?.value} ${e.action?.value}`)])).toEqual([
      ["aws_network_acl.a", true, ["in 100 allow", "in 50 deny"]],
      ["aws_network_acl_rule.other", false, ["out 10 allow"]],
    ]);
  });

  it.each([
    { name: "a flow log for the VPC", log: "vpc_id = aws_vpc.main.id", want: { value: true, known: true } },
    { name: "a flow log for another VPC", log: "vpc_id = aws_vpc.other.id", want: undefined },
    { name: "a flow log whose VPC cannot be read", log: "vpc_id = var.vpc", want: { known: false } },
    { name: "a flow log for a subnet", log: "subnet_id = var.subnet", want: undefined },
  ])("VPC flow logs: $name", ({ log, want }) => {
    const text = `resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\nresource "aws_vpc" "other" {\n  cidr_block = "10.1.0.0/16"\n}\nresource "aws_flow_log" "f" {\n  ${log}\n}`;
    const vpc = models<Vpc>(text, "aws.ec2.Vpc").find((v) => v.address === "aws_vpc.main");
    if (want) expect(vpc?.flowLogs).toMatchObject(want);
    else expect(vpc?.flowLogs).toBeUndefined();
  });
});

describe("services", () => {
  it("gives a listener its load balancer's type and the HTTP default of an application load balancer", () => {
    const ls = models<Listener>(
      `resource "aws_lb" "net" {
  load_balancer_type = "network"
}
resource "aws_alb" "app" {
  name = "app"
}
resource "aws_lb_listener" "n" {
  load_balancer_arn = aws_lb.net.arn
  port              = 80
}
resource "aws_lb_listener" "a" {
  load_balancer_arn = aws_alb.app.arn
  port              = 80
}`,
      "aws.elb.Listener",
    );
    expect(ls.map((l) => [l.address, l.lbType?.value, l.protocol?.value])).toEqual([
      ["aws_lb_listener.n", "network", undefined],
      ["aws_lb_listener.a", "application", "HTTP"],
    ]);
  });

  it("reads Lambda environment maps and finds on-failure destinations by reference", () => {
    const f = one<LambdaFunction>(
      `resource "aws_lambda_function" "w" {
  function_name = "w"
  environment {
    variables = {
      A = "1"
      B = var.b
    }
  }
}
resource "aws_lambda_function_event_invoke_config" "w" {
  function_name = aws_lambda_function.w.function_name
  destination_config {
    on_failure {
      destination = "arn:aws:sqs:eu-west-1:111122223333:dlq"
    }
  }
}`,
      "aws.lambda.Function",
    );
    expect(f.env?.map((e) => [e.name, e.value.value, e.value.known])).toEqual([
      ["A", "1", true],
      ["B", undefined, false],
    ]);
    expect(f.deadLetter).toMatchObject({ value: true, known: true, range: { startLine: 10 } });
  });

  it.each([
    { name: "jsonencode", defs: `jsonencode([{ name = "web", privileged = true, user = "0", environment = [{ name = "A", value = "1" }] }])`, readable: true },
    { name: "a JSON heredoc", defs: `<<-EOT\n    [{"name": "web", "privileged": true, "user": "0", "environment": [{"name": "A", "value": "1"}]}]\n  EOT`, readable: true },
    { name: "a file", defs: `file("defs.json")`, readable: false },
  ])("reads ECS container definitions from $name", ({ defs, readable }) => {
    const t = one<EcsTaskDefinition>(`resource "aws_ecs_task_definition" "web" {\n  family = "web"\n  container_definitions = ${defs}\n}`, "aws.ecs.TaskDefinition");
    if (!readable) return expect(t.containers).toBeUndefined();
    expect(t.containers?.map((c) => [c.name, c.privileged?.value, c.user?.value, c.env?.map((e) => e.name)])).toEqual([["web", true, "0", ["A"]]]);
  });

  it("reads principals of a repository policy written as JSON or jsonencode, and nothing from a data source", () => {
    const policies = models<EcrRepositoryPolicy>(
      `resource "aws_ecr_repository_policy" "a" {
  repository = "a"
  policy     = "{\\"Statement\\": [{\\"Effect\\": \\"Allow\\", \\"Principal\\": {\\"AWS\\": [\\"*\\", \\"arn:aws:iam::1:root\\"]}}]}"
}
resource "aws_ecr_repository_policy" "b" {
  repository = "b"
  policy     = jsonencode({ Statement = [{ Effect = "Deny", Principal = "*", Condition = {} }] })
}
resource "aws_ecr_repository_policy" "c" {
  repository = "c"
  policy     = data.aws_iam_policy_document.c.json
}`,
      "aws.ecr.RepositoryPolicy",
    );
    expect(policies.map((p) => p.statements?.map((s) => [s.effect?.value, s.principals.map((x) => x.value), s.hasCondition]))).toEqual([
      [["Allow", ["*", "arn:aws:iam::1:root"], false]],
      [["Deny", ["*"], true]],
      undefined,
    ]);
  });

  it("reads CloudFront behaviors, custom origins and logging through a delivery source", () => {
    const d = one<CloudFrontDistribution>(
      `resource "aws_cloudfront_distribution" "s" {
  origin {
    origin_id = "s3"
  }
  origin {
    origin_id = "app"
    custom_origin_config {
      origin_protocol_policy = "match-viewer"
    }
  }
  default_cache_behavior {
    viewer_protocol_policy = "allow-all"
  }
  ordered_cache_behavior {
    path_pattern           = "/api/*"
    viewer_protocol_policy = "https-only"
  }
}
resource "aws_cloudwatch_log_delivery_source" "s" {
  resource_arn = aws_cloudfront_distribution.s.arn
}`,
      "aws.cloudfront.Distribution",
    );
    expect(d.behaviors.map((b) => [b.name, b.viewerProtocolPolicy?.value])).toEqual([
      ["default", "allow-all"],
      ["/api/*", "https-only"],
    ]);
    expect(d.origins.map((o) => [o.id, o.protocolPolicy?.value])).toEqual([["app", "match-viewer"]]);
    expect(d.logging).toMatchObject({ value: true, known: true, range: { startLine: 19 } });
  });
});
