import type { AksCluster } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { ARM_HARDENED, armCluster, TF_HARDENED, tfCluster } from "./aks-examples.js";
import { isKnown } from "./util.js";

export default defineCheck<AksCluster>({
  id: "MAM-AZ-053",
  title: "AKS cluster keeps local accounts",
  severity: "medium",
  description:
    "`local_account_disabled` is false or left out (ARM: `disableLocalAccounts`). The cluster then has a static " +
    "admin certificate that `az aks get-credentials --admin` hands out: it bypasses Entra ID, cannot be revoked " +
    "short of rotating the cluster's certificates, and leaves no identity in the audit log.",
  appliesTo: "azure.aks.Cluster",
  references: { checkov: "CKV_AZURE_141" },
  remediation: {
    text: "Disable local accounts and sign in through Entra ID.",
    fix: "local_account_disabled = true",
  },
  examples: {
    terraform: {
      bad: [tfCluster("private_cluster_enabled = true")],
      good: [tfCluster(TF_HARDENED)],
    },
    arm: {
      bad: [armCluster(`"disableLocalAccounts": false`)],
      good: [armCluster(ARM_HARDENED)],
    },
  },
  evaluate(c) {
    if (!isKnown(c.localAccountsDisabled, false)) return undefined;
    return fail(c.localAccountsDisabled, `${c.address} keeps local (static admin) accounts`, { key: `${c.address} local-accounts` });
  },
});
