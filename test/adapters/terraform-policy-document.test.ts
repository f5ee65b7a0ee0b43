// `data "aws_iam_policy_document"`: the document the AWS provider renders, as the same value
// jsonencode() gives, with each value at the line it is written on; what cannot be worked out
// stays unknown inside the document. Then through the mappers and checks that read policies.
import { describe, expect, it } from "vitest";
import { terraformAdapter } from "../../src/adapters/terraform.js";
import { violationsOf } from "../../src/checks/define.js";
import { builtinChecks } from "../../src/checks/registry.js";
import type { ResourceModel } from "../../src/checks/types.js";
import type { IamPolicy } from "../../src/models/aws.js";
import type { IacNode } from "../../src/models/value.js";
import { evalLocal, plain, project } from "./terraform-helpers.js";

/** The document `data.aws_iam_policy_document.<name>.json` renders, after `prelude`. */
function doc(prelude: string, ref = "data.aws_iam_policy_document.d.json"): unknown {
  return plain(evalLocal(ref, prelude));
}

function encoded(n: IacNode | undefined): IacNode | undefined {
  return n?.t === "unknown" ? n.encoded : undefined;
}

/** The statement nodes of a rendered document. */
function statements(n: IacNode | undefined): IacNode[] {
  const d = encoded(n);
  const st = d?.t === "object" ? d.entries.get("Statement") : undefined;
  return st?.t === "list" ? st.items : [];
}

function entry(n: IacNode | undefined, key: string): IacNode | undefined {
  return n?.t === "object" ? n.entries.get(key) : undefined;
}

const V = "2012-10-17";

describe("rendering statements", () => {
  it.each([
    {
      name: "effect defaults to Allow; actions, resources and their negations",
      body: `statement {\n    sid           = "Read"\n    actions       = ["s3:GetObject"]\n    not_resources = ["arn:aws:s3:::secret/*"]\n  }\n  statement {\n    effect      = "Deny"\n    not_actions = ["iam:*"]\n    resources   = ["*"]\n  }`,
      want: [
        { Sid: "Read", Effect: "Allow", Action: ["s3:GetObject"], NotResource: ["arn:aws:s3:::secret/*"] },
        { Effect: "Deny", NotAction: ["iam:*"], Resource: ["*"] },
      ],
    },
    {
      name: "principals grouped by type, type * as the string *",
      body: `statement {\n    actions = ["sts:AssumeRole"]\n    principals {\n      type        = "Service"\n      identifiers = ["ec2.amazonaws.com"]\n    }\n    principals {\n      type        = "AWS"\n      identifiers = ["arn:aws:iam::111122223333:root"]\n    }\n    principals {\n      type        = "Service"\n      identifiers = ["lambda.amazonaws.com"]\n    }\n  }\n  statement {\n    actions = ["s3:GetObject"]\n    principals {\n      type        = "*"\n      identifiers = ["*"]\n    }\n    not_principals {\n      type        = "Federated"\n      identifiers = ["cognito-identity.amazonaws.com"]\n    }\n  }`,
      want: [
        { Effect: "Allow", Action: ["sts:AssumeRole"], Principal: { Service: ["ec2.amazonaws.com", "lambda.amazonaws.com"], AWS: ["arn:aws:iam::111122223333:root"] } },
        { Effect: "Allow", Action: ["s3:GetObject"], Principal: "*", NotPrincipal: { Federated: ["cognito-identity.amazonaws.com"] } },
      ],
    },
    {
      name: "conditions keyed by test, then variable",
      body: `statement {\n    actions = ["s3:*"]\n    condition {\n      test     = "Bool"\n      variable = "aws:SecureTransport"\n      values   = ["false"]\n    }\n    condition {\n      test     = "StringEquals"\n      variable = "aws:PrincipalOrgID"\n      values   = ["o-1"]\n    }\n    condition {\n      test     = "StringEquals"\n      variable = "aws:SourceVpc"\n      values   = ["vpc-1"]\n    }\n  }`,
      want: [{ Effect: "Allow", Action: ["s3:*"], Condition: { Bool: { "aws:SecureTransport": ["false"] }, StringEquals: { "aws:PrincipalOrgID": ["o-1"], "aws:SourceVpc": ["vpc-1"] } } }],
    },
    {
      name: "unknown values stay unknown in place",
      body: `statement {\n    effect    = var.effect\n    actions   = ["s3:GetObject", var.action]\n    resources = var.resources\n    principals {\n      type        = var.type\n      identifiers = ["*"]\n    }\n    condition {\n      test     = "Bool"\n      variable = var.key\n      values   = ["true"]\n    }\n  }`,
      want: [{ Effect: "?var.effect", Action: ["s3:GetObject", "?var.action"], Resource: "?var.resources", Principal: "?", Condition: "?" }],
    },
    {
      name: "dynamic statements over a known collection",
      body: `dynamic "statement" {\n    for_each = { read = "s3:GetObject", write = "s3:PutObject" }\n    content {\n      sid     = statement.key\n      actions = [statement.value]\n    }\n  }`,
      want: [
        { Sid: "read", Effect: "Allow", Action: ["s3:GetObject"] },
        { Sid: "write", Effect: "Allow", Action: ["s3:PutObject"] },
      ],
    },
    {
      name: "a dynamic statement over an unknown collection is an unknown statement",
      body: `statement {\n    actions = ["s3:GetObject"]\n  }\n  dynamic "statement" {\n    for_each = var.extra\n    content {\n      actions = ["*"]\n    }\n  }`,
      want: [{ Effect: "Allow", Action: ["s3:GetObject"] }, "?"],
    },
    {
      name: "dynamic principals and conditions over unknown collections",
      body: `statement {\n    actions = ["s3:GetObject"]\n    dynamic "principals" {\n      for_each = var.p\n      content {\n        type        = "AWS"\n        identifiers = ["*"]\n      }\n    }\n    dynamic "condition" {\n      for_each = var.c\n      content {\n        test     = "Bool"\n        variable = "aws:SecureTransport"\n        values   = ["true"]\n      }\n    }\n  }`,
      want: [{ Effect: "Allow", Action: ["s3:GetObject"], Principal: "?", Condition: "?" }],
    },
  ])("$name", ({ body, want }) => {
    expect(doc(`data "aws_iam_policy_document" "d" {\n  ${body}\n}\n`)).toEqual({ jsonencode: { Version: V, Statement: want } });
  });

  it("takes version and policy_id, and minified_json is the same document", () => {
    const prelude = `data "aws_iam_policy_document" "d" {\n  version   = "2008-10-17"\n  policy_id = "p1"\n}\n`;
    expect(doc(prelude)).toEqual({ jsonencode: { Version: "2008-10-17", Id: "p1", Statement: [] } });
    expect(doc(prelude, "data.aws_iam_policy_document.d.minified_json")).toEqual(doc(prelude));
    expect(doc(prelude, "data.aws_iam_policy_document.d")).toMatchObject({ version: "2008-10-17", json: { jsonencode: { Id: "p1" } } });
  });

  it("puts each value at the line it is written on", () => {
    const n = evalLocal("data.aws_iam_policy_document.d.json", `data "aws_iam_policy_document" "d" {\n  statement {\n    sid       = "All"\n    actions   = [\n      "*",\n    ]\n    resources = ["*"]\n    principals {\n      type        = "AWS"\n      identifiers = ["*"]\n    }\n  }\n}\n`);
    const [s] = statements(n);
    expect(s?.range).toEqual({ startLine: 2, endLine: 12 });
    expect(entry(s, "Sid")?.range.startLine).toBe(3);
    // Effect is not written: the statement's lines.
    expect(entry(s, "Effect")?.range.startLine).toBe(2);
    const action = entry(s, "Action");
    expect(action?.range).toEqual({ startLine: 4, endLine: 6 });
    expect(action?.t === "list" ? action.items[0]?.range.startLine : undefined).toBe(5);
    expect(entry(s, "Resource")?.range.startLine).toBe(7);
    expect(entry(entry(s, "Principal"), "AWS")?.range.startLine).toBe(10);
  });

  it("renders each instance of a data source with count or for_each", () => {
    const prelude = `data "aws_iam_policy_document" "d" {\n  for_each = toset(["a", "b"])\n  statement {\n    sid     = each.key\n    actions = ["s3:GetObject"]\n  }\n}\ndata "aws_iam_policy_document" "c" {\n  count = 2\n  statement {\n    resources = ["arn:\${count.index}"]\n  }\n}\n`;
    expect(doc(prelude, `data.aws_iam_policy_document.d["b"].json`)).toEqual({ jsonencode: { Version: V, Statement: [{ Sid: "b", Effect: "Allow", Action: ["s3:GetObject"] }] } });
    expect(doc(prelude, "data.aws_iam_policy_document.c[*].json")).toEqual([0, 1].map((i) => ({ jsonencode: { Version: V, Statement: [{ Effect: "Allow", Resource: [`arn:${i}`] }] } })));
    expect(doc(prelude, "[for d in data.aws_iam_policy_document.d : jsondecode(d.json).Statement[0].Sid]")).toEqual(["a", "b"]);
  });

  it("leaves an undeclared data source unknown", () => {
    expect(doc("", "data.aws_iam_policy_document.none.json")).toBe("?data.aws_iam_policy_document.none.json");
  });
});

describe("source and override documents", () => {
  const base = `data "aws_iam_policy_document" "base" {\n  statement {\n    sid     = "A"\n    actions = ["s3:GetObject"]\n  }\n  statement {\n    actions = ["s3:ListBucket"]\n  }\n}\n`;
  const sts = (d: unknown): unknown => (d as { jsonencode: { Statement: unknown } }).jsonencode.Statement;

  it.each([
    {
      name: "source statements come first; own statements replace those with the same Sid",
      args: `source_policy_documents = [data.aws_iam_policy_document.base.json]\n  statement {\n    sid     = "A"\n    actions = ["s3:PutObject"]\n  }\n  statement {\n    actions = ["s3:DeleteObject"]\n  }`,
      want: [{ Sid: "A", Effect: "Allow", Action: ["s3:PutObject"] }, { Effect: "Allow", Action: ["s3:ListBucket"] }, { Effect: "Allow", Action: ["s3:DeleteObject"] }],
    },
    {
      name: "override documents replace by Sid and append the rest, from jsonencode and JSON strings",
      args: `override_policy_documents = [\n    jsonencode({ Statement = [{ Sid = "A", Effect = "Deny", Action = "s3:*" }] }),\n    "{\\"Statement\\": {\\"Sid\\": \\"B\\", \\"Effect\\": \\"Allow\\", \\"Action\\": \\"sqs:*\\"}}",\n  ]\n  statement {\n    sid     = "A"\n    actions = ["s3:GetObject"]\n  }`,
      want: [{ Sid: "A", Effect: "Deny", Action: "s3:*" }, { Sid: "B", Effect: "Allow", Action: "sqs:*" }],
    },
    {
      name: "an unknown source document adds unknown statements and keeps the own ones",
      args: `source_policy_documents = [var.extra]\n  statement {\n    sid     = "Own"\n    actions = ["s3:GetObject"]\n  }`,
      want: ["?", { Sid: "Own", Effect: "Allow", Action: ["s3:GetObject"] }],
    },
    {
      name: "an unknown override document makes every statement it could replace unknown",
      args: `source_policy_documents   = [data.aws_iam_policy_document.base.json]\n  override_policy_documents = [var.extra]`,
      want: ["?", { Effect: "Allow", Action: ["s3:ListBucket"] }, "?"],
    },
    {
      name: "an unknown list of override documents",
      args: `override_policy_documents = var.docs\n  statement {\n    actions = ["s3:GetObject"]\n  }`,
      want: [{ Effect: "Allow", Action: ["s3:GetObject"] }, "?"],
    },
    {
      name: "a statement whose Sid is unknown may replace any with a Sid",
      args: `source_policy_documents = [data.aws_iam_policy_document.base.json]\n  statement {\n    sid     = var.sid\n    actions = ["*"]\n  }`,
      want: ["?", { Effect: "Allow", Action: ["s3:ListBucket"] }, { Sid: "?var.sid", Effect: "Allow", Action: ["*"] }],
    },
    {
      name: "an unknown dynamic statement does not blur statements of its own document",
      args: `statement {\n    sid     = "Fixed"\n    actions = ["s3:GetObject"]\n  }\n  dynamic "statement" {\n    for_each = var.extra\n    content {\n      actions = ["s3:PutObject"]\n    }\n  }`,
      want: [{ Sid: "Fixed", Effect: "Allow", Action: ["s3:GetObject"] }, "?"],
    },
    {
      name: "a source document that is not valid JSON is unknown",
      args: `source_policy_documents = ["{not json"]\n  statement {\n    actions = ["s3:GetObject"]\n  }`,
      want: ["?", { Effect: "Allow", Action: ["s3:GetObject"] }],
    },
  ])("$name", ({ args, want }) => {
    expect(sts(doc(`${base}data "aws_iam_policy_document" "d" {\n  ${args}\n}\n`))).toEqual(want);
  });

  it("says where a document depends on itself and leaves it unknown", () => {
    const parsed = project({
      "main.tf": `data "aws_iam_policy_document" "d" {\n  source_policy_documents = [data.aws_iam_policy_document.d.json]\n}\nresource "aws_iam_policy" "p" {\n  policy = data.aws_iam_policy_document.d.json\n}\n`,
    });
    const p = parsed.get("main.tf");
    expect(p?.warnings.map((w) => w.message).join("\n")).toMatch(/data\.aws_iam_policy_document\.d\.json depends on itself/);
    expect((p?.models.find((m) => m.modelType === "aws.iam.Policy") as IamPolicy | undefined)?.statements).toEqual([]);
  });

  it("gives a document from another file the lines of its use", () => {
    const parsed = project({
      "policy.tf": `data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = ["*"]\n    resources = ["*"]\n  }\n}\n`,
      "main.tf": `resource "aws_iam_policy" "p" {\n  name   = "p"\n  policy = data.aws_iam_policy_document.d.json\n}\n`,
    });
    const p = parsed.get("main.tf")?.models.find((m) => m.modelType === "aws.iam.Policy") as IamPolicy | undefined;
    expect(p?.statements.map((s) => [s.action.map((a) => [a.value, a.range.startLine]), s.range.startLine])).toEqual([[[["*", 3]], 3]]);
  });
});

/** `rule:line` for every finding of `ids` on a file. */
function findings(text: string, ids: readonly string[]): string[] {
  const parsed = terraformAdapter.parse(text, "main.tf");
  return builtinChecks
    .filter((c) => ids.includes(c.id))
    .flatMap((c) => parsed.models.filter((m: ResourceModel) => m.modelType === c.appliesTo).flatMap((m) => violationsOf(c.evaluate(m, { path: "main.tf" })).map((v) => `${c.id}:${v.range.startLine}`)))
    .sort();
}

describe("through the mappers and checks", () => {
  const admin = (actions: string, resources = `["*"]`): string =>
    `data "aws_iam_policy_document" "ci" {\n  statement {\n    sid       = "Ci"\n    actions   = ${actions}\n    resources = ${resources}\n  }\n}\n\nresource "aws_iam_policy" "ci" {\n  name   = "ci"\n  policy = data.aws_iam_policy_document.ci.json\n}\n`;
  const bucket = (principal: string, extra = ""): string =>
    `resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\n\ndata "aws_iam_policy_document" "data" {\n  statement {\n    actions   = ["s3:GetObject"]\n    resources = ["arn:aws:s3:::data/*"]\n    principals {\n      type        = "${principal}"\n      identifiers = ["*"]\n    }${extra}\n  }\n}\n\nresource "aws_s3_bucket_policy" "data" {\n  bucket = aws_s3_bucket.data.id\n  policy = data.aws_iam_policy_document.data.json\n}\n`;
  const key = (identifiers: string): string =>
    `data "aws_iam_policy_document" "key" {\n  statement {\n    actions   = ["kms:*"]\n    resources = ["*"]\n    principals {\n      type        = "AWS"\n      identifiers = ${identifiers}\n    }\n  }\n}\n\nresource "aws_kms_key" "k" {\n  enable_key_rotation = true\n  policy              = data.aws_iam_policy_document.key.json\n}\n`;
  const orgOnly = `\n    condition {\n      test     = "StringEquals"\n      variable = "aws:PrincipalOrgID"\n      values   = ["o-a1b2c3d4e5"]\n    }`;

  it.each([
    { name: "admin policy", text: admin(`["*"]`), ids: ["MAM-AWS-010"], want: ["MAM-AWS-010:4"] },
    { name: "scoped policy", text: admin(`["s3:GetObject"]`), ids: ["MAM-AWS-010"], want: [] },
    { name: "admin actions on a scoped resource", text: admin(`["*"]`, `["arn:aws:s3:::data/*"]`), ids: ["MAM-AWS-010"], want: [] },
    { name: "admin action from a variable without a value", text: admin(`[var.action]`), ids: ["MAM-AWS-010"], want: [] },
    { name: "public bucket policy (type *)", text: bucket("*"), ids: ["MAM-AWS-103"], want: ["MAM-AWS-103:6"] },
    { name: "public bucket policy (AWS *)", text: bucket("AWS"), ids: ["MAM-AWS-103"], want: ["MAM-AWS-103:6"] },
    { name: "bucket policy scoped to the organization", text: bucket("*", orgOnly), ids: ["MAM-AWS-103"], want: [] },
    { name: "public key policy", text: key(`["*"]`), ids: ["MAM-AWS-111"], want: ["MAM-AWS-111:2"] },
    { name: "key policy for the account", text: key(`["arn:aws:iam::111122223333:root"]`), ids: ["MAM-AWS-111"], want: [] },
    { name: "key policy for a principal not known", text: key(`[var.admin]`), ids: ["MAM-AWS-111"], want: [] },
  ])("$name", ({ text, ids, want }) => {
    expect(findings(text, ids)).toEqual(want);
  });

  it("stays quiet on a policy whose statements might come from an unknown override", () => {
    const text = `${admin(`["*"]`)}data "aws_iam_policy_document" "wrapped" {\n  source_policy_documents   = [data.aws_iam_policy_document.ci.json]\n  override_policy_documents = [var.override]\n}\nresource "aws_iam_policy" "wrapped" {\n  policy = data.aws_iam_policy_document.wrapped.json\n}\n`;
    // The Sid'd admin statement may be replaced by the override: only the direct use reports it.
    expect(findings(text, ["MAM-AWS-010"])).toEqual(["MAM-AWS-010:4"]);
  });

  it("reads a role's trust policy from a data source, and the deny-HTTP statement of a bucket policy", () => {
    const text = `data "aws_iam_policy_document" "trust" {\n  statement {\n    actions = ["sts:AssumeRole"]\n    principals {\n      type        = "AWS"\n      identifiers = ["*"]\n    }\n  }\n}\nresource "aws_iam_role" "r" {\n  assume_role_policy = data.aws_iam_policy_document.trust.json\n}\n`;
    expect(findings(text, ["MAM-AWS-192"])).toEqual(["MAM-AWS-192:2"]);
    const deny = `\n    condition {\n      test     = "Bool"\n      variable = "aws:SecureTransport"\n      values   = ["false"]\n    }`;
    expect(findings(bucket("*", deny).replace('actions   = ["s3:GetObject"]', 'effect    = "Deny"\n    actions   = ["s3:*"]'), ["MAM-AWS-102", "MAM-AWS-103"])).toEqual([]);
    expect(findings(bucket("*", orgOnly), ["MAM-AWS-102"])).toEqual(["MAM-AWS-102:23"]);
  });
});
