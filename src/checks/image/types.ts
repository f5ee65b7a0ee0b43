// Image checks run on the `image.Config` model. Their examples are OCI image configs (JSON text),
// given as `imageExamples` and published as the check's "image" examples.
import type { ImageConfigModel } from "../../adapters/image-config.js";
import { defineCheck } from "../define.js";
import type { Check } from "../types.js";

export interface ImageExamples {
  /** OCI image configs (JSON) on which the check must fire. */
  bad: string[];
  /** OCI image configs (JSON) on which it must stay quiet. */
  good: string[];
}

export type ImageCheck = Check<ImageConfigModel> & { imageExamples: ImageExamples };

/** Declares an image check; its examples must be there and be JSON objects, checked at load time. */
export function defineImageCheck(check: ImageCheck): ImageCheck {
  const { bad, good } = check.imageExamples;
  if (bad.length === 0 || good.length === 0) throw new Error(`image check ${check.id} needs bad and good image examples`);
  for (const text of [...bad, ...good]) {
    const v: unknown = JSON.parse(text);
    if (typeof v !== "object" || v === null || Array.isArray(v)) throw new Error(`image check ${check.id}: an example is not a JSON object`);
  }
  // The examples are the catalogue's too: under the "image" example format, which the generic
  // example test parses with the image-config adapter.
  return defineCheck({ ...check, examples: { ...check.examples, image: check.imageExamples } }) as ImageCheck;
}

/** An example image config as JSON text: `config` fields and `history` entries as builders write them. */
export function exampleConfig(c: { created?: string; config?: Record<string, unknown>; history?: object[]; layers?: number }): string {
  const layers = c.layers ?? (c.history ?? []).filter((h) => !(h as { empty_layer?: boolean }).empty_layer).length;
  return JSON.stringify({
    architecture: "amd64",
    os: "linux",
    ...(c.created !== undefined ? { created: c.created } : {}),
    config: c.config ?? {},
    rootfs: { type: "layers", diff_ids: Array.from({ length: layers }, (_, i) => `sha256:${String(i + 1).padStart(64, "0")}`) },
    history: c.history ?? [],
  });
}
