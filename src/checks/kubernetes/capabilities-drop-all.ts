import type { K8sWorkload } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import { containerKey, containerLabel, eachContainer , firstLine } from "./util.js";

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-009",
  title: "Container does not drop all capabilities",
  severity: "low",
  description:
    "A container's `securityContext.capabilities.drop` does not include `ALL`. Container runtimes grant a default " +
    "set of capabilities (NET_RAW, which allows ARP and DNS spoofing on the pod network, CHOWN, SETUID, DAC_OVERRIDE " +
    "and more) that most applications never use. The Pod Security Standards' restricted profile requires dropping " +
    "them all and adding back only what is needed.",
  appliesTo: "k8s.Workload",
  references: { trivy: "AVD-KSV-0003" },
  compliance: [{ framework: "cis-kubernetes-1.8", control: "5.2.10" }],
  remediation: {
    text: "Add `drop: [\"ALL\"]` to every container's capabilities, and add back the few the process needs.",
    fix: "securityContext:\n  capabilities:\n    drop: [\"ALL\"]",
  },
  examples: {
    kubernetes: {
      bad: [
        `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: registry.example.com/api:1.8.2`,
        `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: registry.example.com/api:1.8.2
      securityContext:
        capabilities:
          drop: ["NET_RAW"]`,
      ],
      good: [
        `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: registry.example.com/api:1.8.2
      securityContext:
        capabilities:
          drop: ["ALL"]`,
      ],
    },
  },
  evaluate: (w) =>
    eachContainer(w, (c) => {
      const caps = c.securityContext.capabilities;
      if (caps.drop.some((d) => d.value.toUpperCase() === "ALL")) return undefined;
      return fail(firstLine(caps.range ?? c.securityContext.range ?? c.range), `${containerLabel(c)} keeps the runtime's default capabilities (drop does not include ALL)`, {
        key: containerKey(c, "capabilities.drop"),
      });
    }),
});
