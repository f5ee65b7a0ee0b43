// Sizes as people write them in settings and flags: 10MB, 512KB, 1.5GiB, or a plain byte count.
import { InputError } from "../core/errors.js";
import { SIZE_PATTERN } from "./schema.js";

const UNIT_BYTES: Record<string, number> = { "": 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };
const SIZE = new RegExp(SIZE_PATTERN);
export const SIZE_HINT = "a number of bytes or a size such as 10MB or 512KB";

/** Bytes for a size string or a byte count; InputError naming `optionName` when it is not one. */
export function parseSize(value: string | number, optionName: string): number {
  let bytes: number;
  if (typeof value === "number") {
    if (!Number.isInteger(value)) throw new InputError(`${optionName}: must be ${SIZE_HINT}`);
    bytes = value;
  } else {
    const s = value.trim();
    if (!SIZE.test(s)) throw new InputError(`${optionName}: must be ${SIZE_HINT}`);
    const number = /^[0-9.]+/.exec(s)?.[0] ?? "";
    const unit = s.slice(number.length).trim().charAt(0).toLowerCase();
    bytes = Math.floor(Number(number) * (UNIT_BYTES[unit] ?? Number.NaN));
  }
  if (!(bytes >= 1)) throw new InputError(`${optionName}: must be at least 1 byte`);
  if (!Number.isSafeInteger(bytes)) throw new InputError(`${optionName}: too large`);
  return bytes;
}
