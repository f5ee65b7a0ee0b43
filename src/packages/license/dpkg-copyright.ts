// Licenses from a Debian package's copyright file (usr/share/doc/<package>/copyright). Machine-
// readable files (DEP-5, https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/) name
// them in "License:" fields; older free-form files are read as well as they can be: the
// /usr/share/common-licenses texts they point to, and SPDX-License-Identifier lines.
import { allOf, normalizeLicense } from "./normalize.js";

/** Copyright files are text written by packagers, a few hundred kB at most in practice. */
const MAX_TEXT_CHARS = 4 * 1024 * 1024;
/** Past this many different licenses the expression says little more; the rest are left out. */
const MAX_LICENSES = 64;

type Paragraph = Map<string, string>;

/** The SPDX expression for all the licenses a copyright file names, or undefined if it names none. */
export function dpkgCopyrightLicenses(text: string): string | undefined {
  const body = text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
  const paragraphs = parseParagraphs(body);
  const names = paragraphs[0]?.has("format") ? machineReadable(paragraphs) : freeForm(body);
  const licenses: string[] = [];
  for (const name of names) {
    const license = normalizeLicense(name);
    if (license && !licenses.includes(license)) licenses.push(license);
    if (licenses.length >= MAX_LICENSES) break;
  }
  return allOf(licenses);
}

/** Deb822 paragraphs: field names in lower case, each field's first line (the synopsis for License). */
function parseParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | undefined;
  for (const line of text.split("\n")) {
    if (line.trim() === "") {
      current = undefined;
      continue;
    }
    if (line.startsWith(" ") || line.startsWith("\t") || line.startsWith("#")) continue;
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    if (!current) paragraphs.push((current = new Map()));
    current.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return paragraphs;
}

/**
 * The License synopses of the header and the Files paragraphs. Stand-alone License paragraphs only
 * give the text of a license a Files paragraph names; they are read when no Files paragraph names one.
 */
function machineReadable(paragraphs: Paragraph[]): string[] {
  const named = (ps: Paragraph[]) => ps.map((p) => p.get("license")).filter((l): l is string => l !== undefined && l !== "");
  const header = paragraphs[0] as Paragraph;
  const files = named([header, ...paragraphs.filter((p) => p !== header && p.has("files"))]);
  return files.length > 0 ? files : named(paragraphs);
}

const COMMON_LICENSE = /\/usr\/share\/common-licenses\/([A-Za-z0-9][A-Za-z0-9.+-]*)/g;
const SPDX_IDENTIFIER = /SPDX-License-Identifier:[ \t]*([^\r\n*]+)/g;
const GNU_ONLY = /^((?:A|L)?GPL-\d\.\d)-only$/;

function freeForm(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(SPDX_IDENTIFIER)) if (m[1]) names.add(m[1].trim());
  const later = /any later version/i.test(text);
  const common: string[] = [];
  for (const m of text.matchAll(COMMON_LICENSE)) {
    const name = (m[1] ?? "").replace(/\.+$/, "");
    if (name !== "" && !common.includes(name)) common.push(name);
  }
  for (const name of common) {
    // "common-licenses/GPL" beside "common-licenses/GPL-2" is the same license, unversioned.
    if (!/\d/.test(name) && common.some((c) => c.startsWith(`${name}-`))) continue;
    const license = normalizeLicense(name);
    if (!license) continue;
    // The usual notice: "either version 2 of the License, or (at your option) any later version".
    names.add(later ? license.replace(GNU_ONLY, "$1-or-later") : license);
  }
  return [...names];
}
