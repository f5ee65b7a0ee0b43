// The JSON Schema of mamori.yaml. It is published as is (editors can validate against it), so
// every setting carries a description, and unknown keys are refused at every level: a misspelt
// key that is silently ignored is a security setting that silently does not apply.
import { SEVERITIES } from "../core/model.js";

/** The --format values (CONTRACT.md, "Common options on every scan"). */
export const OUTPUT_FORMATS = ["table", "json", "sarif", "junit", "html", "cyclonedx-json", "spdx-json"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** A byte count, or a number with a unit: 10MB, 512KB, 1.5GiB, 2g (units are powers of 1024). */
export const SIZE_PATTERN = "^[0-9]{1,15}(\\.[0-9]{1,6})? ?([KkMmGgTt]([Ii]?[Bb])?|[Bb])?$";

const severityEnum = { enum: [...SEVERITIES] } as const;

const pathGlobs = {
  type: "array",
  items: { type: "string", minLength: 1 },
} as const;

export const configJsonSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "Mamori project configuration (mamori.yaml)",
  type: "object",
  additionalProperties: false,
  properties: {
    severity: {
      description: "Severities to report: a list, or a comma-separated string such as \"critical,high\".",
      type: ["array", "string"],
      items: severityEnum,
    },
    failOn: { description: "Exit with 1 when an unsuppressed finding is at or above this severity.", ...severityEnum },
    format: { description: "Report format.", enum: [...OUTPUT_FORMATS] },
    output: { description: "File to write the report to, instead of standard output.", type: "string", minLength: 1 },
    ignoreFile: { description: "Ignore file with accepted findings.", type: "string", minLength: 1 },
    store: { description: "Finding store: sqlite:PATH or postgres://...", type: "string", minLength: 1 },
    exclude: { description: "Path globs skipped while walking a directory.", ...pathGlobs },
    checks: {
      type: "object",
      additionalProperties: false,
      properties: {
        skip: { description: "Rule ids, or globs such as MAM-DF-*, that are not run.", ...pathGlobs },
      },
    },
    license: {
      description: "License policy for image and filesystem scans: SPDX license ids.",
      type: "object",
      additionalProperties: false,
      properties: {
        deny: { description: "Licenses that are findings (MAM-LIC-001).", type: "array", items: { type: "string", minLength: 1 } },
        allow: { description: "When given, every other license is a finding (MAM-LIC-002).", type: "array", items: { type: "string", minLength: 1 } },
      },
    },
    scanners: {
      description: "What image and filesystem scans look for (default: vuln, secret, malware, config; license when a license policy is set).",
      type: "array",
      items: { enum: ["vuln", "secret", "malware", "config", "license"] },
    },
    policies: {
      description: "Custom policy directories or files (YAML with a CEL condition) that IaC scans run beside the built-in checks.",
      ...pathGlobs,
    },
    limits: {
      type: "object",
      additionalProperties: false,
      properties: {
        maxFileSize: {
          description: "Largest file read, in bytes or as a size such as 10MB or 512KB.",
          type: ["integer", "string"],
          minimum: 1,
          pattern: SIZE_PATTERN,
        },
        maxFiles: { description: "Most files one scan reads.", type: "integer", minimum: 1 },
      },
    },
  },
} as const;
