import { describe, expect, it } from "vitest";
import { binaryAnalyzers } from "../../../src/packages/binary/index.js";
import { MAX_EXECUTABLE_BYTES, wantsExecutable, wantsStreamedExecutable } from "../../../src/packages/binary/wants.js";

const MB = 1024 * 1024;

// Every file an executable detector accepts is read whole: which ones it asks for, and why not the others.
const EXECUTABLES: [path: string, size: number, mode: number, wanted: boolean][] = [
  ["usr/local/bin/app", 20 * MB, 0o755, true],
  ["usr/bin/tool", 4 * MB, 0o100755, true], // stat mode with the regular-file type bits
  ["opt/app/server", 2 * MB, 0o700, true], // owner-executable only
  ["app", 2 * MB, 0o010, true], // group-executable only
  ["usr/bin/data", 2 * MB, 0o644, false], // not executable
  ["usr/bin/dir", 4096, 0o040755, false], // a directory
  ["usr/bin/link", 2 * MB, 0o120777, false], // a symbolic link
  ["usr/bin/tiny", 512, 0o755, false], // too small for an executable with build info
  ["usr/bin/huge", MAX_EXECUTABLE_BYTES + 1, 0o755, false], // past the memory bound
  ["usr/share/doc/x/examples/run", 2 * MB, 0o755, false],
  ["usr/include/x", 2 * MB, 0o755, false],
  ["proc/1/exe", 2 * MB, 0o755, false],
];

describe("which files the binary detectors read", () => {
  it.each(EXECUTABLES)("%s (%i bytes, mode %o): %s", (path, size, mode, wanted) => {
    expect(wantsExecutable(path, size, mode)).toBe(wanted);
    // Streamed, the same files and those past the memory bound.
    expect(wantsStreamedExecutable(path, size, mode)).toBe(wanted || path === "usr/bin/huge");
  });

  it("binaryAnalyzers: Go, cargo-auditable and Java, with stable distinct names", () => {
    expect(binaryAnalyzers.map((a) => [a.name, a.kind, a.version])).toEqual([
      ["go-binary", "packages", 2],
      ["cargo-auditable", "packages", 1],
      ["java-archive", "packages", 1],
    ]);
    // A jar is never read as an executable, an executable never as a jar.
    expect(binaryAnalyzers.map((a) => a.wants("opt/app.jar", 5 * MB, 0o644))).toEqual([false, false, true]);
    expect(binaryAnalyzers.map((a) => a.wants("usr/bin/app", 5 * MB, 0o755))).toEqual([true, true, false]);
  });
});
