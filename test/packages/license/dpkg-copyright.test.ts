import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dpkgCopyrightLicenses } from "../../../src/packages/license/index.js";
import { parseSpdx } from "../../../src/packages/license/spdx-data.js";

const DEP5 = `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: example
Source: https://example.org/

Files: *
Copyright: 2001-2024 Example Authors
License: GPL-2+

Files: lib/*
Copyright: 2010 Someone
License: LGPL-2.1+ or BSD-3-clause
Comment: a comment with a colon: here

Files: debian/*
Copyright: 2020 Packager
License:\tGPL-2+

License: GPL-2+
 This program is free software; you can redistribute it and/or modify
 it under the terms of the GNU General Public License ...
 License: not-a-field-but-text
 .
 On Debian systems, see /usr/share/common-licenses/GPL-2.

License: LGPL-2.1+
 The text.

License: BSD-3-clause
 Redistribution and use ...
`;

const STANDALONE_ONLY = `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: odd

License: Expat
 Permission is hereby granted ...
`;

const HEADER_LICENSE = `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
License: Apache-2.0

Files: *
Copyright: 2024 X
License: Apache-2.0
`;

const FREE_FORM_GPL = `This package was debianized by Someone <someone@example.org>.

Copyright (C) 1999 Example

    This program is free software; you can redistribute it and/or modify
    it under the terms of the GNU General Public License as published by
    the Free Software Foundation; either version 2 of the License, or
    (at your option) any later version.

On Debian systems, the complete text of the GNU General Public License
can be found in /usr/share/common-licenses/GPL-2, and the GNU Lesser
General Public License in \`/usr/share/common-licenses/LGPL-2.1'.
See also /usr/share/common-licenses/GPL.
`;

const FREE_FORM_ONLY = `Copyright 2020 Example.
The complete text of the license is in /usr/share/common-licenses/Apache-2.0.
`;

const SPDX_LINES = `Upstream sources carry these headers:
 * SPDX-License-Identifier: MIT
 SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
`;

describe("dpkgCopyrightLicenses", () => {
  it.each([
    ["DEP-5: the Files paragraphs' licenses, each once", DEP5, "GPL-2.0-or-later AND (LGPL-2.1-or-later OR BSD-3-Clause)"],
    ["DEP-5 with only stand-alone License paragraphs", STANDALONE_ONLY, "MIT"],
    ["DEP-5 with a License in the header", HEADER_LICENSE, "Apache-2.0"],
    ["free-form: common-licenses references, 'any later version'", FREE_FORM_GPL, "GPL-2.0-or-later AND LGPL-2.1-or-later"],
    ["free-form without a GNU license", FREE_FORM_ONLY, "Apache-2.0"],
    ["free-form with SPDX-License-Identifier lines", SPDX_LINES, "MIT AND (BSD-2-Clause OR GPL-2.0-or-later)"],
    ["nothing to go by", "Copyright 2020 Someone. All rights reserved.\n", undefined],
    ["empty", "", undefined],
  ])("%s", (_name, text, expected) => {
    expect(dpkgCopyrightLicenses(text)).toBe(expected);
  });

  it("reads CRLF files and a huge file without trouble", () => {
    expect(dpkgCopyrightLicenses(DEP5.replace(/\n/g, "\r\n"))).toBe("GPL-2.0-or-later AND (LGPL-2.1-or-later OR BSD-3-Clause)");
    const huge = `${DEP5}\n${"Files: x\nLicense: MIT\n\n".repeat(200_000)}`;
    const started = performance.now();
    expect(dpkgCopyrightLicenses(huge)).toBe("GPL-2.0-or-later AND (LGPL-2.1-or-later OR BSD-3-Clause) AND MIT");
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  // This machine's own Debian packages, where there are any: every result is valid SPDX.
  const docs = "/usr/share/doc";
  const files = existsSync(docs) ? readdirSync(docs).map((d) => `${docs}/${d}/copyright`).filter((f) => existsSync(f)).slice(0, 2000) : [];
  it.skipIf(files.length === 0)("gives valid SPDX expressions for this machine's copyright files", () => {
    let named = 0;
    for (const f of files) {
      const license = dpkgCopyrightLicenses(readFileSync(f, "utf8"));
      if (license === undefined) continue;
      named++;
      expect(parseSpdx(license), `${f}: ${license}`).toBeDefined();
    }
    expect(named).toBeGreaterThan(files.length / 2);
  });
});
