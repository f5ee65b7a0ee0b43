import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv } from "ajv";
import type * as Sarif from "sarif";
import { describe, expect, it } from "vitest";
import { renderToString } from "../../src/report/index.js";
import { pascalName } from "../../src/report/sarif.js";
import { emptyReport, ruleMeta, sampleReport } from "./fixture.js";

// The official SARIF 2.1.0 schema, as the devDependency @microsoft/jest-sarif ships it.
const require = createRequire(import.meta.url);
const schemaPath: string | undefined = require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");

function validator() {
  const schema = JSON.parse(readFileSync(schemaPath!, "utf8")) as Record<string, unknown>;
  // The schema is draft-04 (`id`, draft-04 `$schema`); Ajv 8 reads it as draft-07 once those two
  // keywords are renamed, as the schema uses nothing else that changed between the drafts.
  const { $schema: _draft, id, ...rest } = schema;
  // unicodeRegExp off: the schema's `language` pattern is not a valid regular expression in unicode mode.
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true, unicodeRegExp: false });
  return ajv.compile({ ...rest, $id: String(id) });
}

function sarifOf(report = sampleReport(), withMeta = true): Sarif.Log {
  return JSON.parse(renderToString(report, "sarif", { color: false, ...(withMeta ? { ruleMeta } : {}) })) as Sarif.Log;
}

function resultFor(log: Sarif.Log, fingerprint: string): Sarif.Result {
  const r = log.runs[0]!.results!.find((x) => x.partialFingerprints?.["mamori/v1"] === fingerprint);
  if (r === undefined) throw new Error(`no result ${fingerprint}`);
  return r;
}

describe("sarif report", () => {
  it.skipIf(schemaPath === undefined)(
    "validates against the SARIF 2.1.0 schema" + (schemaPath === undefined ? " (SKIPPED: no sarif-2.1.0-rtm.5.json installed; set MAMORI_SARIF_SCHEMA)" : ""),
    () => {
      const validate = validator();
      for (const [report, meta] of [[sampleReport(), true], [sampleReport(), false], [emptyReport(), false]] as const) {
        const ok = validate(sarifOf(report, meta));
        expect(validate.errors ?? []).toEqual([]);
        expect(ok).toBe(true);
      }
      // The validator does reject a wrong log: a level SARIF does not know.
      const broken = sarifOf();
      broken.runs[0]!.results![0]!.level = "severe" as Sarif.Result.level;
      expect(validate(broken)).toBe(false);
    },
  );

  it("names the schema, version and tool", () => {
    const log = sarifOf();
    expect(log.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0]!.tool.driver;
    expect(driver).toMatchObject({ name: "mamori", version: "0.1.0", informationUri: "https://github.com/mamori-security/mamori" });
  });

  it("has one rule per rule id, each result pointing at its own", () => {
    const log = sarifOf();
    const rules = log.runs[0]!.tool.driver.rules!;
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(sampleReport().findings.map((f) => f.ruleId)));
    for (const r of log.runs[0]!.results!) expect(rules[r.ruleIndex!]!.id).toBe(r.ruleId);
  });

  it.each([
    ["MAM-DF-001", "error", "9.5", "secret"],
    ["MAM-DF-002", "error", "8.0", "misconfiguration"],
    ["MAM-DF-004", "warning", "5.5", "misconfiguration"],
    ["MAM-DF-010", "note", "3.0", "misconfiguration"],
    ["CVE-2024-0727", "note", "0.0", "vulnerability"],
  ])("rule %s: level %s, security-severity %s, tags", (id, level, score, kind) => {
    const rule = sarifOf().runs[0]!.tool.driver.rules!.find((r) => r.id === id)!;
    expect(rule.defaultConfiguration?.level).toBe(level);
    expect(rule.properties?.["security-severity"]).toBe(score);
    expect(rule.properties?.tags).toEqual(["security", kind]);
    expect(rule.properties?.["precision"]).toBe("high");
  });

  it("takes rule text from ruleMeta when given, else from the first finding", () => {
    const withMeta = sarifOf().runs[0]!.tool.driver.rules!.find((r) => r.id === "MAM-DF-001")!;
    expect(withMeta.fullDescription?.text).toBe("A secret set with ENV stays in the image configuration.");
    expect(withMeta.help?.text).toContain("Use a BuildKit secret mount.");
    expect(withMeta.help?.markdown).toContain("```\nRUN --mount=type=secret,id=aws ./deploy.sh\n```");

    const derived = sarifOf(sampleReport(), false).runs[0]!.tool.driver.rules!.find((r) => r.id === "MAM-DF-001")!;
    expect(derived.name).toBe("SecretInEnvInstruction");
    expect(derived.shortDescription?.text).toBe("Secret in ENV instruction");
    expect(derived.fullDescription?.text).toBe("Values set with ENV are stored in the image configuration and every layer after it.");
    expect(derived.help?.text).toContain("BuildKit secret mount");
    expect(derived.helpUri).toBeUndefined();

    const vuln = sarifOf().runs[0]!.tool.driver.rules!.find((r) => r.id === "CVE-2024-0727")!;
    expect(vuln.helpUri).toBe("https://osv.dev/vulnerability/CVE-2024-0727");
  });

  it("places file findings at their lines, relative to %SRCROOT%", () => {
    const log = sarifOf();
    const secret = resultFor(log, "f0000000000000000000000000000002");
    expect(secret.level).toBe("error");
    expect(secret.message.text).toMatch(/^ENV sets AWS_SECRET_ACCESS_KEY/);
    const loc = secret.locations![0]!;
    expect(loc.physicalLocation).toEqual({
      artifactLocation: { uri: "Dockerfile", uriBaseId: "%SRCROOT%" },
      region: { startLine: 3, endLine: 3 },
    });
    expect(loc.logicalLocations).toEqual([{ name: "stage builder", fullyQualifiedName: "stage builder", kind: "resource" }]);

    const hostile = resultFor(log, "f0000000000000000000000000000007");
    expect(hostile.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: "app/Dockerfile%20dev", uriBaseId: "%SRCROOT%" },
      region: { startLine: 12, endLine: 13, startColumn: 5, endColumn: 20 },
    });
    // No message: the title stands in.
    expect(resultFor(log, "f0000000000000000000000000000008").message.text).toMatch(/^openssl: denial of service/);
  });

  it("gives a cloud resource a logical location only", () => {
    const bucket = resultFor(sarifOf(), "f0000000000000000000000000000006");
    expect(bucket.locations).toEqual([
      {
        logicalLocations: [
          { name: "arn:aws:s3:::acme-logs", fullyQualifiedName: "aws:s3.Bucket/arn:aws:s3:::acme-logs (123456789012, eu-west-1)", kind: "resource" },
        ],
      },
    ]);
  });

  it("keeps suppressed findings, marked external or in-source", () => {
    const log = sarifOf();
    expect(log.runs[0]!.results).toHaveLength(sampleReport().findings.length);
    expect(resultFor(log, "f0000000000000000000000000000004").suppressions).toEqual([
      { kind: "external", status: "accepted", justification: "pinned by digest in the CI pipeline", properties: { source: ".mamoriignore:3" } },
    ]);
    expect(resultFor(log, "f0000000000000000000000000000005").suppressions).toEqual([
      {
        kind: "inSource",
        status: "accepted",
        justification: "build-only image",
        properties: { source: "inline:tools/Dockerfile:1", expires: "2030-01-01" },
      },
    ]);
    expect(resultFor(log, "f0000000000000000000000000000002").suppressions).toBeUndefined();
  });

  it("carries every finding's fingerprint and severity", () => {
    const log = sarifOf();
    for (const f of sampleReport().findings) {
      const r = resultFor(log, f.id);
      expect(r.properties?.["severity"]).toBe(f.severity);
    }
  });

  it("reports scan warnings as tool notifications", () => {
    const inv = sarifOf().runs[0]!.invocations![0]!;
    expect(inv.executionSuccessful).toBe(true);
    expect(inv.toolExecutionNotifications?.[0]?.message.text).toBe("could not parse: unexpected token '}' at line 7");
  });

  it.each([
    ["Secret in ENV instruction", "SecretInEnvInstruction"],
    ["S3 bucket allows public read", "S3BucketAllowsPublicRead"],
    ["openssl: denial-of-service", "OpensslDenialOfService"],
    ["MAM-DF-001", "MamDf001"],
    ["守り", ""],
  ])("pascalName(%j) = %j", (input, expected) => {
    expect(pascalName(input)).toBe(expected);
  });
});
