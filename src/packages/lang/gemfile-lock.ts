// Gemfile.lock (Bundler). Gems are the four-space-indented "name (version)" lines under "specs:" in
// the GEM and GIT sections; six-space lines are their dependency ranges. PATH sections are gems from
// the project's own tree and are left out. A platform-specific gem's version carries the platform
// ("1.15.4-x86_64-linux"); RubyGems versions never contain "-", so it is cut there. Bundler's
// format has no JavaScript parser; this reads lines and evaluates nothing.
import type { AnalyzerOutput } from "../../analyzers/types.js";
import { InputError } from "../../core/errors.js";
import { addNamedEdges, baseName, detector, MAX_LOCKFILE_BYTES, PackageList } from "./common.js";

const SECTIONS_WITH_GEMS = new Set(["GEM", "GIT"]);
const BUNDLER_SECTIONS = new Set(["GEM", "GIT", "PATH", "PLUGIN SOURCE", "PLATFORMS", "DEPENDENCIES", "RUBY VERSION", "BUNDLED WITH", "CHECKSUMS"]);
const SPEC = /^ {4}([^\s(]+) \(([^)\s]+)\)$/;
const SPEC_DEPENDENCY = /^ {6}([^\s(]+)(?: \(.*\))?$/;

export const gemfileLockDetector = detector({
  name: "gemfile-lock",
  wants: (path) => {
    const base = baseName(path);
    return base === "Gemfile.lock" || base === "gems.locked";
  },
  maxBytes: MAX_LOCKFILE_BYTES,
  parse: parseGemfileLock,
});

export function parseGemfileLock(text: string, path: string): AnalyzerOutput {
  const list = new PackageList("RubyGems", path);
  let section: string | undefined;
  let inSpecs = false;
  let sawSection = false; // at least one section Bundler writes: tells a lock file from any text
  const edges: { name: string; version: string; deps: string[] }[] = [];
  let current: { name: string; version: string; deps: string[] } | undefined;
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === "") continue;
    if (!raw.startsWith(" ")) {
      section = raw.trim();
      if (BUNDLER_SECTIONS.has(section)) sawSection = true;
      inSpecs = false;
      continue;
    }
    if (raw === "  specs:") {
      inSpecs = true;
      continue;
    }
    if (!inSpecs || section === undefined || !SECTIONS_WITH_GEMS.has(section)) continue;
    const dep = SPEC_DEPENDENCY.exec(raw);
    if (dep?.[1]) {
      current?.deps.push(dep[1]);
      continue;
    }
    const m = SPEC.exec(raw);
    current = undefined;
    if (!m?.[1] || !m[2]) continue;
    const dash = m[2].indexOf("-");
    const version = dash < 0 ? m[2] : m[2].slice(0, dash);
    list.add(m[1], version);
    current = { name: m[1], version, deps: [] };
    edges.push(current);
  }
  addNamedEdges(list, edges);
  if (!sawSection) throw new InputError(`${path}: not a Gemfile.lock (no GEM, GIT, PATH or DEPENDENCIES section)`);
  return list.output();
}
