// PE/COFF sections (PE32 and PE32+), from the section table after the optional header. Long
// section names ("/123", an offset into the COFF string table) are kept as written: the names the
// detectors look for fit in eight bytes.
import { ByteReader, MalformedBinary } from "./bytes.js";
import type { Executable, Region } from "./executable.js";

const PE_SIGNATURE = 0x00004550; // "PE\0\0"
const OPTIONAL_PE32 = 0x10b;
const OPTIONAL_PE32_PLUS = 0x20b;
const IMAGE_SCN_MEM_EXECUTE = 0x20000000;
const IMAGE_SCN_MEM_WRITE = 0x80000000;
const SECTION_HEADER_SIZE = 40;

export function parsePe(buf: Buffer): Omit<Executable, "format"> {
  const r = new ByteReader(buf, true);
  const pe = r.u32(0x3c, "e_lfanew");
  if (r.u32(pe, "PE signature") !== PE_SIGNATURE) throw new MalformedBinary("no PE signature where the DOS header points");
  const coff = pe + 4;
  const nsections = r.u16(coff + 2, "NumberOfSections");
  const optionalSize = r.u16(coff + 16, "SizeOfOptionalHeader");
  const optional = coff + 20;
  let imageBase = 0;
  let bits: 32 | 64 = 32;
  if (optionalSize >= 2) {
    const magic = r.u16(optional, "optional header magic");
    if (magic === OPTIONAL_PE32_PLUS) {
      bits = 64;
      imageBase = r.u64(optional + 24, "ImageBase");
    } else if (magic === OPTIONAL_PE32) {
      imageBase = r.u32(optional + 28, "ImageBase");
    }
  }
  const table = optional + optionalSize;
  if (!r.contains(table, nsections * SECTION_HEADER_SIZE)) throw new MalformedBinary("the section table lies past the end of the file (truncated?)");
  const sections: Region[] = [];
  for (let i = 0; i < nsections; i++) {
    const at = table + i * SECTION_HEADER_SIZE;
    const flags = r.u32(at + 36, "Characteristics");
    sections.push({
      name: r.fixedName(at, 8, "section name"),
      addr: imageBase + r.u32(at + 12, "VirtualAddress"),
      offset: r.u32(at + 20, "PointerToRawData"),
      size: r.u32(at + 16, "SizeOfRawData"),
      writable: (flags & IMAGE_SCN_MEM_WRITE) !== 0,
      executable: (flags & IMAGE_SCN_MEM_EXECUTE) !== 0,
      flags,
    });
  }
  // In PE the sections are also the address mapping.
  return { bits, littleEndian: true, sections, segments: sections };
}
