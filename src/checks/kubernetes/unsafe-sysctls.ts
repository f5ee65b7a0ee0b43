import type { K8sWorkload } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import { pod } from "./manifests.js";

// The sysctls the baseline Pod Security Standard allows: namespaced, so they affect the pod alone.
const SAFE = new Set([
  "kernel.shm_rmid_forced",
  "net.ipv4.ip_local_port_range",
  "net.ipv4.ip_unprivileged_port_start",
  "net.ipv4.tcp_syncookies",
  "net.ipv4.ping_group_range",
  "net.ipv4.ip_local_reserved_ports",
  "net.ipv4.tcp_keepalive_time",
  "net.ipv4.tcp_fin_timeout",
  "net.ipv4.tcp_keepalive_intvl",
  "net.ipv4.tcp_keepalive_probes",
]);

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-026",
  title: "Pod sets an unsafe sysctl",
  severity: "medium",
  description:
    "The pod's `securityContext.sysctls` names a kernel parameter outside the small set the baseline Pod " +
    "Security Standard allows (kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, " +
    "net.ipv4.ip_unprivileged_port_start, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range and a few TCP " +
    "keepalive and port settings). Other sysctls are either not isolated per pod, so they change the node for " +
    "every workload on it, or can weaken kernel protections.",
  appliesTo: "k8s.Workload",
  references: { trivy: "AVD-KSV-0026" },
  remediation: {
    text: "Remove the sysctl; if the workload truly needs it, set it on dedicated nodes (tainted for that workload) and allow it there explicitly.",
    fix: "securityContext:\n  sysctls:\n    - name: net.ipv4.ip_local_port_range\n      value: \"32768 60999\"",
  },
  examples: {
    kubernetes: {
      bad: [pod({ name: "search", spec: "securityContext:\n  sysctls:\n    - name: vm.max_map_count\n      value: \"262144\"\n    - name: net.core.somaxconn\n      value: \"1024\"" })],
      good: [pod({ name: "search", spec: "securityContext:\n  sysctls:\n    - name: net.ipv4.ip_unprivileged_port_start\n      value: \"80\"" })],
    },
  },
  evaluate: (w) =>
    (w.podSpec.securityContext.sysctls ?? []).flatMap((s) =>
      SAFE.has(s.value) ? [] : [fail(s, `${w.kind} ${w.name} sets the sysctl ${s.value}, which is not in the safe set`, { key: `sysctl ${s.value}` })],
    ),
});
