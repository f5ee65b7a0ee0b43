import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors.js";
import { cargoAuditableAnalyzer, cargoAuditablePackages } from "../../../src/packages/binary/cargo-auditable.js";
import { auditableSection, buildElf, buildMachO, buildPe, fileEntry } from "./fixtures.js";

// A dependency tree as cargo-auditable writes it (format 1): the root, a runtime dependency tree, a
// proc-macro recorded as a build dependency, a git and a local crate, another registry's crate.
const TREE = {
  format: 1,
  packages: [
    { name: "ripgrep", version: "14.1.0", source: "crates.io", dependencies: [1, 2, 3, 4, 5, 6], root: true },
    { name: "regex", version: "1.10.2", source: "crates.io", dependencies: [2] },
    { name: "memchr", version: "2.7.1", source: "crates.io" },
    { name: "serde_derive", version: "1.0.195", source: "crates.io", kind: "build" },
    { name: "patched", version: "0.1.0", source: "git" },
    { name: "workspace-helper", version: "0.1.0", source: "local" },
    { name: "serde", version: "1.0.195", source: "registry" },
  ],
};

const EXPECTED = [
  { name: "ripgrep", version: "14.1.0", purl: "pkg:cargo/ripgrep@14.1.0" },
  { name: "regex", version: "1.10.2", purl: "pkg:cargo/regex@1.10.2" },
  { name: "memchr", version: "2.7.1", purl: "pkg:cargo/memchr@2.7.1" },
];

const data = auditableSection(TREE);
const text = { name: ".text", data: Buffer.alloc(64, 0x90), addr: 0x401000, writable: false };

const FIXTURES: [string, Buffer][] = [
  ["ELF64 .dep-v0", buildElf({ sections: [text, { name: ".dep-v0", data, writable: false }], minSize: 2048 })],
  ["ELF32 big-endian .dep-v0", buildElf({ bits: 32, littleEndian: false, sections: [{ name: ".dep-v0", data }] })],
  ["Mach-O __DATA,.dep-v0", buildMachO([{ name: "__TEXT,__text", data: Buffer.alloc(32), addr: 0x100000000, writable: false }, { name: "__DATA,.dep-v0", data, addr: 0x100004000 }])],
  ["PE .dep-v0", buildPe([{ name: ".text", data: Buffer.alloc(32), writable: false }, { name: ".dep-v0", data, writable: false }])],
];

describe("cargo-auditable dependency trees", () => {
  it("keeps the edges between reported crates for the SBOM", () => {
    const buf = FIXTURES[0]![1];
    const packages = cargoAuditablePackages(fileEntry("usr/bin/rg", buf), buf) ?? [];
    const edges = Object.fromEntries(packages.map((p) => [p.name, p.dependsOn ?? []]));
    // Build-only, git, local and other-registry crates are not packages, so no edge points at them.
    expect(edges).toEqual({ ripgrep: ["pkg:cargo/regex@1.10.2", "pkg:cargo/memchr@2.7.1"], regex: ["pkg:cargo/memchr@2.7.1"], memchr: [] });
  });

  it.each(FIXTURES)("%s: crates.io runtime crates, the root included", (_, buf) => {
    const packages = cargoAuditablePackages(fileEntry("usr/bin/rg", buf), buf);
    expect(packages?.map(({ name, version, purl }) => ({ name, version, purl }))).toEqual(EXPECTED);
    for (const p of packages ?? []) expect(p).toMatchObject({ ecosystem: "crates.io", path: "usr/bin/rg" });
  });

  it("the analyzer wants executables and reports their crates", async () => {
    const buf = FIXTURES[0]![1];
    expect(cargoAuditableAnalyzer.wants("usr/bin/rg", buf.length, 0o100755)).toBe(true);
    expect(cargoAuditableAnalyzer.wants("usr/bin/rg", buf.length, 0o100644)).toBe(false);
    const out = await cargoAuditableAnalyzer.analyze(fileEntry("usr/bin/rg", buf), { source: "t" });
    expect(out?.packages).toHaveLength(3);
  });

  it("an executable without the section, and a script, give nothing", () => {
    const plain = buildElf({ sections: [text] });
    expect(cargoAuditablePackages(fileEntry("a", plain), plain)).toBeUndefined();
    const script = Buffer.from("#!/bin/sh\n");
    expect(cargoAuditablePackages(fileEntry("b", script), script)).toBeUndefined();
  });

  const elfWith = (section: Buffer): Buffer => buildElf({ sections: [{ name: ".dep-v0", data: section }] });
  it.each([
    ["not zlib", elfWith(Buffer.from("plain text")), /usr\/bin\/x: cargo-auditable section is not zlib data/],
    ["a zlib bomb", elfWith(deflateSync(Buffer.alloc(64 * 1024 * 1024, 0x20))), /usr\/bin\/x: cargo-auditable section inflates to more than 16777216 bytes/],
    ["not JSON", elfWith(deflateSync(Buffer.from("{nope"))), /usr\/bin\/x: cargo-auditable section is not valid JSON/],
    ["JSON without packages", elfWith(auditableSection({ crates: [] })), /usr\/bin\/x: cargo-auditable data has no "packages" array/],
    ["JSON null", elfWith(auditableSection(null)), /no "packages" array/],
  ])("%s is an InputError naming the file", (_, buf, message) => {
    expect(() => cargoAuditablePackages(fileEntry("usr/bin/x", buf), buf)).toThrow(InputError);
    expect(() => cargoAuditablePackages(fileEntry("usr/bin/x", buf), buf)).toThrow(message);
  });

  it("entries that are not crates are skipped, the others kept", () => {
    const buf = elfWith(
      auditableSection({
        packages: [
          null,
          { name: 42, version: "1.0.0", source: "crates.io" },
          { name: "bad name", version: "1.0.0", source: "crates.io" },
          { name: "noversion", version: "", source: "crates.io" },
          { name: "oddversion", version: "v1", source: "crates.io" },
          { name: "other", version: "1.0.0", source: { Other: "x" } },
          { name: "ok", version: "0.3.0-alpha.1", source: "crates.io" },
          { name: "ok", version: "0.3.0-alpha.1", source: "crates.io" },
        ],
      }),
    );
    expect(cargoAuditablePackages(fileEntry("x", buf), buf)?.map((p) => `${p.name}@${p.version}`)).toEqual(["ok@0.3.0-alpha.1"]);
  });
});
