// Debian keeps no license in the package database: each package's declared licenses are in
// usr/share/doc/<package>/copyright. The driver joins them to the dpkg packages by name.
import type { Analyzer } from "../../analyzers/types.js";
import { dpkgCopyrightLicenses } from "../license/index.js";
import { isLinkOrDirectory } from "./file-mode.js";

const COPYRIGHT = /^usr\/share\/doc\/([a-z0-9][a-z0-9+.-]*)\/copyright$/;
const MAX_COPYRIGHT_BYTES = 4 * 1024 * 1024;

export const dpkgCopyrightAnalyzer: Analyzer = {
  name: "dpkg-copyright",
  version: 1,
  kind: "packages",
  wants: (path, size, mode) => COPYRIGHT.test(path) && size <= MAX_COPYRIGHT_BYTES && !isLinkOrDirectory(mode),
  async analyze(file) {
    const name = COPYRIGHT.exec(file.path)?.[1];
    if (name === undefined) return undefined;
    const license = dpkgCopyrightLicenses((await file.read(MAX_COPYRIGHT_BYTES)).toString("utf8"));
    return license === undefined ? undefined : { licenses: [{ ecosystem: "os:dpkg", name, license }] };
  },
};
