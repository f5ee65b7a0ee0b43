// A generated Terraform tree for benchmarks: root modules (one directory each, several files) that
// call shared local modules, with variables, locals, count, for_each, dynamic blocks and functions.
// About 100 lines per file.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

function bucket(i, j) {
  return `resource "aws_s3_bucket" "b${j}" {
  bucket = "\${local.prefix}-data-${j}"
  tags   = merge(local.tags, { index = "${j}" })
}

resource "aws_s3_bucket_acl" "b${j}" {
  bucket = aws_s3_bucket.b${j}.id
  acl    = ${j % 3 === 0 ? '"public-read"' : '"private"'}
}

resource "aws_s3_bucket_versioning" "b${j}" {
  bucket = aws_s3_bucket.b${j}.id
  versioning_configuration {
    status = var.env == "prod" ? "Enabled" : "Suspended"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "b${j}" {
  count  = ${i % 2}
  bucket = aws_s3_bucket.b${j}.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}
`;
}

function securityGroup(i, j) {
  return `resource "aws_security_group" "sg${j}" {
  name        = "\${local.prefix}-sg-${j}"
  description = "service ${i} group ${j}"
  vpc_id      = var.vpc_id

  dynamic "ingress" {
    for_each = local.ports
    content {
      description = "port \${ingress.value}"
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = [ingress.value == 22 ? "0.0.0.0/0" : "10.0.0.0/8"]
    }
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group_rule" "extra${j}" {
  for_each          = toset(["80", "443"])
  type              = "ingress"
  security_group_id = aws_security_group.sg${j}.id
  from_port         = tonumber(each.key)
  to_port           = tonumber(each.key)
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}
`;
}

function database(i, j) {
  return `resource "aws_db_instance" "db${j}" {
  identifier              = "\${local.prefix}-db-${j}"
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  username                = "app"
  password                = var.db_password
  storage_encrypted       = ${i % 4 === 0 ? "false" : "true"}
  publicly_accessible     = var.env != "prod"
  backup_retention_period = lookup(local.retention, var.env, 1)
  deletion_protection     = var.env == "prod"
  tags                    = local.tags
}

resource "aws_ebs_volume" "v${j}" {
  availability_zone = "eu-west-1a"
  size              = 10 * ${j + 1}
  encrypted         = ${j % 2 === 0}
}
`;
}

function policy(i, j) {
  return `resource "aws_iam_policy" "p${j}" {
  name = "\${local.prefix}-policy-${j}"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ${j % 5 === 0 ? '"*"' : '["s3:GetObject", "s3:PutObject"]'}
        Resource = [for b in ["a", "b"] : "arn:aws:s3:::\${local.prefix}-\${b}/*"]
      },
      {
        Effect   = "Deny"
        Action   = "s3:DeleteBucket"
        Resource = "*"
      },
    ]
  })
}
`;
}

function pad(text, lines) {
  const have = text.split("\n").length;
  const extra = [];
  for (let k = have; k < lines; k++) extra.push(k % 10 === 0 ? "" : `# note ${k}: maintained by the platform team`);
  return `${text}${extra.join("\n")}\n`;
}

function fill(kind, i, target) {
  let out = "";
  for (let j = 0; out.split("\n").length < target - 20; j++) out += kind(i, j) + "\n";
  return pad(out, target);
}

function rootFiles(i, modules) {
  const m = i % modules;
  return {
    "variables.tf": pad(`variable "env" {
  type    = string
  default = "${["dev", "staging", "prod"][i % 3]}"
}

variable "vpc_id" {
  type = string
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = "changeme-${i}"
}
`, 100),
    "locals.tf": pad(`locals {
  prefix    = "svc${i}-\${var.env}"
  ports     = [22, 443, 8080]
  retention = { prod = 14, staging = 7 }
  tags = {
    service = "svc${i}"
    env     = var.env
    owner   = upper("team-${i % 17}")
  }
}
`, 100),
    "s3.tf": fill(bucket, i, 100),
    "network.tf": fill(securityGroup, i, 100),
    "data.tf": fill(database, i, 100),
    "iam.tf": fill(policy, i, 100),
    "modules.tf": pad(`module "shared" {
  source = "../../modules/m${m}"
  name   = "svc${i}"
  env    = var.env
}

module "per_zone" {
  source   = "../../modules/m${(m + 1) % modules}"
  for_each = toset(["a", "b"])
  name     = "svc${i}-\${each.key}"
  env      = var.env
}

output "shared_bucket" {
  value = module.shared.bucket_id
}
`, 100),
    "terraform.tfvars": `vpc_id = "vpc-${i.toString(16).padStart(8, "0")}"\n`,
  };
}

function moduleFiles(k) {
  return {
    "variables.tf": pad(`variable "name" {
  type = string
}

variable "env" {
  type    = string
  default = "dev"
}

variable "settings" {
  type = object({
    versioned = optional(bool, true)
    retention = optional(number, 7)
  })
  default = {}
}
`, 100),
    "main.tf": pad(`locals {
  prefix = "\${var.name}-m${k}"
  tags   = { module = "m${k}", env = var.env }
}

resource "aws_s3_bucket" "this" {
  bucket = "\${local.prefix}-bucket"
  tags   = local.tags
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = var.settings.versioned ? "Enabled" : "Disabled"
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  count                   = var.env == "prod" ? 1 : 0
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_security_group" "this" {
  name = "\${local.prefix}-sg"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.env == "prod" ? "10.0.0.0/8" : "0.0.0.0/0"]
  }
}
`, 100),
    "outputs.tf": pad(`output "bucket_id" {
  value = aws_s3_bucket.this.id
}

output "bucket_name" {
  value = aws_s3_bucket.this.bucket
}
`, 100),
  };
}

/** Writes `files` .tf files (about 100 lines each) under `dir`; returns the number of .tf files written. */
export function generateTerraformTree(dir, files = 10_000) {
  const modules = 50;
  let written = 0;
  const write = (sub, contents) => {
    const d = join(dir, sub);
    mkdirSync(d, { recursive: true });
    for (const [name, text] of Object.entries(contents)) {
      writeFileSync(join(d, name), text);
      if (name.endsWith(".tf")) written++;
    }
  };
  for (let k = 0; k < modules; k++) write(join("modules", `m${k}`), moduleFiles(k));
  for (let i = 0; written < files; i++) write(join("envs", `svc${i}`), rootFiles(i, modules));
  return written;
}
