// Installed Python distributions: *.dist-info/METADATA (wheels, pip), *.egg-info/PKG-INFO or a bare
// *.egg-info file (setuptools, distutils, Debian's python3-* packages) and *.egg/EGG-INFO/PKG-INFO.
// The core metadata is email-header formatted; only the headers are read, up to the first blank line.
import type { AnalyzerOutput } from "../../analyzers/types.js";
import { InputError } from "../../core/errors.js";
import { detector, isDirectory, MAX_MANIFEST_BYTES, PackageList } from "./common.js";
import { licenseFromClassifiers } from "./python-licenses.js";

export const pythonInstalledDetector = detector({
  name: "python-installed",
  wants: (path, mode) =>
    path.endsWith(".dist-info/METADATA") ||
    path.endsWith(".egg-info/PKG-INFO") ||
    // distutils wrote the metadata as a file named like the directory setuptools makes.
    (path.endsWith(".egg-info") && !isDirectory(mode)) ||
    path.endsWith(".egg/EGG-INFO/PKG-INFO"),
  maxBytes: MAX_MANIFEST_BYTES,
  parse: parsePythonMetadata,
});

export function parsePythonMetadata(text: string, path: string): AnalyzerOutput {
  const headers = readHeaders(text);
  const name = headers.get("name")?.[0];
  const version = headers.get("version")?.[0];
  if (name === undefined || version === undefined) throw new InputError(`${path}: not Python package metadata (no Name or Version header)`);
  const list = new PackageList("PyPI", path);
  list.add(name, version, licenseOf(headers));
  return list.output();
}

/**
 * License-Expression (metadata 2.4) is SPDX already; a short License value is the author's name for
 * it; a long one is usually the whole license text, and then the trove classifiers say it better.
 */
function licenseOf(headers: Map<string, string[]>): string | undefined {
  const expression = headers.get("license-expression")?.[0];
  if (expression) return expression;
  const fromClassifiers = licenseFromClassifiers(headers.get("classifier") ?? []);
  const declared = headers.get("license")?.[0];
  const usable = declared !== undefined && declared.length <= 100 && !declared.includes("\n") && !/^unknown$/i.test(declared) ? declared : undefined;
  return fromClassifiers ?? usable;
}

/** Header names lowercased; continuation lines (leading whitespace) are folded into the value. */
function readHeaders(text: string): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  let last: { values: string[]; index: number } | undefined;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, "");
    start = end + 1;
    // Only an empty line ends the headers: a folded value's blank lines keep their indentation.
    if (line === "") break;
    if ((line[0] === " " || line[0] === "\t") && last) {
      const prev = last.values[last.index] ?? "";
      last.values[last.index] = `${prev}\n${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const values = headers.get(key) ?? [];
    values.push(line.slice(colon + 1).trim());
    headers.set(key, values);
    last = { values, index: values.length - 1 };
  }
  return headers;
}
