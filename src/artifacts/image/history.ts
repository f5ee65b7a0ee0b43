// Which Dockerfile line made which layer: the config's history has one line per instruction, and
// the lines that made no layer are flagged empty_layer. The rest pair with the layers in order.
import type { LayerInfo } from "../types.js";
import type { ImageConfig } from "./types.js";

/** How builders write instructions in history, and how a Dockerfile says them. */
const PREFIXES: readonly { prefix: string; replace: string }[] = [
  { prefix: "RUN /bin/sh -c ", replace: "RUN " }, // BuildKit, RUN in shell form
  { prefix: "/bin/sh -c #(nop) ", replace: "" }, // classic builder, metadata instructions and COPY/ADD
  { prefix: "/bin/sh -c ", replace: "RUN " }, // classic builder, RUN
  { prefix: "|", replace: "RUN |" }, // classic builder, RUN with build arguments ("|1 ARG=x /bin/sh -c ...")
];

export function instructionOf(createdBy: string): string {
  let line = createdBy.trim();
  if (line.endsWith(" # buildkit")) line = line.slice(0, -" # buildkit".length);
  for (const p of PREFIXES) if (line.startsWith(p.prefix)) return (p.replace + line.slice(p.prefix.length)).trim();
  return line;
}

/**
 * LayerInfo for each layer, bottom first. `blobDigests` are the digests the manifest gives the
 * layers (undefined where it gives none); the config's diff ids win where they are all there.
 * History is paired from the top down: when it has fewer lines than layers (squashed or imported
 * base layers), the lines that are there belong to the layers built last.
 */
export function layerInfos(config: ImageConfig, blobDigests: readonly (string | undefined)[]): LayerInfo[] {
  const diffIds = config.rootfs?.diff_ids;
  const useDiffIds = Array.isArray(diffIds) && diffIds.length === blobDigests.length;
  const lines = (config.history ?? []).filter((h) => h && !h.empty_layer);
  const shift = blobDigests.length - lines.length;
  return blobDigests.map((blob, index) => {
    const info: LayerInfo = { index, digest: (useDiffIds ? diffIds[index] : blob) ?? `unknown:${index}` };
    const createdBy = lines[index - shift]?.created_by;
    if (typeof createdBy === "string" && createdBy.trim()) info.createdBy = instructionOf(createdBy);
    return info;
  });
}

export function platformOf(config: ImageConfig): string | undefined {
  if (!config.os || !config.architecture) return undefined;
  return [config.os, config.architecture, config.variant].filter(Boolean).join("/");
}
