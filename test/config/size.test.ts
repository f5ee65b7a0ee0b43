import { describe, expect, it } from "vitest";
import { parseSize } from "../../src/config/size.js";
import { InputError } from "../../src/core/errors.js";

describe("parseSize", () => {
  const ok: [string | number, number][] = [
    [1, 1],
    [4096, 4096],
    ["4096", 4096],
    ["10B", 10],
    ["512KB", 512 * 1024],
    ["512kb", 512 * 1024],
    ["512 KiB", 512 * 1024],
    ["10MB", 10 * 1024 ** 2],
    ["10M", 10 * 1024 ** 2],
    [" 1.5GB ", 1.5 * 1024 ** 3],
    ["2TiB", 2 * 1024 ** 4],
  ];
  it.each(ok)("%j -> %j", (input, bytes) => {
    expect(parseSize(input, "--max-file-size")).toBe(bytes);
  });

  const notASize = "--max-file-size: must be a number of bytes or a size such as 10MB or 512KB";
  const tooSmall = "--max-file-size: must be at least 1 byte";
  const bad: [string | number, string][] = [
    [0, tooSmall],
    [-1, tooSmall],
    ["0", tooSmall],
    ["0.1B", tooSmall],
    [1.5, notASize],
    ["", notASize],
    ["10XB", notASize],
    ["MB", notASize],
    ["-5MB", notASize],
    ["10 MB extra", notASize],
    ["999999999999999TB", "--max-file-size: too large"],
  ];
  it.each(bad)("%j is refused", (input, message) => {
    expect(() => parseSize(input, "--max-file-size")).toThrow(new InputError(message));
  });
});
