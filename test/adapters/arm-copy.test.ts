import { describe, expect, it } from "vitest";
import { armAdapter } from "../../src/adapters/arm.js";
import { violationsOf } from "../../src/checks/define.js";
import { builtinChecks } from "../../src/checks/registry.js";
import type { ResourceModel } from "../../src/checks/types.js";
import type { NetworkSecurityRule, StorageAccount } from "../../src/models/azure.js";

const template = (body: string): string =>
  `{\n"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n${body}\n}`;

function parse(text: string) {
  return armAdapter.parse(text, "main.json");
}

function models<T extends ResourceModel>(text: string, type: string): T[] {
  return parse(text).models.filter((m) => m.modelType === type) as T[];
}

function findings(text: string, id: string): string[] {
  const check = builtinChecks.find((c) => c.id === id);
  if (!check) throw new Error(id);
  return parse(text).models.filter((m) => m.modelType === check.appliesTo).flatMap((m) => violationsOf(check.evaluate(m, { path: "main.json" })).map(() => m.address ?? ""));
}

const accounts = (count: string, https: string) =>
  template(`"parameters": { "n": { "type": "int", "defaultValue": 3 }, "free": { "type": "int" }, "https": { "type": "array", "defaultValue": ${https} } },
"resources": [
  {
    "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01",
    "name": "[concat('logs', copyIndex(1))]",
    "copy": { "name": "accounts", "count": ${count}, "mode": "Serial", "batchSize": 1 },
    "properties": { "supportsHttpsTrafficOnly": "[parameters('https')[copyIndex()]]" }
  }
]`);

const rules = (sources: string) =>
  template(`"variables": { "sources": ${sources} },
"resources": [
  {
    "type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-04-01", "name": "nsg",
    "properties": {
      "copy": [
        {
          "name": "securityRules",
          "count": "[length(variables('sources'))]",
          "input": {
            "name": "[concat('ssh-', copyIndex('securityRules'))]",
            "properties": {
              "priority": "[add(100, copyIndex('securityRules'))]",
              "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
              "sourceAddressPrefix": "[variables('sources')[copyIndex('securityRules')]]",
              "destinationPortRange": "22"
            }
          }
        }
      ]
    }
  }
]`);

describe("ARM copy loops", () => {
  it("expands a resource loop into one resource per iteration, copyIndex() and copyIndex(offset) in names and properties", () => {
    const got = models<StorageAccount>(accounts(`"[parameters('n')]"`, "[true, false, true]"), "azure.storage.Account");
    expect(got.map((a) => a.address)).toEqual(["Microsoft.Storage/storageAccounts/logs1", "Microsoft.Storage/storageAccounts/logs2", "Microsoft.Storage/storageAccounts/logs3"]);
    expect(got.map((a) => a.httpsOnly?.value)).toEqual([true, false, true]);
    // Each instance's value sits on the template line it came from.
    expect(got[1]?.httpsOnly?.range).toEqual({ startLine: 9, endLine: 9 });
  });

  it("fires on exactly the bad instance of a resource loop, and stays quiet on a clean one", () => {
    expect(findings(accounts("3", "[true, false, true]"), "MAM-AZ-001")).toEqual(["Microsoft.Storage/storageAccounts/logs2"]);
    expect(findings(accounts("3", "[true, true, true]"), "MAM-AZ-001")).toEqual([]);
  });

  it("keeps a loop whose count is unknown as one resource with unknown values", () => {
    const got = models<StorageAccount>(accounts(`"[parameters('free')]"`, "[true, false, true]"), "azure.storage.Account");
    expect(got).toHaveLength(1);
    expect(got[0]?.httpsOnly?.known).toBe(false);
    expect(findings(accounts(`"[parameters('free')]"`, "[false]"), "MAM-AZ-001")).toEqual([]);
  });

  it("builds a property loop's array from its input, copyIndex('name') giving the iteration", () => {
    const got = models<NetworkSecurityRule>(rules(`["10.0.0.0/8", "*", "192.168.0.0/16"]`), "azure.network.SecurityRule");
    expect(got.map((r) => [r.name?.value, r.sources.map((s) => s.value)])).toEqual([
      ["ssh-0", ["10.0.0.0/8"]],
      ["ssh-1", ["*"]],
      ["ssh-2", ["192.168.0.0/16"]],
    ]);
    expect(findings(rules(`["10.0.0.0/8", "*", "192.168.0.0/16"]`), "MAM-AZ-011")).toEqual(["Microsoft.Network/networkSecurityGroups/nsg/securityRules/ssh-1"]);
    expect(findings(rules(`["10.0.0.0/8", "192.168.0.0/16"]`), "MAM-AZ-011")).toEqual([]);
  });

  it("builds variable loops, used by a resource loop", () => {
    const text = template(`"variables": {
  "copy": [ { "name": "names", "count": 2, "input": "[concat('store', copyIndex('names'))]" } ],
  "tls": { "copy": [ { "name": "versions", "count": 2, "input": "[if(equals(copyIndex('versions'), 0), 'TLS1_2', 'TLS1_0')]" } ] }
},
"resources": [
  {
    "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01",
    "name": "[variables('names')[copyIndex('loop')]]",
    "copy": { "name": "loop", "count": "[length(variables('names'))]" },
    "properties": { "minimumTlsVersion": "[variables('tls').versions[copyIndex()]]" }
  }
]`);
    const got = models<StorageAccount>(text, "azure.storage.Account");
    expect(got.map((a) => [a.address, a.minTlsVersion?.value])).toEqual([
      ["Microsoft.Storage/storageAccounts/store0", "TLS1_2"],
      ["Microsoft.Storage/storageAccounts/store1", "TLS1_0"],
    ]);
  });

  it("caps a loop at ARM's 800 iterations with a warning, and a count of 0 makes no resources", () => {
    const big = parse(accounts("5000", "[]"));
    expect(big.models.filter((m) => m.modelType === "azure.storage.Account")).toHaveLength(800);
    expect(big.warnings.map((w) => w.message)).toContain("copy count 5000 is more than ARM's limit of 800; only the first 800 are checked");
    expect(models(accounts("0", "[]"), "azure.storage.Account")).toEqual([]);
  });

  it("tells apart instances whose names cannot be worked out", () => {
    const text = template(`"resources": [ { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01",
  "name": "[concat(uniqueString(resourceGroup().id), copyIndex())]", "copy": { "name": "l", "count": 2 }, "properties": {} } ]`);
    expect(models(text, "azure.storage.Account").map((m) => m.address)).toEqual([
      "Microsoft.Storage/storageAccounts/[concat(uniqueString(resourceGroup().id), copyIndex())][0]",
      "Microsoft.Storage/storageAccounts/[concat(uniqueString(resourceGroup().id), copyIndex())][1]",
    ]);
  });
});
