import type { ComposeService } from "../../models/compose.js";
import { redactValue } from "../../core/redact.js";
import { defineCheck, fail } from "../define.js";
import { isSecretName } from "../docker/secrets.js";
import type { Violation } from "../types.js";
import { composeFile, serviceLabel } from "./util.js";

export default defineCheck<ComposeService>({
  id: "MAM-DC-015",
  title: "Credential written in a service's environment",
  severity: "high",
  kind: "secret",
  description:
    "An `environment` variable whose name says password, secret, token, API key, access key or credentials is " +
    "given a literal value in the Compose file. The credential is then in the repository and its history, in " +
    "`docker inspect` output, and in the environment of every process of the container. Values taken from the " +
    "shell or an .env file (`${DB_PASSWORD}`), variables with no value, and paths to secret files are not " +
    "reported. Findings show the value redacted.",
  appliesTo: "compose.Service",
  remediation: {
    text: "Move the value out of the file (Compose secrets mounted as files, or `${VAR}` filled from an untracked .env), and rotate the credential: it is compromised.",
    fix: "secrets:\n  - db_password\nenvironment:\n  POSTGRES_PASSWORD_FILE: /run/secrets/db_password",
  },
  examples: {
    compose: {
      bad: [
        composeFile("db", "environment:\n  POSTGRES_USER: shop\n  POSTGRES_PASSWORD: example-Passw0rd", "postgres:16.3"),
        composeFile("api", "environment:\n  - LOG_LEVEL=info\n  - STRIPE_API_KEY=sk-example-not-real-1234567890"),
      ],
      good: [
        composeFile("db", "environment:\n  POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n  POSTGRES_PASSWORD_FILE: /run/secrets/db_password", "postgres:16.3"),
        composeFile("api", "environment:\n  - STRIPE_API_KEY\n  - TOKEN_TTL=3600\n  - SESSION_SECRET_FILE=/run/secrets/session"),
      ],
    },
  },
  evaluate(s) {
    const out: Violation[] = [];
    for (const e of s.environment) {
      const v = e.value;
      if (!v?.known || v.value === undefined || !isSecretName(e.name)) continue;
      const value = v.value.trim();
      if (value === "" || value.startsWith("/run/secrets/")) continue;
      const shown = redactValue(value);
      out.push(
        fail(v, `${serviceLabel(s)} sets ${e.name} to a credential written in the Compose file`, {
          key: `environment ${e.name}`,
          snippet: e.style === "map" ? `${e.name}: ${shown}` : `- ${e.name}=${shown}`,
        }),
      );
    }
    return out;
  },
});
