// Executables as the binary package detectors need them: named sections and address-to-file
// mappings, for ELF, Mach-O and PE alike. Only headers are parsed, each count and offset checked
// against the file; code is never run or disassembled.
import { InputError } from "../../core/errors.js";
import { MalformedBinary } from "./bytes.js";
import { parseElf } from "./elf.js";
import { parseMachO } from "./macho.js";
import { parsePe } from "./pe.js";

export type ExecutableFormat = "elf" | "macho" | "pe";

/** A section or a loadable segment. */
export interface Region {
  /** ".go.buildinfo", ".dep-v0" (ELF, PE); "__DATA,__go_buildinfo" (Mach-O: segment,section); segments: their type or name. */
  name: string;
  /** Virtual address; Infinity when unknown or beyond 2^53. */
  addr: number;
  /** The bytes in the file: offset and size (0 for a section with no file content, such as .bss). */
  offset: number;
  size: number;
  writable: boolean;
  executable: boolean;
  /** The format's own flags: ELF sh_flags or p_flags, Mach-O initprot | maxprot << 8, PE characteristics. */
  flags: number;
}

export interface Executable {
  format: ExecutableFormat;
  bits: 32 | 64;
  littleEndian: boolean;
  sections: Region[];
  /** Where addresses map to file bytes: ELF PT_LOAD segments, Mach-O segments, PE sections. */
  segments: Region[];
}

/** The format from the first bytes, or undefined for anything else (scripts, data, fat Mach-O). */
export function executableFormat(buf: Buffer): ExecutableFormat | undefined {
  if (buf.length < 4) return undefined;
  if (buf[0] === 0x7f && buf[1] === 0x45 && buf[2] === 0x4c && buf[3] === 0x46) return "elf";
  if (buf[0] === 0x4d && buf[1] === 0x5a) return "pe";
  const le = buf.readUInt32LE(0);
  if (le === 0xfeedface || le === 0xfeedfacf || le === 0xcefaedfe || le === 0xcffaedfe) return "macho";
  return undefined;
}

const PARSERS: Record<ExecutableFormat, { label: string; parse: (buf: Buffer) => Omit<Executable, "format"> }> = {
  elf: { label: "ELF", parse: parseElf },
  macho: { label: "Mach-O", parse: parseMachO },
  pe: { label: "PE", parse: parsePe },
};

/**
 * The headers of an executable, or undefined when the file is not one. An executable whose headers
 * contradict the file (truncated, lying counts or offsets) is an InputError naming the file.
 */
export function parseExecutable(buf: Buffer, label: string): Executable | undefined {
  const format = executableFormat(buf);
  if (format === undefined) return undefined;
  const parser = PARSERS[format];
  try {
    return { format, ...parser.parse(buf) };
  } catch (e) {
    if (e instanceof MalformedBinary) throw new InputError(`${label}: malformed ${parser.label} executable: ${e.message}`, { cause: e });
    throw e;
  }
}

/** A section's bytes by name, undefined when there is no such section; a section past the end of the file is an InputError. */
export function sectionBytes(buf: Buffer, exe: Executable, name: string, label: string): Buffer | undefined {
  const section = exe.sections.find((s) => s.name === name);
  if (section === undefined) return undefined;
  return regionBytes(buf, exe, section, label);
}

export function regionBytes(buf: Buffer, exe: Executable, region: Region, label: string): Buffer {
  if (!Number.isSafeInteger(region.offset) || !Number.isSafeInteger(region.size) || region.offset + region.size > buf.length) {
    throw new InputError(`${label}: ${PARSERS[exe.format].label} section ${region.name} lies past the end of the file (truncated?)`);
  }
  return buf.subarray(region.offset, region.offset + region.size);
}

/**
 * The file bytes at a virtual address: at most `size`, fewer where the mapping ends; undefined when
 * no segment maps the address to bytes inside the file.
 */
export function readAddress(buf: Buffer, exe: Executable, addr: number, size: number): Buffer | undefined {
  if (!Number.isSafeInteger(addr)) return undefined;
  for (const seg of exe.segments) {
    if (seg.size === 0 || addr < seg.addr || addr >= seg.addr + seg.size) continue;
    const start = seg.offset + (addr - seg.addr);
    const end = Math.min(seg.offset + seg.size, start + size, buf.length);
    if (!Number.isSafeInteger(start) || start >= end) return undefined;
    return buf.subarray(start, end);
  }
  return undefined;
}
