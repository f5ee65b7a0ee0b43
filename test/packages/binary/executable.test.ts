import { existsSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors.js";
import { executableFormat, parseExecutable, readAddress, sectionBytes } from "../../../src/packages/binary/executable.js";
import { buildElf, buildMachO, buildPe } from "./fixtures.js";

const payload = Buffer.from("section payload \x00\x01\x02", "latin1");
const other = Buffer.from("another one");

const WELL_FORMED: { label: string; buf: Buffer; format: string; bits: number; name: string; addr: number }[] = [
  {
    label: "ELF64 little-endian",
    buf: buildElf({ sections: [{ name: ".text", data: other, addr: 0x401000, writable: false }, { name: ".dep-v0", data: payload, addr: 0x500000 }] }),
    format: "elf", bits: 64, name: ".dep-v0", addr: 0x500000,
  },
  {
    label: "ELF32 big-endian",
    buf: buildElf({ bits: 32, littleEndian: false, sections: [{ name: ".go.buildinfo", data: payload, addr: 0x10000 }, { name: ".data", data: other, addr: 0x20000 }] }),
    format: "elf", bits: 32, name: ".go.buildinfo", addr: 0x10000,
  },
  {
    label: "ELF32 little-endian",
    buf: buildElf({ bits: 32, sections: [{ name: ".rodata", data: payload, addr: 0x8000 }] }),
    format: "elf", bits: 32, name: ".rodata", addr: 0x8000,
  },
  {
    label: "ELF64 big-endian",
    buf: buildElf({ littleEndian: false, sections: [{ name: ".data", data: payload, addr: 0x1000000 }] }),
    format: "elf", bits: 64, name: ".data", addr: 0x1000000,
  },
  {
    label: "Mach-O 64",
    buf: buildMachO([{ name: "__TEXT,__text", data: other, addr: 0x100000000, writable: false }, { name: "__DATA,.dep-v0", data: payload, addr: 0x100004000 }]),
    format: "macho", bits: 64, name: "__DATA,.dep-v0", addr: 0x100004000,
  },
  {
    label: "PE32+",
    buf: buildPe([{ name: ".text", data: other, addr: 0x1000, writable: false }, { name: ".dep-v0", data: payload, addr: 0x2000 }]),
    format: "pe", bits: 64, name: ".dep-v0", addr: 0x140000000 + 0x2000,
  },
];

describe("executable headers", () => {
  it.each(WELL_FORMED)("$label: sections by name and addresses to bytes", ({ buf, format, bits, name, addr }) => {
    const exe = parseExecutable(buf, "f");
    expect(exe?.format).toBe(format);
    expect(exe?.bits).toBe(bits);
    expect(sectionBytes(buf, exe!, name, "f")).toEqual(payload);
    expect(sectionBytes(buf, exe!, ".nothing", "f")).toBeUndefined();
    expect(readAddress(buf, exe!, addr + 8, 6)?.toString("latin1")).toBe("payloa");
    // A read past the segment's end is cut at the end, never into the next bytes of the file.
    expect(readAddress(buf, exe!, addr + payload.length - 2, 100)?.length).toBe(2);
    expect(readAddress(buf, exe!, 0x7, 4)).toBeUndefined();
  });

  it.each([
    ["a shell script", Buffer.from("#!/bin/sh\necho hi\n")],
    ["empty", Buffer.alloc(0)],
    ["a Java class file (0xcafebabe)", Buffer.from("cafebabe00000034", "hex")],
    ["random bytes", Buffer.from("0123456789abcdef0123456789")],
  ])("%s is not an executable", (_, buf) => {
    expect(executableFormat(buf)).toBeUndefined();
    expect(parseExecutable(buf, "f")).toBeUndefined();
  });

  it("reads the sections of a real executable of this machine", () => {
    if (!existsSync("/bin/ls")) return;
    const buf = readFileSync("/bin/ls");
    const exe = parseExecutable(buf, "/bin/ls");
    expect(exe?.format).toBe("elf");
    expect(exe?.sections.map((s) => s.name)).toEqual(expect.arrayContaining([".text", ".data", ".shstrtab"]));
    expect(exe?.segments.some((s) => s.executable)).toBe(true);
  });
});

describe("malformed executables: one clear InputError, never a crash", () => {
  const elf = WELL_FORMED[0]!.buf;
  const lying = (edit: (b: Buffer) => void): Buffer => {
    const b = Buffer.from(elf);
    edit(b);
    return b;
  };
  const CASES: [string, Buffer, RegExp][] = [
    ["truncated before the section headers", elf.subarray(0, elf.length - 100), /malformed ELF executable: the section header table lies past the end of the file \(truncated\?\)/],
    ["truncated inside the identification", elf.subarray(0, 10), /malformed ELF executable: shorter than the ELF identification/],
    ["an unknown class", lying((b) => (b[4] = 9)), /unknown ELF class 9/],
    ["65535 section headers in a small file", lying((b) => b.writeUInt16LE(0xfffe, 0x3c)), /section header table lies past the end/],
    ["a section header offset of 2^60", lying((b) => b.writeBigUInt64LE(1n << 60n, 0x28)), /lies past the end/],
    ["a tiny section header size", lying((b) => b.writeUInt16LE(8, 0x3a)), /section header size 8 is too small/],
    ["program headers past the end", lying((b) => b.writeBigUInt64LE(BigInt(elf.length - 10), 0x20)), /program header table lies past the end/],
    ["a Mach-O with more load commands than bytes", lying((b) => { b.fill(0); b.writeUInt32LE(0xfeedfacf, 0); b.writeUInt32LE(5, 16); b.writeUInt32LE(16, 20); }), /malformed Mach-O executable: load command 0 has a bad size 0/],
    ["a PE without a PE signature", lying((b) => { b.fill(0); b.write("MZ"); b.writeUInt32LE(0x40, 0x3c); }), /malformed PE executable: no PE signature/],
    ["a PE whose header points past the end", lying((b) => { b.fill(0); b.write("MZ"); b.writeUInt32LE(0xffffff, 0x3c); }), /malformed PE executable: PE signature at offset 16777215 lies past the end/],
  ];
  it.each(CASES)("%s", (_, buf, message) => {
    expect(() => parseExecutable(buf, "usr/bin/tool")).toThrow(InputError);
    expect(() => parseExecutable(buf, "usr/bin/tool")).toThrow(message);
    expect(() => parseExecutable(buf, "usr/bin/tool")).toThrow(/^usr\/bin\/tool: /);
  });

  it("a section lying past the end of the file is refused when read", () => {
    const buf = lying((b) => {
      // .dep-v0 is section 2; its sh_size grows past the file.
      const shoff = Number(b.readBigUInt64LE(0x28));
      b.writeBigUInt64LE(BigInt(elf.length * 2), shoff + 2 * 64 + 32);
    });
    const exe = parseExecutable(buf, "tool")!;
    expect(() => sectionBytes(buf, exe, ".dep-v0", "tool")).toThrow(/tool: ELF section .dep-v0 lies past the end of the file/);
  });

  it("any corruption of any format ends in a result or an InputError, quickly", () => {
    const seeds = WELL_FORMED.map((w) => w.buf);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: seeds.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        (which, flips, cut) => {
          const seed = seeds[which]!;
          const b = Buffer.from(seed.subarray(0, Math.max(4, seed.length - (cut % 64))));
          // Keep the magic so the parsers, not the format check, meet the damage.
          for (const [at, v] of flips) b[4 + (at % (b.length - 4))] = v;
          try {
            const exe = parseExecutable(b, "f");
            for (const s of exe?.sections ?? []) {
              try {
                sectionBytes(b, exe!, s.name, "f");
              } catch (e) {
                if (!(e instanceof InputError)) throw e;
              }
              readAddress(b, exe!, s.addr, 64);
            }
          } catch (e) {
            if (!(e instanceof InputError)) throw e;
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
