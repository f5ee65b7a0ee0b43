import type { Report } from "../core/model.js";
import type { CheckMeta } from "../checks/types.js";

export const REPORT_FORMATS = ["table", "json", "sarif", "junit", "html"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderOptions {
  /** ANSI colours (table only). */
  color: boolean;
  /** Terminal width for the table (default 80). */
  width?: number;
  /** Full metadata of the checks that produced findings, for SARIF rules and the HTML report. */
  ruleMeta?: (ruleId: string) => CheckMeta | undefined;
}

/**
 * A renderer yields the report as string chunks, so that a caller can stream 100,000 findings to
 * a file without building one huge string.
 */
export type Renderer = (report: Report, options: RenderOptions) => Iterable<string>;
