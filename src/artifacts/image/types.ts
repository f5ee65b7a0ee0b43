// What every image source (docker-archive, OCI layout, root filesystem directory, registry) hands
// to the analysis driver: the config as read, and the layers as blobs to stream, bottom first.
import type { LayerInfo } from "../types.js";
import type { ImageLimits } from "./limits.js";

/** The OCI image config JSON as read (only the fields Mamori looks at are typed). */
export interface ImageConfig {
  architecture?: string;
  os?: string;
  variant?: string;
  config?: {
    User?: string;
    Env?: string[];
    Entrypoint?: string[];
    Cmd?: string[];
    ExposedPorts?: Record<string, object>;
    Healthcheck?: { Test?: string[] };
    Labels?: Record<string, string>;
    WorkingDir?: string;
    Volumes?: Record<string, object>;
  };
  history?: { created?: string; created_by?: string; empty_layer?: boolean; comment?: string }[];
  rootfs?: { type: string; diff_ids: string[] };
}

export interface ImageLayer {
  info: LayerInfo;
  mediaType?: string;
  /** Digest of the blob as stored (compressed or not), where the source names one; open() verifies it while streaming. */
  compressedDigest?: string;
  size?: number;
  /** The blob as stored (compressed or not). */
  open(): Promise<NodeJS.ReadableStream>;
}

export type ImageKind = "docker-archive" | "oci-layout" | "rootfs" | "registry";

export interface Image {
  /** What the user named: a path or a registry reference. */
  name: string;
  kind: ImageKind;
  /** Manifest digest or config digest, a stable identity ("rootfs:<real path>" for a directory). */
  id: string;
  repoTags: string[];
  config: ImageConfig;
  /** Bottom first. Empty for kind "rootfs". */
  layers: ImageLayer[];
  /** "os/arch[/variant]" from the config. */
  platform?: string;
  /** Kind "rootfs" only: the directory, which analyzeImage walks as one final filesystem. */
  root?: string;
  close(): Promise<void>;
}

export interface RegistryOptions {
  insecure?: boolean;
  caFile?: string;
  username?: string;
  password?: string;
  dockerConfig?: string;
}

export interface OpenImageOptions {
  /** "os/arch[/variant]", e.g. "linux/arm64/v8". */
  platform?: string;
  limits?: Partial<ImageLimits>;
  registry?: RegistryOptions;
  /** Non-fatal notes while opening (a registry's credential helper that is not run, ...). */
  warn?: (message: string) => void;
}

/** What src/artifacts/image/registry.ts exports (loaded on demand: most scans never touch a registry). */
export interface RegistryModule {
  openRegistryImage(ref: string, opts: RegistryOptions & { platform?: string }): Promise<Image>;
}
