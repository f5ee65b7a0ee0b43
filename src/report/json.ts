// The JSON report (CONTRACT.md, schemaVersion 1), streamed: packages and findings go out one
// element a chunk, so a large scan never becomes one string in memory.
import type { Report } from "../core/model.js";
import type { Renderer } from "./types.js";
import { indentedJson, jsonArrayItems } from "./util.js";

export const renderJson: Renderer = function* (report: Report) {
  const field = (key: string, value: unknown) => `,\n  ${JSON.stringify(key)}: ${indentedJson(value, 1)}`;

  yield `{\n  "schemaVersion": ${JSON.stringify(report.schemaVersion)}`;
  yield field("tool", report.tool);
  yield field("scannedAt", report.scannedAt);
  yield field("targets", report.targets);
  if (report.packages !== undefined) {
    yield `,\n  "packages": [`;
    yield* jsonArrayItems(report.packages, 1);
  }
  yield `,\n  "findings": [`;
  yield* jsonArrayItems(report.findings, 1);
  yield field("summary", report.summary);
  if (report.history !== undefined) yield field("history", report.history);
  if (report.warnings !== undefined) yield field("warnings", report.warnings);
  yield "\n}\n";
};
