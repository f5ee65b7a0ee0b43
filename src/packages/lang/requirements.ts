// pip requirements files (requirements.txt, requirements-dev.txt, requirements/prod.txt is not
// matched: only files named requirements*.txt). A requirement names a package; only one pinned to
// an exact version (`==1.2.3`, `===1.2.3`) says what gets installed, so only those are packages.
// Ranges, direct URLs and local paths are counted in one warning. Options (-r, -c, -e, --index-url)
// and environment markers are not evaluated: a pinned package behind a marker is still listed.
// pip has no maintained JavaScript parser, hence this one; it reads lines, never follows includes.
import type { AnalyzerOutput } from "../../analyzers/types.js";
import { InputError } from "../../core/errors.js";
import { baseName, detector, MAX_MANIFEST_BYTES, PackageList } from "./common.js";

const REQUIREMENTS_FILE = /^requirements.*\.txt$/;
const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*/;
const SPECIFIER_START = /^(?:===?|!=|~=|<=?|>=?|@)/;
const PINNED = /^===?\s*([A-Za-z0-9][A-Za-z0-9.+!_-]*)$/;
/** How many skipped requirements a warning names before it only counts. */
const NAMED_IN_WARNING = 5;

export const requirementsDetector = detector({
  name: "pip-requirements",
  wants: (path) => REQUIREMENTS_FILE.test(baseName(path)),
  maxBytes: MAX_MANIFEST_BYTES,
  parse: parseRequirements,
});

export function parseRequirements(text: string, path: string): AnalyzerOutput {
  const list = new PackageList("PyPI", path);
  const unpinned: string[] = [];
  let malformed = 0;
  let firstMalformed = 0;
  for (const { line, lineNo } of logicalLines(text)) {
    const req = stripComment(line).trim();
    if (req === "" || req.startsWith("-")) continue;
    // Direct references by path or URL (`./pkg.whl`, `git+https://...`) name no registry version.
    if (req.startsWith(".") || req.startsWith("/") || /^[a-z+]+:\/\//i.test(req)) {
      unpinned.push(req.length > 40 ? `${req.slice(0, 40)}...` : req);
      continue;
    }
    const m = NAME.exec(req);
    // Markers after ";" and per-requirement options (--hash=...) do not change the version.
    const spec = m ? (req.slice(m[0].length).split(";")[0]?.split(/\s+--?[A-Za-z]/)[0]?.trim() ?? "") : "";
    if (!m || (spec !== "" && !SPECIFIER_START.test(spec))) {
      malformed++;
      if (firstMalformed === 0) firstMalformed = lineNo;
      continue;
    }
    const name = m[1] ?? "";
    // A range, a wildcard or a direct reference under a name (`name @ https://...`) is no exact version.
    const pinned = PINNED.exec(spec.replace(/\s+/g, ""));
    if (pinned?.[1] !== undefined && !spec.includes("*")) list.add(name, pinned[1]);
    else unpinned.push(name);
  }
  if (list.size === 0 && unpinned.length === 0 && malformed > 0) {
    throw new InputError(`${path}: not a pip requirements file (line ${firstMalformed} is not a requirement)`);
  }
  if (unpinned.length > 0) {
    const named = unpinned.slice(0, NAMED_IN_WARNING).join(", ");
    const more = unpinned.length > NAMED_IN_WARNING ? ` and ${unpinned.length - NAMED_IN_WARNING} more` : "";
    list.warn(`${unpinned.length} requirements without an exact version (==) not listed as packages: ${named}${more}`);
  }
  if (malformed > 0) list.warn(`${malformed} lines that are not requirements skipped, the first at line ${firstMalformed}`);
  return list.output();
}

/** Lines with backslash continuations joined, each with the number of its first physical line. */
function* logicalLines(text: string): Generator<{ line: string; lineNo: number }> {
  const physical = text.split(/\r?\n/);
  let buffer = "";
  let startNo = 0;
  for (let i = 0; i < physical.length; i++) {
    const line = physical[i] ?? "";
    if (buffer === "") startNo = i + 1;
    if (line.endsWith("\\")) {
      buffer += `${line.slice(0, -1)} `;
      continue;
    }
    yield { line: buffer + line, lineNo: startNo };
    buffer = "";
  }
  if (buffer !== "") yield { line: buffer, lineNo: startNo };
}

/** pip's rule: "#" starts a comment at the line's start or after whitespace (a URL fragment is not one). */
function stripComment(line: string): string {
  const m = /(^|\s)#/.exec(line);
  return m ? line.slice(0, m.index) : line;
}
