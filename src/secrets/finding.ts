// Turns matched secrets into findings. The secret itself goes nowhere: not in the message, the
// snippet (the line, with the secret masked) or the fingerprint, whose key is a SHA-256 of the
// secret, so the same secret keeps its id when lines move, and two secrets on one line differ.
import { createHash } from "node:crypto";
import { assignFingerprints, type FingerprintInput } from "../core/fingerprint.js";
import type { Finding, Location, PeerReferences } from "../core/model.js";
import { redactIn, redactValue } from "../core/redact.js";
import type { CompiledRule } from "./compile.js";

export interface Candidate {
  rule: CompiledRule;
  secret: string;
  /** Byte offsets of the secret; -1 for a finding about the file itself (a path-only rule). */
  start: number;
  end: number;
}

const DEFAULT_REMEDIATION =
  "Revoke the credential at its issuer and issue a new one, then remove it from the file and keep it in a secret store. " +
  "In an image, rebuild without it: a secret added in one layer stays in the image even when a later layer deletes it.";
const SNIPPET_MAX = 240;
const SNIPPET_BEFORE = 80;

/** Length in UTF-16 code units of the UTF-8 bytes [from, to): the unit of columns. */
function utf16Length(bytes: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const b = bytes[i] as number;
    if ((b & 0xc0) !== 0x80) n++;
    if (b >= 0xf0) n++;
  }
  return n;
}

function decode(bytes: Uint8Array, from: number, to: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.max(0, to - from)).toString("utf8");
}

/** The secret's line, masked, cut to SNIPPET_MAX characters around the secret. */
function snippetOf(bytes: Uint8Array, lineStart: number, c: Candidate): string {
  // Decode only near the secret: a minified file may hold megabytes on this line.
  const from = Math.max(lineStart, c.start - SNIPPET_MAX * 4);
  let lineEnd = c.start;
  const reach = Math.min(bytes.length, Math.max(c.end, c.start) + SNIPPET_MAX * 4);
  while (lineEnd < reach && bytes[lineEnd] !== 10) lineEnd++;
  if (lineEnd > lineStart && bytes[lineEnd - 1] === 13) lineEnd--;
  const cut = Math.min(c.end, lineEnd);
  const before = decode(bytes, from, c.start);
  const onLine = decode(bytes, c.start, cut);
  const masked = onLine === "" ? "" : redactValue(onLine);
  const secrets = [c.secret, onLine].filter((s) => s.length >= 4);
  let text = redactIn(before + masked + decode(bytes, cut, lineEnd), secrets);
  const clipped = from > lineStart || (lineEnd < bytes.length && bytes[lineEnd] !== 10 && bytes[lineEnd] !== 13);
  if (text.length > SNIPPET_MAX || clipped) {
    const start = Math.max(0, before.length - SNIPPET_BEFORE);
    const end = start + SNIPPET_MAX;
    text = `${start > 0 || from > lineStart ? "…" : ""}${text.slice(start, end)}${end < text.length || clipped ? "…" : ""}`;
  }
  // Belt and braces: whatever the line held, the secret does not leave in clear.
  return secrets.some((s) => text.includes(s)) ? masked : text;
}

function referencesOf(c: CompiledRule): PeerReferences | undefined {
  const gitleaks = c.rule.references?.gitleaks;
  if (gitleaks === undefined) return undefined;
  // PeerReferences has no gitleaks field yet (src/core/model.ts is shared): widened, not cast.
  const refs: PeerReferences & { gitleaks: string | string[] } = { gitleaks };
  return refs;
}

/** Findings for one file's candidates, which come sorted by offset (path-only ones first). */
export function buildFindings(cands: readonly Candidate[], bytes: Uint8Array, path: string, scope: string): Finding[] {
  let pos = 0;
  let line = 1;
  let lineStart = 0;
  // Columns count from the line start; kept running so that many secrets on one long line cost one pass.
  let colPos = 0;
  let col = 0;
  const located = cands.map((c) => {
    if (c.start < 0) return { c, location: { path } as Location, snippet: undefined, key: "file" };
    for (; pos < c.start; pos++) {
      if (bytes[pos] === 10) {
        line++;
        lineStart = pos + 1;
      }
    }
    if (colPos < lineStart || colPos > c.start) {
      colPos = lineStart;
      col = 0;
    }
    col += utf16Length(bytes, colPos, c.start);
    colPos = c.start;
    // Positions leave out a line break that ends the secret (a PEM body ends with one).
    let last = c.end;
    while (last > c.start + 1 && (bytes[last - 1] === 10 || bytes[last - 1] === 13)) last--;
    let endLine = line;
    let endLineStart = lineStart;
    for (let i = c.start; i < last; i++) {
      if (bytes[i] === 10) {
        endLine++;
        endLineStart = i + 1;
      }
    }
    const location: Location = {
      path,
      startLine: line,
      endLine,
      startColumn: col + 1,
      endColumn: (endLine === line ? col + utf16Length(bytes, c.start, last) : utf16Length(bytes, endLineStart, last)) + 1,
    };
    const key = `sha256:${createHash("sha256").update(c.secret).digest("hex")}`;
    return { c, location, snippet: snippetOf(bytes, lineStart, c), key };
  });
  const inputs: FingerprintInput[] = located.map(({ c, key }) => ({ ruleId: c.rule.rule.id, scope, path, key }));
  const ids = assignFingerprints(inputs);
  return located.map(({ c, location, snippet }, i): Finding => {
    const r = c.rule.rule;
    const references = referencesOf(c.rule);
    return {
      id: ids[i] as string,
      ruleId: r.id,
      kind: "secret",
      severity: r.severity,
      title: r.title,
      message: c.start < 0 ? `${r.title}: the file itself holds the credential` : `${r.title} found`,
      ...(r.description !== undefined ? { description: r.description } : {}),
      location,
      ...(snippet !== undefined ? { snippet } : {}),
      ...(references !== undefined ? { references } : {}),
      remediation: { text: r.remediation ?? DEFAULT_REMEDIATION },
    };
  });
}
