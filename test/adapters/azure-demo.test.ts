// The Azure demo (demo/azure): every planted misconfiguration is found, at its line.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { adapterForText } from "../../src/adapters/index.js";
import { violationsOf } from "../../src/checks/define.js";
import { builtinChecks } from "../../src/checks/registry.js";

function findings(file: string): string[] {
  const text = readFileSync(new URL(`../../demo/azure/${file}`, import.meta.url), "utf8");
  const adapter = adapterForText(file, text);
  if (!adapter) throw new Error(`no adapter for ${file}`);
  const models = adapter.parse(text, file).models;
  return builtinChecks
    .filter((c) => c.id.startsWith("MAM-AZ-"))
    .flatMap((c) => models.filter((m) => m.modelType === c.appliesTo).flatMap((m) => violationsOf(c.evaluate(m, { path: file })).map((v) => `${c.id}:${v.range.startLine}`)));
}

describe("demo/azure", () => {
  it("main.tf", () => {
    expect(findings("main.tf")).toEqual([
      // storage account: TLS 1.0, containers may go public, any network, no double encryption, no soft delete
      "MAM-AZ-002:16",
      "MAM-AZ-003:17",
      "MAM-AZ-004:10",
      "MAM-AZ-006:10",
      "MAM-AZ-007:10",
      "MAM-AZ-008:23",
      "MAM-AZ-011:51",
      // key vault: no purge protection, open network, access policies
      "MAM-AZ-020:73",
      "MAM-AZ-021:73",
      "MAM-AZ-022:73",
      // SQL: a firewall rule for everyone, public, no auditing, no Entra admin
      "MAM-AZ-030:66",
      "MAM-AZ-032:56",
      "MAM-AZ-034:56",
      "MAM-AZ-036:56",
      "MAM-AZ-092:73", // key vault: no diagnostic setting sends its audit logs
    ]);
  });

  it("azuredeploy.json", () => {
    expect(findings("azuredeploy.json")).toEqual([
      "MAM-AZ-040:23",
      "MAM-AZ-042:24",
      "MAM-AZ-044:14",
      "MAM-AZ-050:35",
      "MAM-AZ-051:27",
      "MAM-AZ-052:27",
      "MAM-AZ-053:27",
      "MAM-AZ-054:27",
      "MAM-AZ-055:27",
    ]);
  });
});
