import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv } from "ajv";
import { afterAll, describe, expect, it } from "vitest";
import { configJsonSchema, findConfig, loadConfig, parseConfig, type MamoriConfig } from "../../src/config/index.js";
import { InputError } from "../../src/core/errors.js";

const dir = mkdtempSync(join(tmpdir(), "mamori-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const full = `# every setting
severity: [critical, high]
failOn: high
format: sarif
output: report.sarif
ignoreFile: .mamoriignore
store: sqlite:.mamori/mamori.db
exclude: ["**/node_modules/**", "vendor/**"]
checks:
  skip: [MAM-DF-010, "MAM-K8S-*"]
limits:
  maxFileSize: 10MB
  maxFiles: 100000
`;

describe("parseConfig", () => {
  it("reads a full configuration, normalized", () => {
    expect(parseConfig(full, "mamori.yaml")).toEqual<MamoriConfig>({
      severity: ["critical", "high"],
      failOn: "high",
      format: "sarif",
      output: "report.sarif",
      ignoreFile: ".mamoriignore",
      store: "sqlite:.mamori/mamori.db",
      exclude: ["**/node_modules/**", "vendor/**"],
      checks: { skip: ["MAM-DF-010", "MAM-K8S-*"] },
      limits: { maxFileSize: 10 * 1024 * 1024, maxFiles: 100000 },
    });
  });

  it.each(["", "# nothing yet\n", "~\n", "{}\n"])("an empty file is an empty config: %j", (text) => {
    expect(parseConfig(text, "mamori.yaml")).toEqual({});
  });

  const normalized: [string, MamoriConfig][] = [
    ["severity: critical,high\n", { severity: ["critical", "high"] }],
    ["severity: 'Critical, HIGH'\n", { severity: ["critical", "high"] }],
    ["severity: [low, low]\n", { severity: ["low"] }],
    ["limits: { maxFileSize: 512KB }\n", { limits: { maxFileSize: 512 * 1024 } }],
    ["limits: { maxFileSize: 4096 }\n", { limits: { maxFileSize: 4096 } }],
    ["limits: { maxFiles: 10 }\n", { limits: { maxFiles: 10 } }],
    ["format: cyclonedx-json\n", { format: "cyclonedx-json" }],
  ];
  it.each(normalized)("%j", (text, expected) => {
    expect(parseConfig(text, "mamori.yaml")).toEqual(expected);
  });

  const errors: [string, string][] = [
    ["a: 1\nfailOn: hgh\n", 'mamori.yaml:1: unknown key "a"'],
    ["format: table\nfailOn: hgh\n", "mamori.yaml:2: failOn: must be one of critical, high, medium, low, info"],
    ["failOn: high\nformat: table\n\n\nseverty: [high]\n", 'mamori.yaml:5: unknown key "severty" (did you mean "severity"?)'],
    ["checks:\n  skip: [a]\n  skp: [b]\n", 'mamori.yaml:3: checks: unknown key "skp" (did you mean "skip"?)'],
    ["limits:\n  maxFiles: 10\n  maxFileSize: 10XB\n", "mamori.yaml:3: limits.maxFileSize: must be a number of bytes or a size such as 10MB or 512KB"],
    ["limits:\n  maxFileSize: 0\n", "mamori.yaml:2: limits.maxFileSize: must be at least 1"],
    ["limits:\n  maxFileSize: 0.1B\n", "mamori.yaml:2: limits.maxFileSize: must be at least 1 byte"],
    ["limits:\n  maxFiles: many\n", "mamori.yaml:2: limits.maxFiles: must be a whole number"],
    ["limits:\n  maxFiles: 1.5\n", "mamori.yaml:2: limits.maxFiles: must be a whole number"],
    ["limits: 5\n", "mamori.yaml:1: limits: must be a mapping"],
    ["severity:\n  - critical\n  - hgh\n", "mamori.yaml:3: severity[1]: must be one of critical, high, medium, low, info"],
    ["\nseverity: critical,hgh\n", 'mamori.yaml:2: severity: unknown severity "hgh" (use critical, high, medium, low, info)'],
    ["severity: 3\n", "mamori.yaml:1: severity: must be a list or a string"],
    ["format: xml\n", "mamori.yaml:1: format: must be one of table, json, sarif, junit, html, cyclonedx-json, spdx-json"],
    ["exclude: vendor/**\n", "mamori.yaml:1: exclude: must be a list"],
    ["exclude:\n  - a\n  - ''\n", "mamori.yaml:3: exclude[1]: must not be empty"],
    ["output: ''\n", "mamori.yaml:1: output: must not be empty"],
    ["- failOn: high\n", "mamori.yaml:1: must be a mapping of settings"],
    ["failOn: high\nfailOn: low\n", "mamori.yaml:2: Map keys must be unique"],
    ["failOn: [high\n", "mamori.yaml:"],
    ["__proto__: {}\n", 'mamori.yaml:1: unknown key "__proto__"'],
  ];
  it.each(errors)("%j", (text, message) => {
    let thrown: unknown;
    try {
      parseConfig(text, "mamori.yaml");
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as Error).message.startsWith(message)).toBe(true);
  });

  it("bounds YAML alias expansion", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "exclude: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
    ].join("\n");
    expect(() => parseConfig(bomb, "mamori.yaml")).toThrow(/too many YAML aliases/);
  });

  it("refuses files above 1 MB", () => {
    expect(() => parseConfig(`# ${"x".repeat(1024 * 1024)}`, "mamori.yaml")).toThrow("mamori.yaml: larger than 1 MB");
  });
});

describe("configJsonSchema", () => {
  it("is a valid draft-07 schema that accepts the documented example", () => {
    const validate = new Ajv({ allowUnionTypes: true, strict: true }).compile(configJsonSchema);
    expect(validate({ severity: "critical,high", failOn: "high", limits: { maxFileSize: "10MB" } })).toBe(true);
    expect(validate({ severity: ["critical"], extra: 1 })).toBe(false);
  });
});

describe("findConfig and loadConfig", () => {
  it("finds mamori.yaml, then mamori.yml, in the directory itself only", () => {
    const root = join(dir, "find");
    const child = join(root, "child");
    mkdirSync(child, { recursive: true });
    expect(findConfig(root)).toBeUndefined();
    writeFileSync(join(root, "mamori.yml"), "failOn: low\n");
    expect(findConfig(root)).toBe(join(root, "mamori.yml"));
    expect(findConfig(child)).toBeUndefined();
    writeFileSync(join(root, "mamori.yaml"), "failOn: high\n");
    expect(findConfig(root)).toBe(join(root, "mamori.yaml"));
    mkdirSync(join(child, "mamori.yaml"));
    expect(findConfig(child)).toBeUndefined();
  });

  it("loads a file and names it in errors", () => {
    const file = join(dir, "mamori.yaml");
    writeFileSync(file, full);
    expect(loadConfig(file).failOn).toBe("high");
    writeFileSync(file, "failOn: hgh\n");
    expect(() => loadConfig(file)).toThrow(`${file}:1: failOn: must be one of`);
    const missing = join(dir, "missing.yaml");
    expect(() => loadConfig(missing)).toThrow(new InputError(`${missing}: no such file or directory`));
  });
});
