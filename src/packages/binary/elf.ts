// ELF section and program headers (32 and 64 bit, either byte order): the layout is the System V
// gABI's. Sections give names (".go.buildinfo", ".dep-v0"); PT_LOAD segments map addresses to the file.
import { ByteReader, MalformedBinary, cString } from "./bytes.js";
import type { Executable, Region } from "./executable.js";

/** Field offsets that differ between ELF32 and ELF64. */
const LAYOUT = {
  32: {
    phoff: 0x1c, shoff: 0x20, phentsize: 0x2a, phnum: 0x2c, shentsize: 0x2e, shnum: 0x30, shstrndx: 0x32,
    sh: { size: 40, name: 0, type: 4, flags: 8, addr: 12, offset: 16, bytes: 20, link: 24 },
    ph: { size: 32, type: 0, flags: 24, offset: 4, vaddr: 8, filesz: 16 },
  },
  64: {
    phoff: 0x20, shoff: 0x28, phentsize: 0x36, phnum: 0x38, shentsize: 0x3a, shnum: 0x3c, shstrndx: 0x3e,
    sh: { size: 64, name: 0, type: 4, flags: 8, addr: 16, offset: 24, bytes: 32, link: 40 },
    ph: { size: 56, type: 0, flags: 4, offset: 8, vaddr: 16, filesz: 32 },
  },
} as const;

const SHT_NOBITS = 8;
const SHF_WRITE = 0x1;
const SHF_EXECINSTR = 0x4;
const PT_LOAD = 1;
const PF_X = 0x1;
const PF_W = 0x2;
/** e_shnum/e_shstrndx escape values: the real number is in section 0. */
const SHN_XINDEX = 0xffff;
/** More than any real executable has; a header claiming more is refused rather than walked. */
const MAX_HEADERS = 65_536;

export function parseElf(buf: Buffer): Omit<Executable, "format"> {
  if (buf.length < 16) throw new MalformedBinary("shorter than the ELF identification");
  const cls = buf[4];
  const data = buf[5];
  if (cls !== 1 && cls !== 2) throw new MalformedBinary(`unknown ELF class ${cls}`);
  if (data !== 1 && data !== 2) throw new MalformedBinary(`unknown ELF data encoding ${data}`);
  const bits = cls === 1 ? 32 : 64;
  const r = new ByteReader(buf, data === 1);
  const L = LAYOUT[bits];

  const shoff = r.word(L.shoff, bits, "e_shoff");
  const shentsize = r.u16(L.shentsize, "e_shentsize");
  let shnum = r.u16(L.shnum, "e_shnum");
  let shstrndx = r.u16(L.shstrndx, "e_shstrndx");
  if (shoff !== 0 && (shnum === 0 || shstrndx === SHN_XINDEX)) {
    // Section 0 holds the counts that do not fit the header's 16-bit fields.
    if (shentsize < L.sh.size) throw new MalformedBinary(`section header size ${shentsize} is too small`);
    if (shnum === 0) shnum = r.word(shoff + L.sh.bytes, bits, "section 0 size");
    if (shstrndx === SHN_XINDEX) shstrndx = r.u32(shoff + L.sh.link, "section 0 link");
  }

  const sections: Region[] = [];
  if (shoff !== 0 && shnum > 0) {
    if (shentsize < L.sh.size) throw new MalformedBinary(`section header size ${shentsize} is too small`);
    if (shnum > MAX_HEADERS) throw new MalformedBinary(`${shnum} section headers (at most ${MAX_HEADERS} are read)`);
    if (!r.contains(shoff, shnum * shentsize)) throw new MalformedBinary(`the section header table lies past the end of the file (truncated?)`);
    const raw = [];
    for (let i = 0; i < shnum; i++) {
      const at = shoff + i * shentsize;
      raw.push({
        nameOffset: r.u32(at + L.sh.name, "sh_name"),
        type: r.u32(at + L.sh.type, "sh_type"),
        flags: r.word(at + L.sh.flags, bits, "sh_flags"),
        addr: r.word(at + L.sh.addr, bits, "sh_addr"),
        offset: r.word(at + L.sh.offset, bits, "sh_offset"),
        size: r.word(at + L.sh.bytes, bits, "sh_size"),
      });
    }
    const strtab = raw[shstrndx];
    const names = strtab !== undefined && strtab.type !== SHT_NOBITS && r.contains(strtab.offset, strtab.size)
      ? buf.subarray(strtab.offset, strtab.offset + strtab.size)
      : undefined;
    for (const s of raw) {
      const flags = Number.isFinite(s.flags) ? s.flags : 0;
      sections.push({
        name: (names && cString(names, s.nameOffset)) ?? "",
        addr: s.addr,
        offset: s.offset,
        size: s.type === SHT_NOBITS ? 0 : s.size,
        writable: (flags & SHF_WRITE) !== 0,
        executable: (flags & SHF_EXECINSTR) !== 0,
        flags,
      });
    }
  }

  const segments: Region[] = [];
  const phoff = r.word(L.phoff, bits, "e_phoff");
  const phentsize = r.u16(L.phentsize, "e_phentsize");
  const phnum = r.u16(L.phnum, "e_phnum");
  if (phoff !== 0 && phnum > 0) {
    if (phentsize < L.ph.size) throw new MalformedBinary(`program header size ${phentsize} is too small`);
    if (!r.contains(phoff, phnum * phentsize)) throw new MalformedBinary(`the program header table lies past the end of the file (truncated?)`);
    for (let i = 0; i < phnum; i++) {
      const at = phoff + i * phentsize;
      if (r.u32(at + L.ph.type, "p_type") !== PT_LOAD) continue;
      const flags = r.u32(at + L.ph.flags, "p_flags");
      segments.push({
        name: "PT_LOAD",
        addr: r.word(at + L.ph.vaddr, bits, "p_vaddr"),
        offset: r.word(at + L.ph.offset, bits, "p_offset"),
        size: r.word(at + L.ph.filesz, bits, "p_filesz"),
        writable: (flags & PF_W) !== 0,
        executable: (flags & PF_X) !== 0,
        flags,
      });
    }
  }
  return { bits, littleEndian: data === 1, sections, segments };
}
