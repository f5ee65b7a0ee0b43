import type { K8sWorkload } from "../../models/k8s.js";
import { allContainers } from "../../models/k8s.js";
import { redactValue } from "../../core/redact.js";
import { defineCheck, fail } from "../define.js";
import { isSecretName } from "../docker/secrets.js";
import type { Violation } from "../types.js";
import { containerKey, containerLabel } from "./util.js";

// `$(OTHER_VAR)` only refers to another variable of the container: no value is written here.
const REFERENCE = /\$\([A-Za-z_][A-Za-z0-9_]*\)/g;

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-013",
  title: "Credential written in a container's environment",
  severity: "high",
  kind: "secret",
  description:
    "An environment variable whose name says password, secret, token, API key, access key or credentials is given " +
    "a literal `value:` in the manifest. The credential is then in the source repository, in every copy of the " +
    "manifest, in the object stored in etcd without Secret encryption, and readable by anyone who can `get` the " +
    "workload. Variables filled with `valueFrom` and values that only refer to other variables are not reported. " +
    "Findings show the value redacted.",
  appliesTo: "k8s.Workload",
  remediation: {
    text: "Move the value into a Secret (created from a secret manager, not committed), mount it as a file (preferred: environment variables leak into logs and child processes, see MAM-K8S-055) or at least reference it with valueFrom.secretKeyRef, and rotate the credential: it is compromised.",
    fix: "volumes:\n  - name: api-token\n    secret: { secretName: storefront-secrets, items: [{ key: api-token, path: api-token }] }\ncontainers:\n  - name: web\n    volumeMounts:\n      - { name: api-token, mountPath: /run/secrets/api-token, subPath: api-token, readOnly: true }",
  },
  examples: {
    kubernetes: {
      bad: [
        `apiVersion: apps/v1
kind: Deployment
metadata:
  name: storefront
  namespace: shop
spec:
  selector:
    matchLabels: { app: storefront }
  template:
    metadata:
      labels: { app: storefront }
    spec:
      containers:
        - name: web
          image: registry.example.com/storefront:1.4.2
          env:
            - name: LOG_LEVEL
              value: info
            - name: API_TOKEN
              value: "example-token-not-real-1234567890"`,
        `apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  containers:
    - name: postgres
      image: postgres:16.3
      env:
        - { name: POSTGRES_PASSWORD, value: example-Passw0rd }`,
      ],
      good: [
        `apiVersion: apps/v1
kind: Deployment
metadata:
  name: storefront
  namespace: shop
spec:
  selector:
    matchLabels: { app: storefront }
  template:
    metadata:
      labels: { app: storefront }
    spec:
      containers:
        - name: web
          image: registry.example.com/storefront:1.4.2
          env:
            - name: API_TOKEN
              valueFrom:
                secretKeyRef: { name: storefront-secrets, key: api-token }
            - name: POSTGRES_PASSWORD_FILE
              value: /run/secrets/postgres-password
            - name: AUTH_TOKEN
              value: $(UPSTREAM_TOKEN)`,
      ],
    },
  },
  evaluate(w) {
    const out: Violation[] = [];
    for (const c of allContainers(w.podSpec)) {
      for (const e of c.env) {
        const value = e.value?.value ?? "";
        if (!e.value || !isSecretName(e.name) || value.replace(REFERENCE, "").trim() === "") continue;
        out.push(
          fail(e.value, `${containerLabel(c)} sets ${e.name} to a credential written in the manifest`, {
            key: containerKey(c, `env ${e.name}`),
            snippet: `- name: ${e.name}\n  value: ${redactValue(value)}`,
          }),
        );
      }
    }
    return out;
  },
});
