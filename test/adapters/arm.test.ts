import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { armAdapter } from "../../src/adapters/arm.js";
import { adapterForText } from "../../src/adapters/index.js";
import { MAX_STEPS } from "../../src/adapters/arm/eval.js";
import { MAX_RESOURCES } from "../../src/adapters/arm/template.js";
import { violationsOf } from "../../src/checks/define.js";
import { builtinChecks } from "../../src/checks/registry.js";
import type { ResourceModel } from "../../src/checks/types.js";
import { InputError } from "../../src/core/errors.js";
import type { ContainerRegistry, DbFirewallRule, NetworkSecurityRule, SqlServer, StorageAccount } from "../../src/models/azure.js";

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/arm/${name}`, import.meta.url), "utf8");

function models<T extends ResourceModel>(text: string, type: string): T[] {
  return armAdapter.parse(text, "main.json").models.filter((m) => m.modelType === type) as T[];
}

const template = (resources: string, extra = ""): string =>
  `{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", ${extra} "resources": [${resources}] }`;

describe("armAdapter", () => {
  it("wants .json files and recognises deployment templates by their schema", () => {
    expect(["azuredeploy.json", "a/B.JSON", "main.jsonc", "main.tf", "x.yaml"].map((p) => armAdapter.wants(p))).toEqual([true, true, true, false, false]);
    expect(armAdapter.sniff?.(fixture("storefront.json"))).toBe(true);
    expect(armAdapter.sniff?.('{ "$schema": "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#" }')).toBe(true);
    expect(armAdapter.sniff?.('{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#" }')).toBe(false);
    expect(armAdapter.sniff?.('{ "name": "storefront", "version": "1.0.0" }')).toBe(false);
    expect(adapterForText("azuredeploy.json", fixture("storefront.json"))?.format).toBe("arm");
  });

  it("reads the fixture: values from parameters and variables, comments, and each value's own line", () => {
    const [account] = models<StorageAccount>(fixture("storefront.json"), "azure.storage.Account");
    expect(account?.address).toBe("Microsoft.Storage/storageAccounts/storefrontprodlogs");
    expect(account?.range).toEqual({ startLine: 16, endLine: 38 });
    expect(account?.minTlsVersion).toEqual({ value: "TLS1_2", known: true, range: { startLine: 25, endLine: 25 } });
    expect(account?.allowBlobPublicAccess).toMatchObject({ value: true, known: true, range: { startLine: 26, endLine: 26 } });
    expect(account?.blobSoftDelete).toMatchObject({ value: true, known: true });
  });

  it("leaves out resources whose condition is false and `existing` references", () => {
    const parsed = armAdapter.parse(fixture("storefront.json"), "main.json");
    expect(parsed.models.some((m) => m.modelType === "azure.keyvault.Vault")).toBe(false);
    expect(models<ContainerRegistry>(fixture("nested.json"), "azure.containerregistry.Registry").map((r) => r.address)).not.toContain("Microsoft.ContainerRegistry/registries/shared");
  });

  it("joins child resources to their parent, nested or apart, also through a parameter without a value", () => {
    const rules = models<DbFirewallRule>(fixture("storefront.json"), "azure.db.FirewallRule");
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({
      address: "Microsoft.Sql/servers/[parameters('sqlServerName')]/firewallRules/everyone",
      server: "Microsoft.Sql/servers/[parameters('sqlServerName')]",
      serverPublicNetworkAccess: { value: true, known: true },
    });
    const [server] = models<SqlServer>(fixture("storefront.json"), "azure.sql.Server");
    expect(server).toMatchObject({ auditing: { value: true }, auditRetentionDays: { value: 30, known: true } });
    const nsg = models<NetworkSecurityRule>(fixture("storefront.json"), "azure.network.SecurityRule");
    expect(nsg.map((r) => [r.address, r.group])).toEqual([
      ["Microsoft.Network/networkSecurityGroups/storefront-web/securityRules/https", "Microsoft.Network/networkSecurityGroups/storefront-web"],
      ["Microsoft.Network/networkSecurityGroups/storefront-web/securityRules/ssh", "Microsoft.Network/networkSecurityGroups/storefront-web"],
      ["Microsoft.Network/networkSecurityGroups/storefront-web/securityRules/rdp", "Microsoft.Network/networkSecurityGroups/storefront-web"],
    ]);
  });

  it("keeps a child that cannot be tied to a parent as unknown, not as absent", () => {
    const text = template(`
      { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "logs", "properties": {} },
      { "type": "Microsoft.Storage/storageAccounts/blobServices", "apiVersion": "2023-01-01", "name": "[concat(uniqueString(resourceGroup().id), '/default')]",
        "properties": { "deleteRetentionPolicy": { "enabled": true } } }`);
    const [account] = models<StorageAccount>(text, "azure.storage.Account");
    expect(account?.blobSoftDelete).toMatchObject({ known: false, range: { startLine: 3, endLine: 4 } });
  });

  it("reads languageVersion 2.0 resources and inline nested deployments in their own scope", () => {
    const parsed = armAdapter.parse(fixture("nested.json"), "nested.json");
    const registries = parsed.models.filter((m) => m.modelType === "azure.containerregistry.Registry") as ContainerRegistry[];
    expect(registries.map((r) => r.address)).toEqual(["Microsoft.ContainerRegistry/registries/storefrontacr", "Microsoft.ContainerRegistry/registries/storefrontacrcache"]);
    expect(registries[0]?.adminUserEnabled).toMatchObject({ value: true, known: true });
    expect(registries[1]?.adminUserEnabled).toMatchObject({ value: false, known: true });
    expect(registries[1]?.anonymousPull).toMatchObject({ known: false });
    expect(parsed.warnings).toEqual([{ line: 41, message: "unknown template function magic(); its value is treated as unknown" }]);
  });

  it("reports the fixture's misconfigurations through the checks, and nothing it has right", () => {
    const parsed = armAdapter.parse(fixture("storefront.json"), "main.json");
    const found = builtinChecks.flatMap((c) =>
      parsed.models.filter((m) => m.modelType === c.appliesTo).flatMap((m) => violationsOf(c.evaluate(m, { path: "main.json" })).map((v) => `${c.id}:${v.range.startLine}`)),
    );
    expect(found.sort()).toEqual(
      [
        "MAM-AZ-003:26",
        "MAM-AZ-006:16",
        "MAM-AZ-008:43",
        "MAM-AZ-010:95",
        "MAM-AZ-011:86",
        "MAM-AZ-030:66",
        "MAM-AZ-032:54",
        "MAM-AZ-035:62",
        "MAM-AZ-036:45",
      ].sort(),
    );
  });

  it.each([
    { text: '{ "resources": [ }', line: 1, message: /not valid JSON/ },
    { text: '[1, 2]', line: 1, message: /not an ARM template/ },
    { text: `{ "a": ${"[".repeat(300)}${"]".repeat(300)} }`, line: 1, message: /deeper than 128/ },
    { text: '{\n  "resources": [\n    { "type": "x" ,, }\n  ]\n}', line: 3, message: /not valid JSON/ },
  ])("rejects broken input naming the line: $message", ({ text, line, message }) => {
    let err: unknown;
    try {
      armAdapter.parse(text, "bad.json");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(new RegExp(`^bad\\.json:${line}: `));
    expect((err as Error).message).toMatch(message);
  });

  it("bounds the number of resources it reads", () => {
    const many = Array.from({ length: MAX_RESOURCES + 5 }, (_, i) => `{ "type": "Microsoft.Storage/storageAccounts", "name": "s${i}", "apiVersion": "2023-01-01" }`).join(",\n");
    const parsed = armAdapter.parse(template(many), "many.json");
    expect(parsed.models.filter((m) => m.modelType === "azure.storage.Account")).toHaveLength(MAX_RESOURCES);
    expect(parsed.warnings.map((w) => w.message)).toContain(`more than ${MAX_RESOURCES} resources; the rest are not checked`);
  });

  it("bounds evaluation work: a large variable used many times turns unknown, the rest is still read", () => {
    const big = Array.from({ length: 20000 }, (_, i) => i).join(",");
    const uses = Array.from({ length: 80 }, (_, i) => `{ "type": "Microsoft.ContainerRegistry/registries", "name": "r${i}", "tags": "[variables('big')]", "properties": { "adminUserEnabled": true } }`).join(",\n");
    const parsed = armAdapter.parse(template(uses, `"variables": { "big": [${big}] },`), "big.json");
    const registries = parsed.models as ContainerRegistry[];
    expect(registries).toHaveLength(80);
    expect(registries.every((r) => r.adminUserEnabled?.known && r.adminUserEnabled.value === true)).toBe(true);
    expect(parsed.warnings.map((w) => w.message)).toEqual([`template expressions take more than ${MAX_STEPS} steps to evaluate; the rest are treated as unknown`]);
  });

  it("treats a resource whose type is an expression it cannot work out as unchecked, with a warning", () => {
    const parsed = armAdapter.parse(template(`{ "type": "[parameters('t')]", "name": "x" }`, `"parameters": { "t": { "type": "string" } },`), "t.json");
    expect(parsed.models).toEqual([]);
    expect(parsed.warnings).toEqual([{ line: 1, message: "resource type could not be worked out; the resource is not checked" }]);
  });
});
