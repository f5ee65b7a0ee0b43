// MAM-K8S-055 (CIS 5.4.1): where a Secret reaches a container through its environment, and how it
// stays apart from MAM-K8S-013 (a credential written as a literal value).
import { describe, expect, it } from "vitest";
import { kubernetesAdapter } from "../../../src/adapters/kubernetes.js";
import { violationsOf } from "../../../src/checks/define.js";
import { kubernetesChecks } from "../../../src/checks/kubernetes/index.js";

function findings(id: string, text: string): { message: string; line: number; key: string | undefined }[] {
  const check = kubernetesChecks.find((c) => c.id === id);
  if (!check) throw new Error(`no check ${id}`);
  return kubernetesAdapter
    .parse(text, "x.yaml")
    .models.filter((m) => m.modelType === check.appliesTo)
    .flatMap((m) => [...violationsOf(check.evaluate(m, { path: "x.yaml" }))])
    .map((v) => ({ message: v.message, line: v.range.startLine, key: v.key }));
}

const STS = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchLabels: { app: db }
  template:
    metadata:
      labels: { app: db }
    spec:
      containers:
        - name: postgres
          image: postgres:16.3
          env:
            - name: POSTGRES_PASSWORD
              value: example-Passw0rd
            - name: REPLICA_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: db-replica
                  key: password
          envFrom:
            - secretRef: { name: db-extra }
            - configMapRef: { name: db-settings }
            - prefix: X_
              secretRef: {}
`;

describe("MAM-K8S-055", () => {
  it("reports each Secret reference at its own line, and no literal value", () => {
    expect(findings("MAM-K8S-055", STS)).toEqual([
      { message: "container postgres gets Secret db-replica key password as environment variable REPLICA_PASSWORD", line: 21, key: "containers/postgres env REPLICA_PASSWORD secretKeyRef" },
      { message: "container postgres gets every key of Secret db-extra as environment variables", line: 25, key: "containers/postgres envFrom db-extra" },
      { message: "container postgres gets every key of a Secret as environment variables", line: 28, key: "containers/postgres envFrom #2" },
    ]);
  });

  it("does not repeat MAM-K8S-013, which reports the literal value alone", () => {
    expect(findings("MAM-K8S-013", STS).map((f) => f.line)).toEqual([18]);
  });

  it.each([
    ["a null secretKeyRef", "env:\n  - name: A\n    valueFrom:\n      secretKeyRef: null"],
    ["fieldRef", "env:\n  - name: A\n    valueFrom:\n      fieldRef: { fieldPath: metadata.name }"],
    ["configMapRef", "envFrom:\n  - configMapRef: { name: settings }"],
    ["no env at all", ""],
  ])("stays quiet on %s", (_name, lines) => {
    const indented = lines
      .split("\n")
      .map((l) => (l ? `      ${l}` : l))
      .join("\n");
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: p\n      image: nginx:1.27\n${indented}\n`;
    expect(findings("MAM-K8S-055", text)).toEqual([]);
  });
});
