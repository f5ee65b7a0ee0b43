// The expression evaluator: operators, conditionals, traversals, for expressions and the built-in
// functions, each known where Terraform's result is certain and unknown (`?`) where it is not.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LIMITS } from "../../src/adapters/tf/limits.js";
import { parseExprText } from "../../src/adapters/tf/parse.js";
import { evalLocal, plain } from "./terraform-helpers.js";

const PRELUDE = `variable "unknown" {}
variable "tags" {
  default = { team = "data", env = "prod" }
}
variable "list" {
  default = ["b", "a", "c"]
}
variable "empty" {
  default = ""
}
locals {
  obj = { a = 1, nested = { b = [10, 20] } }
}
resource "aws_s3_bucket" "b" {
  bucket = "bucket-name"
}
resource "aws_instance" "web" {
  count = 2
  ami   = "ami-\${count.index}"
}`;

/** The value of an expression in a file with PRELUDE (wrapped in a list, so null shows). */
function value(expr: string): unknown {
  return (plain(evalLocal(`[\n${expr}\n]`, PRELUDE)) as unknown[])[0];
}

describe("operators and conditionals", () => {
  it.each([
    ["1 + 2 * 3", 7],
    ["(1 + 2) * 3", 9],
    ["7 / 2", 3.5],
    ["7 % 3", 1],
    ['"5" + 1', 6],
    ["-var.tags.team == null", "?"],
    ["1 / 0", "?"],
    ["!true", false],
    ['1 == "1"', false],
    ["[1, 2] == [1, 2]", true],
    ["{ a = 1 } != { a = 2 }", true],
    ["3 >= 3 && 2 < 1", false],
    ["false && var.unknown", false],
    ["true || var.unknown", true],
    ["true && var.unknown", "?"],
    ["var.unknown == 1", "?"],
    ['var.tags.env == "prod" ? "p" : "np"', "p"],
    ['var.unknown ? "x" : "y"', "?"],
    ['var.unknown ? "same" : "same"', "same"],
    ["null", null],
  ])("%s is %j", (expr, expected) => {
    expect(value(expr)).toEqual(expected);
  });
});

describe("traversals", () => {
  it.each([
    ["local.obj.a", 1],
    ["local.obj.nested.b[1]", 20],
    ['local.obj["nested"]["b"][0]', 10],
    ["local.obj.missing", "?"],
    ["var.list[5]", "?"],
    ["var.unknown.x[0].y", "?var.unknown.x[0].y"],
    ["aws_s3_bucket.b.bucket", "bucket-name"],
    ["aws_s3_bucket.b.arn", "?aws_s3_bucket.b.arn"],
    ["aws_instance.web[1].ami", "ami-1"],
    ["aws_instance.web[*].ami", ["ami-0", "ami-1"]],
    ["aws_instance.web[*].id", ["?aws_instance.web[0].id", "?aws_instance.web[1].id"]],
    ["length(aws_instance.web)", 2],
    ["aws_instance.web[var.unknown].id", "?aws_instance.web[*].id"],
    ["data.aws_vpc.main.id", "?data.aws_vpc.main.id"],
    ["module.nope.out", "?module.nope.out"],
    ["path.module", "."],
    ["path.cwd", "?path.cwd"],
    ["terraform.workspace", "?terraform.workspace"],
    ["count.index", "?count.index"],
    ["[{ a = 1 }, { a = 2 }][*].a", [1, 2]],
    ["null[*]", []],
    ['"x"[*]', ["x"]],
  ])("%s is %j", (expr, expected) => {
    expect(value(expr)).toEqual(expected);
  });
});

describe("for expressions", () => {
  it.each([
    ["[for x in var.list : upper(x)]", ["B", "A", "C"]],
    ["[for i, x in var.list : i if x != \"a\"]", [0, 2]],
    ["{ for k, v in var.tags : v => k }", { data: "team", prod: "env" }],
    ["{ for x in [\"a\", \"b\", \"a\"] : x => x... }", { a: ["a", "a"], b: ["b"] }],
    ["{ for x in [\"a\", \"a\"] : x => 1 }", "?"],
    ["[for x in var.unknown : x]", "?"],
    ["[for x in [1, 2] : x if var.unknown]", "?"],
    ["[for x in [1, var.unknown] : x]", [1, "?var.unknown"]],
    ["{ for k, v in { b = 1, a = 2 } : k => v }", { a: 2, b: 1 }],
  ])("%s is %j", (expr, expected) => {
    expect(value(expr)).toEqual(expected);
  });
});

describe("built-in functions", () => {
  it.each([
    ['concat(["a"], ["b", "c"])', ["a", "b", "c"]],
    ["concat([1], var.unknown)", "?"],
    ['merge(var.tags, { env = "dev" }, null)', { team: "data", env: "dev" }],
    ['lookup(var.tags, "team", "x")', "data"],
    ['lookup(var.tags, "nope", "x")', "x"],
    ['lookup(var.tags, "nope")', "?"],
    ["element(var.list, 4)", "a"],
    ["length(var.list)", 3],
    ["length([var.unknown, 1])", 2],
    ['length("héllo")', 5],
    ["length(var.tags)", 2],
    ['join(",", var.list)', "b,a,c"],
    ['split(",", "a,b,,c")', ["a", "b", "", "c"]],
    ['format("%s-%03d-%.2f-%t-%5s|%-3s|", "x", 7, 3.14159, true, "r", "l")', "x-007-3.14-true-    r|l  |"],
    ['format("%q %%", "a\\"b")', '"a\\"b" %'],
    ['format("%#v", var.tags)', "?"],
    ['lower("ÀB")', "àb"],
    ['upper("ab")', "AB"],
    ['replace("a-b-c", "-", "_")', "a_b_c"],
    ['replace("a-b", "/-/", "_")', "?"],
    ['coalesce(var.empty, null, "first")', "first"],
    ['coalesce(var.unknown, "x")', "?"],
    ['try(local.obj.missing, "fallback")', "fallback"],
    ["try(local.obj.a, 2)", 1],
    ["try(var.unknown.x, 2)", "?"],
    ["can(local.obj.missing)", false],
    ["can(local.obj.a)", true],
    ["tostring(5)", "5"],
    ["tostring([1])", "?"],
    ['tonumber("42")', 42],
    ['tonumber("x")', "?"],
    ['tobool("true")', true],
    ['toset(["b", "a", "b"])', ["a", "b"]],
    ["tolist(var.list)", ["b", "a", "c"]],
    ["tomap(var.tags)", { team: "data", env: "prod" }],
    ["jsonencode({ b = 1, a = [true] })", { jsonencode: { b: 1, a: [true] } }],
    ['"${jsonencode({ b = 1, a = [true] })}!"', '{"a":[true],"b":1}!'],
    ['jsondecode("{\\"a\\": [1, null]}")', { a: [1, null] }],
    ["jsondecode(jsonencode({ a = 1 }))", { a: 1 }],
    ['jsondecode("{")', "?"],
    ['contains(var.list, "a")', true],
    ['contains(var.list, "z")', false],
    ['contains([var.unknown], "z")', "?"],
    ["keys(var.tags)", ["env", "team"]],
    ["values(var.tags)", ["prod", "data"]],
    ['zipmap(["a", "b"], [1, 2])', { a: 1, b: 2 }],
    ["flatten([[1, [2]], [], 3])", [1, 2, 3]],
    ["distinct([1, 2, 1, 3])", [1, 2, 3]],
    ['compact(["a", "", null, "b"])', ["a", "b"]],
    ["one([])", null],
    ['one(["x"])', "x"],
    ["one([1, 2])", "?"],
    ["sort(var.list)", ["a", "b", "c"]],
    ["range(3)", [0, 1, 2]],
    ["range(1, 7, 2)", [1, 3, 5]],
    ["range(3, 0)", [3, 2, 1]],
    ["min(3, 1, 2)", 1],
    ["max(3, 1, 2)", 3],
    ["abs(-4)", 4],
    ['trimspace("  x \\n")', "x"],
    ['substr("hello world", 6, -1)', "world"],
    ['substr("hello", -3, 2)', "ll"],
    ['startswith("terraform", "terra")', true],
    ['endswith("terraform", "form")', true],
    ['base64encode("héllo")', "aMOpbGxv"],
    ['base64decode("aMOpbGxv")', "héllo"],
    ['base64decode("!!")', "?"],
    ['cidrsubnet("10.0.0.0/16", 8, 2)', "10.0.2.0/24"],
    ['cidrsubnet("10.0.0.0/16", 8, 256)', "?"],
    ['cidrsubnet("fd00::/56", 8, 1)', "fd00:0:0:1::/64"],
    ['trimprefix("prefix-x", "prefix-")', "x"],
    ['trimsuffix("x.tf", ".tf")', "x"],
    ['trim("--x--", "-")', "x"],
    ['title("hello world")', "Hello World"],
    ['reverse(["a", "b"])', ["b", "a"]],
    ['slice(["a", "b", "c"], 1, 3)', ["b", "c"]],
    ["alltrue([true, true])", true],
    ["anytrue([false])", false],
    ['regex("a", "b")', "?"],
    ['timestamp()', "?"],
    ['provider::aws::arn_parse("x")', "?"],
    ["concat([1], [2]...)", "?"],
    ["concat([[1], [2]]...)", [1, 2]],
    ['file("/etc/passwd")', "?"],
    ['file("../outside.txt")', "?"],
    ["lower()", "?"],
  ])("%s is %j", (expr, expected) => {
    expect(value(expr)).toEqual(expected);
  });
});

describe("bounds", () => {
  it("gives up on strings and lists past their bounds, as unknown rather than an error try() would catch", () => {
    expect(value(`length(range(${LIMITS.maxItems + 1}))`)).toBe("?");
    expect(value(`try(length(range(${LIMITS.maxItems + 1})), "fallback")`)).toBe("fallback");
    const doubling = Array.from({ length: 25 }, (_, i) => `  s${i} = "\${local.s${i + 1}}\${local.s${i + 1}}"`).join("\n");
    const text = `locals {\n${doubling}\n  s25 = "abcdefgh"\n}\n`;
    expect(plain(evalLocal("length(local.s0)", text))).toBe("?");
    expect(plain(evalLocal("try(local.s0, \"fallback\")", text))).toBe("?");
    expect(plain(evalLocal("length(local.s8)", text))).toBe(8 << 17);
  });
});

describe("any expression", () => {
  it("evaluates to a value or unknown, never an exception", () => {
    const pieces = ["1", '"s"', "var.tags", "var.list", "var.unknown", "local.obj", "[", "]", "{", "}", "(", ")", ",", " + ", " * ", " == ", " ? ", " : ", " && ", "!", "-", "[*]", ".a", "[0]", '["k"]', "for x in ", "x", " => ", "...", " if ", "length(", "concat(", "merge(", "lookup(", "try(", "jsonencode(", "jsondecode(", "format(", "range(", "toset(", "flatten(", "element(", "split(", "substr(", "cidrsubnet(", "null", "true", "aws_instance.web", "count.index", "each.value"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 25 }), (xs) => {
        let expr = xs.join("");
        try {
          parseExprText(expr);
        } catch {
          expr = "1";
        }
        expect(() => evalLocal(`[\n${expr}\n]`, PRELUDE)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });
});
