// Bounds on everything an image can make Mamori do: images are hostile input, and each bound ends
// in a clear error or in a warning with a partial result, never in unbounded time or memory.

const MB = 1024 * 1024;
const GB = 1024 * MB;

export interface ImageLimits {
  /** Layers in one image; more is refused (Docker's own storage stops near 128). */
  maxLayers: number;
  /** Tar entries in one layer; the layer is read up to it and the result is partial. */
  maxEntriesPerLayer: number;
  /** Uncompressed bytes of one layer. */
  maxLayerBytes: number;
  /** Uncompressed bytes of all layers together; later layers are not read past it. */
  maxImageBytes: number;
  /** Uncompressed / compressed size of a layer (a decompression bomb), checked once `ratioGraceBytes` are out. */
  maxRatio: number;
  ratioGraceBytes: number;
  /** Largest file held in memory for the analyzers that want it; bigger wanted files are skipped with a warning. */
  maxFileSize: number;
  /** Longest entry path, in characters, and deepest, in parts; longer or deeper entries are skipped. */
  maxPathLength: number;
  maxPathDepth: number;
  /**
   * Largest zstd window decompressed without native zstd (Node.js < 22.15): the pure-JavaScript
   * decoder moves its whole window for every block, so its cost grows with the window.
   */
  maxZstdWindow: number;
  /** Manifests, indexes and configs are JSON read whole: this bounds each. */
  maxMetadataSize: number;
  /** Entries of an image archive (the outer tar of docker save or an OCI layout). */
  maxArchiveEntries: number;
  /** Warnings kept per scan; past it (or past 20 of one kind) they are counted, not listed. */
  maxWarnings: number;
}

export const DEFAULT_IMAGE_LIMITS: ImageLimits = {
  maxLayers: 1000,
  maxEntriesPerLayer: 1_000_000,
  maxLayerBytes: 32 * GB,
  maxImageBytes: 128 * GB,
  maxRatio: 100,
  ratioGraceBytes: 512 * MB,
  maxFileSize: 64 * MB,
  maxPathLength: 4096,
  maxPathDepth: 128,
  maxZstdWindow: 8 * MB,
  maxMetadataSize: 8 * MB,
  maxArchiveEntries: 200_000,
  maxWarnings: 1000,
};

export function imageLimits(overrides?: Partial<ImageLimits>): ImageLimits {
  const limits = { ...DEFAULT_IMAGE_LIMITS };
  for (const [k, v] of Object.entries(overrides ?? {})) if (typeof v === "number") limits[k as keyof ImageLimits] = v;
  return limits;
}
