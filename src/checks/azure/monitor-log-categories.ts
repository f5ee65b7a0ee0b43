import type { LogProfile } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armLogProfile, tfLogProfile } from "./monitor-log-retention.js";
import { isKnown } from "./util.js";

const ALL = ["Write", "Delete", "Action"];

export default defineCheck<LogProfile>({
  id: "MAM-AZ-061",
  title: "Activity log profile leaves out categories",
  severity: "medium",
  description:
    "The log profile does not export all three activity log categories: `Write`, `Delete` and `Action`. Whatever it " +
    "leaves out (deletions of resources, role assignments, key listings) is missing from the exported record when an " +
    "incident needs it.",
  appliesTo: "azure.monitor.LogProfile",
  references: { checkov: "CKV_AZURE_38", trivy: "AVD-AZU-0033" },
  remediation: {
    text: 'Export all categories: `categories = ["Action", "Delete", "Write"]`.',
    fix: 'categories = ["Action", "Delete", "Write"]',
  },
  examples: {
    terraform: { bad: [tfLogProfile("365", '["Write"]')], good: [tfLogProfile("365"), tfLogProfile("365", "var.categories")] },
    arm: { bad: [armLogProfile(365, '["Write", "Delete"]')], good: [armLogProfile(365)] },
  },
  evaluate(p) {
    if (p.categories.length === 0 && !p.categories.some((c) => !c.known)) {
      return fail(p.range, `${p.address} exports no activity log categories`, { key: `${p.address} categories` });
    }
    if (!p.categories.every((c) => isKnown(c))) return undefined;
    const have = new Set(p.categories.map((c) => (c.value ?? "").toLowerCase()));
    const missing = ALL.filter((c) => !have.has(c.toLowerCase()));
    if (missing.length === 0) return undefined;
    return fail(p.categories[0] ?? p.range, `${p.address} does not export the ${missing.join(", ")} categories`, { key: `${p.address} categories` });
  },
});
