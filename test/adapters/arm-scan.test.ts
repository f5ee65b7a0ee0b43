// ARM templates through the IaC scan: a directory with a template, a parameters file and an
// unrelated JSON file; only the template is read, its findings point at its lines, and a
// `// mamori:ignore` comment above a resource is honoured as in any other format.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scanIac } from "../../src/scan/iac.js";

const template = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "storefrontacr",
      "location": "westeurope",
      "sku": { "name": "Premium" },
      "properties": { "adminUserEnabled": true, "publicNetworkAccess": "Disabled" }
    }
  ]
}
`;

describe("scan iac on ARM templates", () => {
  it("reads templates, and passes over parameter files and other JSON", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mamori-arm-"));
    writeFileSync(join(dir, "azuredeploy.json"), template);
    writeFileSync(join(dir, "azuredeploy.parameters.json"), '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "parameters": {} }');
    writeFileSync(join(dir, "package.json"), '{ "name": "x", "version": "1.0.0" }');
    const result = await scanIac({ target: dir, cwd: dir, secrets: false });
    expect(result.filesScanned).toBe(1);
    expect(result.findings.map((f) => [f.ruleId, f.location?.path, f.location?.startLine])).toEqual([["MAM-AZ-085", "azuredeploy.json", 11]]);
  });

  it("honours a // mamori:ignore comment above a resource", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mamori-arm-"));
    writeFileSync(join(dir, "azuredeploy.json"), template.replace("    {\n      \"type\"", "    // mamori:ignore MAM-AZ-085 the build agents still log in with the admin user\n    {\n      \"type\""));
    const result = await scanIac({ target: dir, cwd: dir, secrets: false });
    expect(result.findings.filter((f) => !f.suppressed).map((f) => f.ruleId)).toEqual([]);
    expect(result.findings.map((f) => f.ruleId)).toEqual(["MAM-AZ-085"]);
  });

  it("uses the values of the parameter file beside a template, in a directory and for a file named alone", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mamori-arm-"));
    const withParam = template.replace('"contentVersion": "1.0.0.0",', '"contentVersion": "1.0.0.0",\n  "parameters": { "admin": { "type": "bool", "defaultValue": false } },').replace('"adminUserEnabled": true', '"adminUserEnabled": "[parameters(\'admin\')]"');
    writeFileSync(join(dir, "azuredeploy.json"), withParam);
    writeFileSync(join(dir, "azuredeploy.parameters.json"), '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "parameters": { "admin": { "value": true } } }');
    const all = await scanIac({ target: dir, cwd: dir, secrets: false });
    expect(all.findings.map((f) => [f.ruleId, f.location?.startLine])).toEqual([["MAM-AZ-085", 12]]);
    const one = await scanIac({ target: join(dir, "azuredeploy.json"), cwd: dir, secrets: false });
    expect(one.findings.map((f) => f.ruleId)).toEqual(["MAM-AZ-085"]);

    writeFileSync(join(dir, "azuredeploy.parameters.json"), "{ not json");
    const broken = await scanIac({ target: dir, cwd: dir, secrets: false });
    expect(broken.findings).toEqual([]);
    expect(broken.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^parameter file not used: azuredeploy\.parameters\.json:1: not valid JSON/)]);
  });
});
