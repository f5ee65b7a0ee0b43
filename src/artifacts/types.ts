// What image and filesystem sources hand to analyzers (STYLE.md §1): each file once, with the
// layer that added it, read only when an analyzer wants it.

export interface LayerInfo {
  /** 0-based position in the image, bottom first. */
  index: number;
  /** Digest of the uncompressed layer (diff id) where known, else of the blob: "sha256:...". */
  digest: string;
  /** The image history line that made the layer (e.g. "RUN apt-get install ..."), where known. */
  createdBy?: string;
}

export interface FileEntry {
  /** Normalized: relative to the filesystem root, "/"-separated, no leading "/", no "." or ".." parts. */
  path: string;
  size: number;
  /** Unix permission bits and type bits as in the tar header or stat. */
  mode: number;
  /** The layer that added this version of the file; absent for a plain directory scan. */
  layer?: LayerInfo;
  /**
   * Reads the content. Throws when the file is larger than maxBytes (default: the source's limit).
   * May be called once per analyzer; sources buffer a wanted file once and share it.
   */
  read(maxBytes?: number): Promise<Buffer>;
}

/** The OS of the scanned filesystem, from os-release and friends. */
export interface OsInfo {
  /** "debian", "ubuntu", "alpine", "rhel", "almalinux", "rocky", "centos", "fedora", "amzn", "sles", "opensuse-leap", "wolfi", "chainguard", "distroless"... (os-release ID) */
  family: string;
  /** VERSION_ID, e.g. "12", "22.04", "3.20.3". */
  version: string;
  /** e.g. "bookworm", "jammy". */
  codename?: string;
  prettyName?: string;
  /** OSV ecosystem for this OS's packages, e.g. "Debian:12", "Ubuntu:22.04", "Alpine:v3.20", "AlmaLinux:9"; undefined when OSV has none. */
  ecosystem?: string;
}

/** A whiteout seen in a layer: the path (and, for an opaque directory, everything under it) is deleted from lower layers. */
export interface Whiteout {
  path: string;
  opaque: boolean;
  layer: LayerInfo;
}
