import { redactValue } from "../../core/redact.js";
import { fail } from "../define.js";
import { isSecretName, valueKind } from "../docker/secrets.js";
import { boundedKey } from "../docker/util.js";
import type { Violation } from "../types.js";
import { defineImageCheck, exampleConfig } from "./types.js";

export default defineImageCheck({
  id: "MAM-IMG-002",
  title: "Credential stored in an image label",
  severity: "critical",
  kind: "secret",
  description:
    "A label whose key says password, secret, token, API key, access key, private key or credentials holds a value. " +
    "Labels are part of the image configuration: anyone who can pull the image, or only read its manifest and " +
    "config from the registry, reads them. Keys that only describe a secret (…-file, …-path, …-url, …-id, …) and " +
    "values under /run/secrets are not reported. Findings show the value redacted.",
  appliesTo: "image.Config",
  compliance: [{ framework: "cis-docker-1.6", control: "4.10" }],
  remediation: {
    text: "Remove the label from the Dockerfile (or the build's --label options), rebuild, and rotate the credential: it is compromised. Give secrets to the running container through the orchestrator instead.",
  },
  examples: {},
  imageExamples: {
    bad: [
      exampleConfig({ config: { Labels: { "com.example.deploy.api-key": "example-deploy-key-0000-1111" } } }),
      exampleConfig({
        config: { Labels: { "org.opencontainers.image.title": "billing", registry_password: "Example-Passw0rd" } },
        history: [{ created_by: "LABEL org.opencontainers.image.title=billing registry_password=Example-Passw0rd", empty_layer: true }],
      }),
    ],
    good: [
      exampleConfig({
        config: {
          Labels: {
            "org.opencontainers.image.source": "https://github.com/example/billing",
            "com.example.password-policy": "strict",
            "com.example.vault.secret-path": "kv/billing/db",
            "com.example.token-file": "/run/secrets/token",
          },
        },
      }),
    ],
  },
  evaluate(image) {
    const out: Violation[] = [];
    for (const label of image.labels) {
      const { key, value } = label.value;
      if (!isSecretName(key) || valueKind({ name: key, value }) !== "literal") continue;
      out.push(
        fail(label, `label ${key.slice(0, 120)} holds a credential, readable by anyone who can pull the image`, {
          key: boundedKey(`LABEL ${key}`),
          snippet: `LABEL ${key}=${redactValue(value)}`,
        }),
      );
    }
    return out;
  },
});
