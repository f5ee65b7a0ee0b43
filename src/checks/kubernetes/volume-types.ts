import type { K8sWorkload } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import { pod } from "./manifests.js";

// The volume types the restricted Pod Security Standard allows. hostPath is MAM-K8S-007.
const ALLOWED = new Set(["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret", "hostPath", ""]);

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-027",
  title: "Pod uses a volume type outside the restricted set",
  severity: "low",
  description:
    "A volume of the pod is of a type the restricted Pod Security Standard does not allow: anything but " +
    "configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret. Volumes " +
    "written straight into the pod (nfs, iscsi, rbd, cephfs, awsElasticBlockStore, gitRepo, ...) bypass the " +
    "storage classes and claims cluster administrators control, can reach storage other tenants use, and " +
    "gitRepo runs git on the node against a repository the pod names. hostPath is reported by MAM-K8S-007.",
  appliesTo: "k8s.Workload",
  references: { trivy: "AVD-KSV-0028" },
  remediation: {
    text: "Mount the storage through a PersistentVolumeClaim (the PersistentVolume or StorageClass holds the server details), and clone repositories in an init container.",
    fix: "volumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: shared-data",
  },
  examples: {
    kubernetes: {
      bad: [
        pod({ name: "report", spec: "volumes:\n  - name: shared\n    nfs:\n      server: nfs.internal.example.com\n      path: /exports/reports", container: "volumeMounts:\n  - { name: shared, mountPath: /data }" }),
        pod({ name: "site", spec: "volumes:\n  - name: src\n    gitRepo:\n      repository: https://git.example.com/site.git", container: "volumeMounts:\n  - { name: src, mountPath: /src }" }),
      ],
      good: [pod({ name: "report", spec: "volumes:\n  - name: shared\n    persistentVolumeClaim:\n      claimName: reports\n  - name: tmp\n    emptyDir: {}", container: "volumeMounts:\n  - { name: shared, mountPath: /data }" })],
    },
  },
  evaluate: (w) =>
    w.podSpec.volumes.flatMap((v) =>
      ALLOWED.has(v.type) ? [] : [fail(v, `volume ${v.name || "(unnamed)"} is of type ${v.type}, outside the restricted set`, { key: `volume ${v.name} ${v.type}` })],
    ),
});
