// License names as package metadata writes them (npm, PyPI classifiers, Debian, Fedora, Maven),
// mapped to SPDX. Keys are in the form `aliasKey` gives: lower case, without "the", "license",
// "version" and commas. Each entry is a fact about what the name means; names whose meaning is not
// settled (an unversioned "GPL", "Apache Software License") are left out and become LicenseRefs.

export const ALIASES: Readonly<Record<string, string>> = {
  // MIT
  expat: "MIT",
  "mit/x11": "MIT",
  "mit x11": "MIT",
  // Apache
  asl: "Apache-2.0",
  "asl 2.0": "Apache-2.0",
  "asl-2.0": "Apache-2.0",
  "asl 2": "Apache-2.0",
  asl2: "Apache-2.0",
  apache2: "Apache-2.0",
  // BSD: unqualified "BSD" most often means the 3-clause text (Debian's common-licenses/BSD is it).
  bsd: "BSD-3-Clause",
  "new bsd": "BSD-3-Clause",
  "bsd-new": "BSD-3-Clause",
  "modified bsd": "BSD-3-Clause",
  "revised bsd": "BSD-3-Clause",
  "3-clause bsd": "BSD-3-Clause",
  "bsd 3-clause": "BSD-3-Clause",
  "bsd-3": "BSD-3-Clause",
  bsd3: "BSD-3-Clause",
  "simplified bsd": "BSD-2-Clause",
  freebsd: "BSD-2-Clause",
  "2-clause bsd": "BSD-2-Clause",
  "bsd 2-clause": "BSD-2-Clause",
  "bsd-2": "BSD-2-Clause",
  bsd2: "BSD-2-Clause",
  "4-clause bsd": "BSD-4-Clause",
  "original bsd": "BSD-4-Clause",
  "bsd-4": "BSD-4-Clause",
  // Others
  iscl: "ISC",
  "python software foundation": "PSF-2.0",
  psf: "PSF-2.0",
  psfl: "PSF-2.0",
  boost: "BSL-1.0",
  "boost software": "BSL-1.0",
  "boost software 1.0": "BSL-1.0",
  cc0: "CC0-1.0",
  "cc0 1.0": "CC0-1.0",
  "cc0 1.0 universal": "CC0-1.0",
  "zlib/libpng": "Zlib",
  "public domain": "LicenseRef-Public-Domain",
  "public-domain": "LicenseRef-Public-Domain",
  pd: "LicenseRef-Public-Domain",
  wtfpl: "WTFPL",
  "openldap-2.8": "OLDAP-2.8",
  // Debian's GFDL-NIV: the GNU FDL with no invariant sections.
  "gfdl-niv-1.2": "GFDL-1.2-no-invariants-only",
  "gfdl-niv-1.2+": "GFDL-1.2-no-invariants-or-later",
  "gfdl-niv-1.3": "GFDL-1.3-no-invariants-only",
  "gfdl-niv-1.3+": "GFDL-1.3-no-invariants-or-later",
  // Debian's "Artistic" is the Perl Artistic License; CPAN's "perl_5" is Perl's own dual license.
  artistic: "Artistic-1.0-Perl",
  perl: "Artistic-1.0-Perl OR GPL-1.0-or-later",
  perl_5: "Artistic-1.0-Perl OR GPL-1.0-or-later",
};

/**
 * Deprecated SPDX ids that became a license with an exception. The bare deprecated "GPL-2.0" means
 * GPL-2.0-only, and so does the license part here.
 */
export const DEPRECATED_WITH_EXCEPTION: Readonly<Record<string, string>> = {
  "GPL-2.0-with-autoconf-exception": "GPL-2.0-only WITH Autoconf-exception-2.0",
  "GPL-2.0-with-bison-exception": "GPL-2.0-only WITH Bison-exception-2.2",
  "GPL-2.0-with-classpath-exception": "GPL-2.0-only WITH Classpath-exception-2.0",
  "GPL-2.0-with-font-exception": "GPL-2.0-only WITH Font-exception-2.0",
  "GPL-2.0-with-GCC-exception": "GPL-2.0-only WITH GCC-exception-2.0",
  "GPL-3.0-with-autoconf-exception": "GPL-3.0-only WITH Autoconf-exception-3.0",
  "GPL-3.0-with-GCC-exception": "GPL-3.0-only WITH GCC-exception-3.1",
};

/** GNU license families by the names they are written with, for versioned names ("GPLv2+", "LGPL-2.1"). */
export const GNU_FAMILIES: Readonly<Record<string, "GPL" | "LGPL" | "AGPL">> = {
  gpl: "GPL",
  "gnu gpl": "GPL",
  "gnu general public": "GPL",
  "general public": "GPL",
  lgpl: "LGPL",
  "gnu lgpl": "LGPL",
  "gnu lesser general public": "LGPL",
  "gnu library general public": "LGPL",
  "lesser general public": "LGPL",
  "library general public": "LGPL",
  agpl: "AGPL",
  "gnu agpl": "AGPL",
  "gnu affero general public": "AGPL",
  "affero general public": "AGPL",
  "affero gpl": "AGPL",
};

/** Versioned families outside GNU: name → SPDX id prefix, and the versions SPDX lists. */
export const VERSIONED_FAMILIES: readonly { names: readonly string[]; id: string }[] = [
  { names: ["apache", "apache software", "apache-"], id: "Apache" },
  { names: ["mpl", "mozilla public", "mpl-"], id: "MPL" },
  { names: ["epl", "eclipse public", "epl-"], id: "EPL" },
  { names: ["cddl", "common development and distribution", "cddl-"], id: "CDDL" },
  { names: ["artistic", "artistic-"], id: "Artistic" },
  { names: ["ofl", "sil open font", "ofl-"], id: "OFL" },
];
