import type { K8sWorkload } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";

// Mounting these hands over the node (the container runtime's socket, the root, the kubelet's credentials).
const SENSITIVE = /^\/(?:$|etc(?:\/|$)|proc(?:\/|$)|sys(?:\/|$)|root(?:\/|$)|boot(?:\/|$)|var\/lib\/kubelet|var\/lib\/docker|var\/run\/(?:docker|containerd|crio)|run\/(?:docker|containerd|crio)|var\/run\/?$|run\/?$)/;

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-007",
  title: "Pod mounts a host path",
  severity: "medium",
  description:
    "A volume of the pod is a `hostPath`: a directory or file of the node, mounted into the container. Writable " +
    "host paths let the container change the node; some are an immediate escape (the container runtime's socket, " +
    "`/`, `/etc`, `/proc`, `/var/lib/kubelet`), and those are reported as high. The pod also becomes tied to what " +
    "one node's disk holds.",
  appliesTo: "k8s.Workload",
  references: { trivy: "AVD-KSV-0023" },
  compliance: [{ framework: "cis-kubernetes-1.8", control: "5.2.12" }],
  remediation: {
    text: "Use a PersistentVolumeClaim, a ConfigMap, a Secret or an emptyDir instead. If a host path is truly needed (a node agent), mount it readOnly and as narrow as possible.",
    fix: "volumes:\n  - name: cache\n    emptyDir: {}",
  },
  examples: {
    kubernetes: {
      bad: [
        `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-shipper
  namespace: logging
spec:
  selector:
    matchLabels: { app: log-shipper }
  template:
    metadata:
      labels: { app: log-shipper }
    spec:
      containers:
        - name: shipper
          image: fluent/fluent-bit:3.0.4
          volumeMounts:
            - name: docker-sock
              mountPath: /var/run/docker.sock
      volumes:
        - name: docker-sock
          hostPath:
            path: /var/run/docker.sock
            type: Socket`,
        `apiVersion: v1
kind: Pod
metadata:
  name: builder
spec:
  containers:
    - name: builder
      image: registry.example.com/builder:2.0.1
      volumeMounts:
        - { name: cache, mountPath: /cache }
  volumes:
    - name: cache
      hostPath:
        path: /data/build-cache`,
      ],
      good: [
        `apiVersion: v1
kind: Pod
metadata:
  name: builder
spec:
  containers:
    - name: builder
      image: registry.example.com/builder:2.0.1
      volumeMounts:
        - { name: cache, mountPath: /cache }
  volumes:
    - name: cache
      emptyDir:
        sizeLimit: 2Gi`,
      ],
    },
  },
  evaluate: (w) =>
    w.podSpec.volumes.flatMap((v) => {
      if (!v.hostPath) return [];
      const path = v.hostPath.value;
      const sensitive = SENSITIVE.test(path);
      return [
        fail(v.hostPath, `volume ${v.name || "(unnamed)"} mounts the node's ${path}${sensitive ? ", which gives control of the node" : ""}`, {
          key: `volume ${v.name} hostPath ${path}`,
          ...(sensitive ? { severity: "high" as const } : {}),
        }),
      ];
    }),
});
