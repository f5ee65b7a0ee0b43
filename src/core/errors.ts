// One error type for everything a user can cause (STYLE.md §4). The CLI prints
// `error: <message>` and exits 2 for an InputError; any other error is a bug and exits 3.

export class InputError extends Error {
  readonly hint?: string;
  constructor(message: string, options?: { hint?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "InputError";
    if (options?.hint !== undefined) this.hint = options.hint;
  }
}

/** A capability that a later issue brings: reported as not there, never faked. */
export class NotAvailableError extends InputError {
  constructor(what: string, comesWith: string) {
    super(`${what} is not available yet: it comes with ${comesWith}`);
    this.name = "NotAvailableError";
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}

/** Turns a Node.js file-system error into one line naming the input. */
export function describeFsError(path: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return `${path}: no such file or directory`;
    case "EACCES":
    case "EPERM":
      return `${path}: permission denied`;
    case "EISDIR":
      return `${path}: is a directory`;
    case "ENOTDIR":
      return `${path}: not a directory`;
    case "ELOOP":
      return `${path}: too many levels of symbolic links`;
    case "EMFILE":
    case "ENFILE":
      return `${path}: too many open files`;
    default:
      return `${path}: ${(e as Error | undefined)?.message ?? String(e)}`;
  }
}
