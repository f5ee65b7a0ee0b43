import type { LogProfile } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armTemplate } from "./arm.js";
import { isKnown } from "./util.js";

const tf = (days: string, categories = '["Action", "Delete", "Write"]'): string => `resource "azurerm_monitor_log_profile" "main" {
  name               = "default"
  categories         = ${categories}
  locations          = ["global", "westeurope"]
  storage_account_id = azurerm_storage_account.logs.id

  retention_policy {
    enabled = true
    days    = ${days}
  }
}`;

const arm = (days: number, categories = '["Write", "Delete", "Action"]'): string =>
  armTemplate([
    `{
  "type": "Microsoft.Insights/logprofiles",
  "apiVersion": "2016-03-01",
  "name": "default",
  "properties": {
    "categories": ${categories},
    "locations": ["global", "westeurope"],
    "storageAccountId": "[resourceId('Microsoft.Storage/storageAccounts', 'storefrontlogs')]",
    "retentionPolicy": { "enabled": true, "days": ${days} }
  }
}`,
  ]);

export { tf as tfLogProfile, arm as armLogProfile };

export default defineCheck<LogProfile>({
  id: "MAM-AZ-060",
  title: "Activity log is kept less than a year",
  severity: "medium",
  description:
    "The log profile's retention policy keeps the subscription's activity log for fewer than 365 days (0 keeps it " +
    "forever). The activity log records who changed what in the subscription; investigations of intrusions found " +
    "late need it well beyond a few months.",
  appliesTo: "azure.monitor.LogProfile",
  references: { checkov: "CKV_AZURE_37", trivy: "AVD-AZU-0031" },
  remediation: {
    text: "Keep the activity log at least 365 days, or 0 for no limit (log profiles are being replaced by diagnostic settings, which should keep it as long).",
    fix: "retention_policy {\n  enabled = true\n  days    = 365\n}",
  },
  examples: {
    terraform: { bad: [tf("90")], good: [tf("365"), tf("var.retention_days")] },
    arm: { bad: [arm(30)], good: [arm(0)] },
  },
  evaluate(p) {
    if (!isKnown(p.retentionEnabled, true) || !isKnown(p.retentionDays)) return undefined;
    const days = p.retentionDays.value;
    if (days <= 0 || days >= 365) return undefined;
    return fail(p.retentionDays, `${p.address} keeps the activity log only ${days} days`, { key: `${p.address} retention` });
  },
});
