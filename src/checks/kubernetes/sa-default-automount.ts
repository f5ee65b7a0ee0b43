import type { K8sServiceAccount } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import { firstLine, isFalse } from "./util.js";

const ACCOUNT = (extra: string) => `apiVersion: v1
kind: ServiceAccount
metadata:
  name: default
  namespace: shop
${extra}`;

export default defineCheck<K8sServiceAccount>({
  id: "MAM-K8S-042",
  title: "Default service account mounts its token",
  severity: "low",
  description:
    "A namespace's `default` ServiceAccount is declared without `automountServiceAccountToken: false`. Every pod " +
    "of the namespace that names no account runs as `default` and, unless its own spec says otherwise, gets the " +
    "account's API token mounted. Turning automounting off on `default` makes API access something a workload " +
    "asks for, through an account of its own.",
  appliesTo: "k8s.ServiceAccount",
  references: { checkov: "CKV_K8S_41" },
  compliance: [{ framework: "cis-kubernetes-1.8", control: "5.1.5" }],
  remediation: {
    text: "Set `automountServiceAccountToken: false` on the default ServiceAccount of every namespace, and give workloads that call the API their own account.",
    fix: "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: default\nautomountServiceAccountToken: false",
  },
  examples: {
    kubernetes: {
      bad: [ACCOUNT(""), ACCOUNT("automountServiceAccountToken: true")],
      good: [ACCOUNT("automountServiceAccountToken: false"), ACCOUNT("").replace("name: default", "name: storefront")],
    },
  },
  evaluate(sa) {
    if (sa.name !== "default") return undefined;
    const v = sa.automountServiceAccountToken;
    if (isFalse(v)) return undefined;
    return fail(v ?? firstLine(sa.range), `the default ServiceAccount of namespace ${sa.namespace ?? "default"} mounts its token into pods`, { key: "automountServiceAccountToken" });
  },
});
