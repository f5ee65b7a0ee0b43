import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALIASES, DEPRECATED_WITH_EXCEPTION } from "../../../src/packages/license/aliases.js";
import { normalizeLicense } from "../../../src/packages/license/index.js";
import { isCurrentId, isLeaf, parseSpdx, type SpdxNode } from "../../../src/packages/license/spdx-data.js";

describe("normalizeLicense", () => {
  it.each([
    // SPDX ids and expressions, in any case
    ["MIT", "MIT"],
    ["mit", "MIT"],
    ["apache-2.0", "Apache-2.0"],
    ["MIT OR Apache-2.0", "MIT OR Apache-2.0"],
    ["(MIT OR Apache-2.0) AND BSD-3-Clause", "(MIT OR Apache-2.0) AND BSD-3-Clause"],
    ["GPL-2.0 OR (MIT AND X11)", "GPL-2.0-only OR (MIT AND X11)"],
    ["GPL-2.0-only WITH Classpath-exception-2.0", "GPL-2.0-only WITH Classpath-exception-2.0"],
    ["MPL-1.1+", "MPL-1.1+"],
    // deprecated ids
    ["GPL-2.0+", "GPL-2.0-or-later"],
    ["GPL-2.0", "GPL-2.0-only"],
    ["AGPL-3.0", "AGPL-3.0-only"],
    ["LGPL-2.1+", "LGPL-2.1-or-later"],
    ["GPL-3.0-with-GCC-exception", "GPL-3.0-only WITH GCC-exception-3.1"],
    // names
    ["MIT License", "MIT"],
    ["The MIT License (MIT)", "MIT"],
    ["Apache 2.0", "Apache-2.0"],
    ["Apache License, Version 2.0", "Apache-2.0"],
    ["Apache License 2.0", "Apache-2.0"],
    ["Apache-2", "Apache-2.0"],
    ["ASL 2.0", "Apache-2.0"],
    ["BSD", "BSD-3-Clause"],
    ["New BSD License", "BSD-3-Clause"],
    ["Simplified BSD", "BSD-2-Clause"],
    ["ISC License (ISCL)", "ISC"],
    ["Mozilla Public License 2.0 (MPL 2.0)", "MPL-2.0"],
    ["Eclipse Public License 2.0", "EPL-2.0"],
    ["Python Software Foundation License", "PSF-2.0"],
    ["Boost Software License 1.0", "BSL-1.0"],
    ["CC0 1.0 Universal", "CC0-1.0"],
    ["The Unlicense", "Unlicense"],
    ["zlib", "Zlib"],
    // GNU, as Fedora, Debian and PyPI classifiers write it
    ["GPLv2", "GPL-2.0-only"],
    ["GPLv2+", "GPL-2.0-or-later"],
    ["GPL-2+", "GPL-2.0-or-later"],
    ["GPL-2", "GPL-2.0-only"],
    ["LGPLv3+", "LGPL-3.0-or-later"],
    ["GNU General Public License v2 or later (GPLv2+)", "GPL-2.0-or-later"],
    ["GNU Lesser General Public License v3 (LGPLv3)", "LGPL-3.0-only"],
    ["GNU Affero General Public License v3", "AGPL-3.0-only"],
    ["GPL v3 or later", "GPL-3.0-or-later"],
    // Debian short names and operators
    ["Expat", "MIT"],
    ["MIT/X11", "MIT"],
    ["BSD-3-clause", "BSD-3-Clause"],
    ["GPL-1+ or Artistic", "GPL-1.0-or-later OR Artistic-1.0-Perl"],
    ["LGPL-3+ or GPL-2+", "LGPL-3.0-or-later OR GPL-2.0-or-later"],
    ["BSL-1.0 and Jam", "BSL-1.0 AND Jam"],
    ["GPL-2+ with Autoconf exception", "GPL-2.0-or-later WITH Autoconf-exception-2.0"],
    ["GPL-3+ and GPL-3+", "GPL-3.0-or-later"],
    ["public-domain", "LicenseRef-Public-Domain"],
    ["perl_5", "Artistic-1.0-Perl OR GPL-1.0-or-later"],
    // Cargo's old separator
    ["MIT/Apache-2.0", "MIT OR Apache-2.0"],
    // unknown names are kept as LicenseRefs
    ["Acme Corp Proprietary", "LicenseRef-Acme-Corp-Proprietary"],
    ["UNLICENSED", "LicenseRef-UNLICENSED"],
    ["GPL", "LicenseRef-GPL"],
    ["MIT or Foo", "MIT OR LicenseRef-Foo"],
    ["LicenseRef-Custom.1", "LicenseRef-Custom.1"],
    // no license at all
    ["NOASSERTION", undefined],
    ["", undefined],
    ["  ", undefined],
    ["UNKNOWN", undefined],
    ["SEE LICENSE IN LICENSE.md", undefined],
    ["Permission to use, copy, modify, and distribute this software and its", undefined],
    ["x".repeat(2000), undefined],
  ])("%j → %j", (raw, expected) => {
    expect(normalizeLicense(raw)).toBe(expected);
  });

  it("maps every alias to a valid expression of current SPDX ids", () => {
    const leaves = (n: SpdxNode): string[] => (isLeaf(n) ? [n.license] : [...leaves(n.left), ...leaves(n.right)]);
    for (const [alias, expression] of Object.entries({ ...ALIASES, ...DEPRECATED_WITH_EXCEPTION })) {
      const node = parseSpdx(expression);
      expect(node, alias).toBeDefined();
      for (const id of leaves(node as SpdxNode)) expect(id.startsWith("LicenseRef-") || isCurrentId(id), `${alias}: ${id}`).toBe(true);
    }
  });

  it("gives valid SPDX or nothing, and is a fixed point, for any input", () => {
    const words = fc.constantFrom("MIT", "mit", "GPL-2+", "or", "and", "with", "(", ")", "/", "Apache", "2.0", "License", "BSD", "Foo", "+", ",", "GPLv3", "Classpath exception");
    const input = fc.oneof(fc.string({ maxLength: 80 }), fc.array(words, { maxLength: 8 }).map((w) => w.join(" ")));
    fc.assert(
      fc.property(input, (raw) => {
        const out = normalizeLicense(raw);
        if (out === undefined) return;
        expect(parseSpdx(out), `${JSON.stringify(raw)} → ${out}`).toBeDefined();
        expect(normalizeLicense(out)).toBe(out);
      }),
      { numRuns: 2000 },
    );
  });
});
