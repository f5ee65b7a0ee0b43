import type { K8sSecretRef, K8sWorkload } from "../../models/k8s.js";
import { allContainers } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { deployment, pod } from "./manifests.js";
import { containerKey, containerLabel } from "./util.js";

/** `Secret api-keys` or `a Secret` when the reference names none. */
function secretName(ref: K8sSecretRef): string {
  return ref.name ? `Secret ${ref.name.value}` : "a Secret";
}

// CIS 5.4.1 is about how a Secret reaches the container, not what it holds: a literal credential in
// `value:` is MAM-K8S-013's (it reads only `value:`; this check reads only the Secret references).
export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-055",
  title: "Secret passed to a container as environment variables",
  severity: "low",
  description:
    "A container takes a Secret's keys as environment variables, through `env[].valueFrom.secretKeyRef` or " +
    "`envFrom[].secretRef`. The environment is easy to leak: applications print it in error pages, crash reports " +
    "and debug logs, child processes inherit all of it, anyone who can read /proc/<pid>/environ on the node sees " +
    "it, and a rotated Secret only reaches the container when it restarts. Mounted as a volume, the Secret is a " +
    "file the application reads when it needs it, on tmpfs, with its own file mode, and kept up to date by the kubelet.",
  appliesTo: "k8s.Workload",
  references: { checkov: "CKV_K8S_35", kics: "3d658f8b-d988-41a0-a841-40043121de1e" },
  compliance: [{ framework: "cis-kubernetes-1.8", control: "5.4.1" }],
  remediation: {
    text: "Mount the Secret as a read-only volume and have the application read the file (many images take a *_FILE variable naming it) instead of the variable.",
    fix: "containers:\n  - name: api\n    env:\n      - name: DB_PASSWORD_FILE\n        value: /run/secrets/db/password\n    volumeMounts:\n      - { name: db, mountPath: /run/secrets/db, readOnly: true }\nvolumes:\n  - name: db\n    secret: { secretName: db-credentials, defaultMode: 0400 }",
  },
  examples: {
    kubernetes: {
      bad: [
        pod({ container: "env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef: { name: db-credentials, key: password }" }),
        deployment({ container: "envFrom:\n  - configMapRef: { name: web-settings }\n  - secretRef:\n      name: web-secrets" }),
        `apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
  namespace: shop
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
            - name: fetch-key
              image: registry.example.com/fetch:1.0.0
              env:
                - name: BACKUP_KEY
                  valueFrom:
                    secretKeyRef:
                      name: backup-key
                      key: key
          containers:
            - name: backup
              image: registry.example.com/backup:3.1.0`,
      ],
      good: [
        pod({
          container: "env:\n  - name: DB_PASSWORD_FILE\n    value: /run/secrets/db/password\n  - name: POD_NAME\n    valueFrom:\n      fieldRef: { fieldPath: metadata.name }\nvolumeMounts:\n  - { name: db, mountPath: /run/secrets/db, readOnly: true }",
          spec: "volumes:\n  - name: db\n    secret: { secretName: db-credentials }",
        }),
        deployment({ container: "envFrom:\n  - configMapRef: { name: web-settings }\nenv:\n  - name: LOG_LEVEL\n    valueFrom:\n      configMapKeyRef: { name: web-settings, key: log-level }" }),
      ],
    },
  },
  evaluate(w) {
    const out: Violation[] = [];
    for (const c of allContainers(w.podSpec)) {
      for (const e of c.env) {
        if (!e.secretKeyRef) continue;
        const key = e.secretKeyRef.key ? ` key ${e.secretKeyRef.key.value}` : "";
        out.push(fail(e.secretKeyRef, `${containerLabel(c)} gets ${secretName(e.secretKeyRef)}${key} as environment variable ${e.name}`, { key: containerKey(c, `env ${e.name} secretKeyRef`) }));
      }
      c.envFrom.forEach((e, i) => {
        if (!e.secretRef) return;
        out.push(fail(e.secretRef, `${containerLabel(c)} gets every key of ${secretName(e.secretRef)} as environment variables`, { key: containerKey(c, `envFrom ${e.secretRef.name?.value ?? `#${i}`}`) }));
      });
    }
    return out;
  },
});
