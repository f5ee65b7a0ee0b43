// What `wants` may judge from a file's mode without I/O.

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;

/** Tar headers often carry permission bits only: only type bits that say "not a file" rule one out. */
export function isLinkOrDirectory(mode: number): boolean {
  const type = mode & S_IFMT;
  return type === S_IFLNK || type === S_IFDIR;
}
