// Which files the binary detectors ask for. `wants` sees only path, size and mode, and every file it
// accepts is read whole into memory, so it stays narrow: executables by their mode bits, archives by
// their extension, both within size bounds. Executables of any size can be streamed instead.

const MB = 1024 * 1024;

/** Smaller files cannot hold an executable with build information. */
export const MIN_EXECUTABLE_BYTES = 1024;
/**
 * Larger executables are not read whole: the scan's memory bound holds only if one file cannot take
 * most of it. (Some Go programs, terraform providers for one, are larger: they are streamed.)
 */
export const MAX_EXECUTABLE_BYTES = 256 * MB;
export const MAX_ARCHIVE_BYTES = 256 * MB;

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;

/** Trees of data and headers, where executables are scripts and examples, not installed programs. */
const SKIPPED_TREES = ["usr/share/", "usr/include/", "usr/src/", "proc/", "sys/", "dev/"];

/** A regular file with an execute bit, of a size an executable with build information can have. */
export function wantsExecutable(path: string, size: number, mode: number): boolean {
  return size <= MAX_EXECUTABLE_BYTES && wantsStreamedExecutable(path, size, mode);
}

/** The same files without the upper bound: a streamed file is never held whole. */
export function wantsStreamedExecutable(path: string, size: number, mode: number): boolean {
  if (size < MIN_EXECUTABLE_BYTES) return false;
  if ((mode & 0o111) === 0) return false;
  // Tar headers carry permission bits only; stat modes carry the type too.
  const type = mode & S_IFMT;
  if (type !== 0 && type !== S_IFREG) return false;
  return !SKIPPED_TREES.some((tree) => path.startsWith(tree));
}

/**
 * Java archive extensions: jar, web, enterprise, JBoss service and Jenkins plugin archives. Not .rar
 * (resource adapters) nor .kar: both names are far more often other formats, and each would be a warning.
 */
export const JAVA_ARCHIVE_EXTENSIONS = [".jar", ".war", ".ear", ".par", ".sar", ".jpi", ".hpi"];

export function isJavaArchiveName(name: string): boolean {
  const lower = name.toLowerCase();
  return JAVA_ARCHIVE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** The smallest zip (an empty end-of-central-directory record) is 22 bytes. */
export function wantsJavaArchive(path: string, size: number): boolean {
  return size >= 22 && size <= MAX_ARCHIVE_BYTES && isJavaArchiveName(path);
}
