# Storefront infrastructure. Deliberately flawed; scanned once the IaC issue lands.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

variable "environment" {
  type    = string
  default = "demo"
}

resource "aws_s3_bucket" "assets" {
  bucket = "storefront-assets-${var.environment}"
}

resource "aws_s3_bucket_acl" "assets" {
  bucket = aws_s3_bucket.assets.id
  acl    = "public-read"
}

resource "aws_security_group" "web" {
  name        = "storefront-web"
  description = "storefront web tier"

  ingress {
    description = "ssh from anywhere"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_db_instance" "orders" {
  identifier          = "storefront-orders"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "storefront"
  password            = "changeme-demo-only"
  storage_encrypted   = false
  publicly_accessible = true
  skip_final_snapshot = true
}
