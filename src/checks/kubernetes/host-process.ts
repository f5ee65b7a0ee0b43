import type { K8sWorkload } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { pod } from "./manifests.js";
import { containerKey, containerLabel, eachContainer, isTrue } from "./util.js";

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-020",
  title: "Windows pod runs HostProcess containers",
  severity: "high",
  description:
    "The pod or one of its containers sets `securityContext.windowsOptions.hostProcess: true`. A Windows " +
    "HostProcess container runs directly on the node as a host process, with the node's network and file system " +
    "and, typically, SYSTEM or administrator rights: it is the Windows counterpart of a privileged container. " +
    "The Pod Security Standards' baseline profile forbids it.",
  appliesTo: "k8s.Workload",
  references: { trivy: "AVD-KSV-0103" },
  compliance: [{ framework: "cis-kubernetes-1.8", control: "5.2.11" }],
  remediation: {
    text: "Remove hostProcess and run the workload as an ordinary Windows container; keep node agents that truly need it in a namespace of their own, admitted by policy.",
    fix: "securityContext:\n  windowsOptions:\n    hostProcess: false",
  },
  examples: {
    kubernetes: {
      bad: [
        pod({
          name: "win-agent",
          spec: "hostNetwork: true\nsecurityContext:\n  windowsOptions:\n    hostProcess: true\n    runAsUserName: \"NT AUTHORITY\\\\SYSTEM\"",
          image: "mcr.microsoft.com/windows/nanoserver:ltsc2022",
        }),
        pod({ name: "win-agent", container: "securityContext:\n  windowsOptions:\n    hostProcess: true", image: "mcr.microsoft.com/windows/nanoserver:ltsc2022" }),
      ],
      good: [pod({ name: "win-app", container: "securityContext:\n  windowsOptions:\n    runAsUserName: ContainerUser", image: "mcr.microsoft.com/windows/nanoserver:ltsc2022" })],
    },
  },
  evaluate(w) {
    const out: Violation[] = [];
    const podLevel = w.podSpec.securityContext.hostProcess;
    if (podLevel && isTrue(podLevel)) out.push(fail(podLevel, `${w.kind} ${w.name} runs every container as a Windows host process`, { key: "pod hostProcess" }));
    out.push(
      ...eachContainer(w, (c) => {
        const v = c.securityContext.hostProcess;
        return v && isTrue(v) ? fail(v, `${containerLabel(c)} runs as a Windows host process`, { key: containerKey(c, "hostProcess") }) : undefined;
      }),
    );
    return out;
  },
});
