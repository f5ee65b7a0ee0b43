// Every built-in check, in id order. Ids are public and permanent: a duplicate is a bug that
// must stop the program at load time, not surface as two findings with one id.
import { awsChecks } from "./aws/index.js";
import { azureChecks } from "./azure/index.js";
import { composeChecks } from "./compose/index.js";
import { dockerChecks } from "./docker/index.js";
import { imageChecks } from "./image/index.js";
import { gcpChecks } from "./gcp/index.js";
import { kubernetesChecks } from "./kubernetes/index.js";
import type { Check } from "./types.js";

function byId(checks: readonly Check[]): readonly Check[] {
  const sorted = [...checks].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]?.id === sorted[i - 1]?.id) throw new Error(`duplicate check id ${sorted[i]?.id}`);
  }
  return Object.freeze(sorted);
}

export const builtinChecks: readonly Check[] = byId([...dockerChecks, ...(imageChecks as readonly Check[]), ...kubernetesChecks, ...awsChecks, ...azureChecks, ...gcpChecks, ...composeChecks]);

const index = new Map(builtinChecks.map((c) => [c.id, c]));

export function checkById(id: string): Check | undefined {
  return index.get(id);
}

/** Exposed for tests of the duplicate guard. */
export const sortChecksById = byId;
