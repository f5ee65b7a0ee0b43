// Mach-O segments and sections (thin 32- and 64-bit files, either byte order), from the load
// commands LC_SEGMENT and LC_SEGMENT_64 of <mach-o/loader.h>. Universal ("fat") files are not
// parsed: their magic is shared with Java class files, and Go's build info is still found in them
// by its magic.
import { ByteReader, MalformedBinary } from "./bytes.js";
import type { Executable, Region } from "./executable.js";

const LC_SEGMENT = 0x1;
const LC_SEGMENT_64 = 0x19;
const VM_PROT_WRITE = 0x2;
const VM_PROT_EXECUTE = 0x4;
/** Section types (low byte of flags) with no bytes in the file. */
const ZEROFILL_TYPES = new Set([0x1, 0xc, 0x12]);
const MAX_COMMANDS = 65_536;

/** Offsets inside a segment command and a section header. */
const LAYOUT = {
  32: { header: 28, seg: { vmaddr: 24, fileoff: 32, filesize: 36, maxprot: 40, initprot: 44, nsects: 48, sections: 56 },
    sect: { size: 68, addr: 32, bytes: 36, offset: 40, flags: 56 } },
  64: { header: 32, seg: { vmaddr: 24, fileoff: 40, filesize: 48, maxprot: 56, initprot: 60, nsects: 64, sections: 72 },
    sect: { size: 80, addr: 32, bytes: 40, offset: 48, flags: 64 } },
} as const;

export function parseMachO(buf: Buffer): Omit<Executable, "format"> {
  if (buf.length < 28) throw new MalformedBinary("shorter than the Mach-O header");
  const magicLe = buf.readUInt32LE(0);
  const littleEndian = magicLe === 0xfeedface || magicLe === 0xfeedfacf;
  const bits = magicLe === 0xfeedfacf || magicLe === 0xcffaedfe ? 64 : 32;
  const r = new ByteReader(buf, littleEndian);
  const L = LAYOUT[bits];
  const ncmds = r.u32(16, "ncmds");
  const sizeofcmds = r.u32(20, "sizeofcmds");
  if (ncmds > MAX_COMMANDS) throw new MalformedBinary(`${ncmds} load commands (at most ${MAX_COMMANDS} are read)`);
  if (!r.contains(L.header, sizeofcmds)) throw new MalformedBinary("the load commands lie past the end of the file (truncated?)");
  const end = L.header + sizeofcmds;

  const sections: Region[] = [];
  const segments: Region[] = [];
  let at = L.header;
  for (let i = 0; i < ncmds; i++) {
    if (at + 8 > end) throw new MalformedBinary(`load command ${i} lies past the end of the load commands`);
    const cmd = r.u32(at, "cmd");
    const cmdsize = r.u32(at + 4, "cmdsize");
    if (cmdsize < 8 || at + cmdsize > end) throw new MalformedBinary(`load command ${i} has a bad size ${cmdsize}`);
    if (cmd === (bits === 64 ? LC_SEGMENT_64 : LC_SEGMENT)) {
      const S = L.seg;
      const segname = r.fixedName(at + 8, 16, "segname");
      const initprot = r.u32(at + S.initprot, "initprot");
      const maxprot = r.u32(at + S.maxprot, "maxprot");
      segments.push({
        name: segname,
        addr: r.word(at + S.vmaddr, bits, "vmaddr"),
        offset: r.word(at + S.fileoff, bits, "fileoff"),
        size: r.word(at + S.filesize, bits, "filesize"),
        writable: (initprot & VM_PROT_WRITE) !== 0,
        executable: (initprot & VM_PROT_EXECUTE) !== 0,
        flags: (initprot & 0xff) | ((maxprot & 0xff) << 8),
      });
      const nsects = r.u32(at + S.nsects, "nsects");
      if (S.sections + nsects * L.sect.size > cmdsize) throw new MalformedBinary(`segment ${segname} declares ${nsects} sections that do not fit its command`);
      for (let k = 0; k < nsects; k++) {
        const s = at + S.sections + k * L.sect.size;
        const flags = r.u32(s + L.sect.flags, "section flags");
        sections.push({
          name: `${r.fixedName(s + 16, 16, "segname")},${r.fixedName(s, 16, "sectname")}`,
          addr: r.word(s + L.sect.addr, bits, "addr"),
          offset: r.u32(s + L.sect.offset, "offset"),
          size: ZEROFILL_TYPES.has(flags & 0xff) ? 0 : r.word(s + L.sect.bytes, bits, "size"),
          writable: (initprot & VM_PROT_WRITE) !== 0,
          executable: (initprot & VM_PROT_EXECUTE) !== 0,
          flags,
        });
      }
    }
    at += cmdsize;
  }
  return { bits, littleEndian, sections, segments };
}
