// Reading an SBOM someone else wrote (`mamori scan sbom`): CycloneDX or SPDX JSON, told apart by content.
import { InputError } from "../../core/errors.js";
import { readCycloneDx } from "./cyclonedx-read.js";
import { asObject, parseJsonDocument } from "./parse-json.js";
import { readSpdx } from "./spdx-read.js";
import type { SbomContent } from "./types.js";

export type { SbomContent, SbomDependency } from "./types.js";

/** Larger documents are refused before they are read: the caller checks the file size against this. */
export const MAX_SBOM_BYTES = 256 * 1024 * 1024;

export function readSbom(text: string, label: string): SbomContent {
  if (text.length > MAX_SBOM_BYTES) throw new InputError(`${label}: larger than 256 MB, the most an SBOM may be`);
  const doc = asObject(parseJsonDocument(text, label));
  if (doc?.bomFormat === "CycloneDX") return readCycloneDx(doc, label);
  if (doc && typeof doc.spdxVersion === "string") return readSpdx(doc, label);
  if (doc && isSpdx3(doc["@context"])) {
    throw new InputError(`${label}: SPDX 3 (JSON-LD) is not supported; SPDX 2.2 and 2.3 JSON are`);
  }
  throw new InputError(`${label}: not a CycloneDX (1.4–1.6) or SPDX (2.2–2.3) JSON document`);
}

function isSpdx3(context: unknown): boolean {
  const contexts = Array.isArray(context) ? context : [context];
  return contexts.some((c) => typeof c === "string" && c.startsWith("https://spdx.org/rdf/3"));
}
