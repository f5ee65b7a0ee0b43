import type { AksCluster } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { ARM_HARDENED, armCluster, TF_HARDENED, tfCluster } from "./aks-examples.js";
import { isKnown } from "./util.js";

export default defineCheck<AksCluster>({
  id: "MAM-AZ-055",
  title: "AKS cluster sends no logs to Azure Monitor",
  severity: "low",
  description:
    "The monitoring add-on is not enabled (`oms_agent`; provider 2.x: `addon_profile.oms_agent`; ARM: " +
    "`addonProfiles.omsagent`). Container logs and cluster events are then kept only on the nodes, lost when pods " +
    "or nodes go, and unavailable when an incident needs them.",
  appliesTo: "azure.aks.Cluster",
  references: { checkov: "CKV_AZURE_4", trivy: "AVD-AZU-0040" },
  remediation: {
    text: "Enable Container insights with a Log Analytics workspace.",
    fix: "oms_agent {\n  log_analytics_workspace_id = azurerm_log_analytics_workspace.main.id\n}",
  },
  examples: {
    terraform: {
      bad: [tfCluster("private_cluster_enabled = true")],
      good: [tfCluster(TF_HARDENED)],
    },
    arm: {
      bad: [armCluster(`"addonProfiles": { "omsagent": { "enabled": false } }`)],
      good: [armCluster(ARM_HARDENED)],
    },
  },
  evaluate(c) {
    if (!isKnown(c.monitoring, false)) return undefined;
    return fail(c.monitoring, `${c.address} sends no container logs to Azure Monitor`, { key: `${c.address} monitoring` });
  },
});
