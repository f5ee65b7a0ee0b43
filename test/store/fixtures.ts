// Shared fixtures for the store tests: findings, scan records and throw-away store files.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Finding, Severity } from "../../src/core/model.js";
import type { ScanRecord } from "../../src/store/types.js";

export function tempDir(): { dir: string; db: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "mamori-store-"));
  return { dir, db: join(dir, "mamori.db"), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const SEVERITY_CYCLE: Severity[] = ["critical", "high", "medium", "low", "info"];

export function finding(id: string, extra: Partial<Finding> = {}): Finding {
  const n = Number(id.replace(/\D/g, "")) || 0;
  return {
    id,
    ruleId: `MAM-TEST-${String(n % 7).padStart(3, "0")}`,
    kind: "misconfiguration",
    severity: SEVERITY_CYCLE[n % SEVERITY_CYCLE.length] ?? "low",
    title: `problem ${id}`,
    location: { path: `dir/file${n % 13}.tf`, startLine: n + 1, endLine: n + 2, address: `aws_s3_bucket.b${n}` },
    ...extra,
  };
}

/** Findings `f0` ... `f<count-1>` (or from `from`). */
export function findings(count: number, from = 0, extra: Partial<Finding> = {}): Finding[] {
  return Array.from({ length: count }, (_, i) => finding(`f${from + i}`, extra));
}

/** A scan of `name` finishing at minute `minute` of a fixed day, so times are distinct and ordered. */
export function scan(minute: number, list: Finding[], name = "/srv/app"): ScanRecord {
  const at = (s: number) => new Date(Date.UTC(2025, 0, 1, 0, minute, s)).toISOString();
  return {
    asset: { type: "iac", name },
    target: { type: "iac", name: name.replace(/^\/srv\//, "./") },
    startedAt: at(0),
    finishedAt: at(30),
    toolVersion: "0.1.0-test",
    findings: list,
  };
}
