// Installed gems: the specification RubyGems writes for each installed gem,
// <gem home>/specifications/<name>-<version>[-<platform>].gemspec (default gems under
// specifications/default/). The file is Ruby and is never evaluated: the generated form assigns
// literal strings (`s.name = "rack".freeze`), which is all that is read. The file name is the
// fallback for a spec written some other way.
import type { AnalyzerOutput } from "../../analyzers/types.js";
import { InputError } from "../../core/errors.js";
import { baseName, detector, MAX_MANIFEST_BYTES, PackageList } from "./common.js";

const SPEC_PATH = /(?:^|\/)specifications\/(?:default\/)?[^/]+\.gemspec$/;
const STRING = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g;

export const gemspecDetector = detector({
  name: "gemspec",
  wants: (path) => path.endsWith(".gemspec") && SPEC_PATH.test(path),
  maxBytes: MAX_MANIFEST_BYTES,
  parse: parseGemspec,
});

export function parseGemspec(text: string, path: string): AnalyzerOutput {
  const fields = assignments(text);
  const fromFile = nameVersionFromFileName(baseName(path).slice(0, -".gemspec".length));
  const name = fields.get("name")?.[0] ?? fromFile?.name;
  const version = fields.get("version")?.[0] ?? fromFile?.version;
  if (name === undefined || version === undefined) throw new InputError(`${path}: no gem name and version in the specification or its file name`);
  const licenses = [...(fields.get("licenses") ?? []), ...(fields.get("license") ?? [])];
  const list = new PackageList("RubyGems", path);
  // Several licenses in a gemspec are the user's choice (Ruby's "Ruby OR BSD-2-Clause").
  list.add(name, version, licenses.length === 0 ? undefined : [...new Set(licenses)].join(" OR "));
  return list.output();
}

/** `<var>.<field> = <literal strings>` lines: name, version, license, licenses. */
function assignments(text: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*[a-z_]\w*\.(name|version|licenses?)\s*=\s*(.*)$/.exec(line);
    if (!m?.[1] || fields.has(m[1])) continue;
    // A bare constant or method call (`Foo::VERSION`) is Ruby to evaluate: not read.
    const values = [...(m[2] ?? "").matchAll(STRING)].map((s) => s[1] ?? s[2] ?? "").filter((s) => s !== "");
    if (values.length > 0) fields.set(m[1], values);
  }
  return fields;
}

/**
 * "nokogiri-1.15.4-x86_64-linux" → nokogiri, 1.15.4. Gem names may contain "-" and digits
 * ("net-http-2-0.4.1") and a platform may follow the version ("universal-darwin-22"): the version is
 * the last "-"-separated part that starts with a digit and has a dot, else the first that starts
 * with a digit.
 */
export function nameVersionFromFileName(stem: string): { name: string; version: string } | undefined {
  const parts = stem.split("-");
  let at = -1;
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i] ?? "";
    if (!/^\d/.test(part)) continue;
    if (part.includes(".")) at = i;
    else if (at < 0) at = i;
  }
  return at < 0 ? undefined : { name: parts.slice(0, at).join("-"), version: parts[at] ?? "" };
}
