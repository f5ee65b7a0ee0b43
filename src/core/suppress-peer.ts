// Other scanners' skip comments, honoured with --honor-peer-skips so a repository that already
// records its accepted risks for Checkov, tfsec, Trivy or KICS need not say it twice. A peer comment
// reaches a Mamori finding only through the check's references to that tool's rule; a finding of
// a check without such a reference is never suppressed by a peer comment.
//   # checkov:skip=CKV_AWS_20:reason          inside a resource (or anywhere in a Dockerfile)
//   checkov.io/skip1: CKV_K8S_20=reason       a Kubernetes annotation: the whole object
//   #tfsec:ignore:aws-s3-enable-versioning    #trivy:ignore:AVD-AWS-0090[:exp:2025-12-31]
//                                             on the line, or above the line or block
//   # kics-scan ignore-line | ignore-block | ignore | disable=<query id>,...
// Lines are scanned by hand (indexOf and short tokens), never by a regular expression over the line.
import type { Directive } from "./suppress.js";
import { boundedReason, isSpace, markerBefore, NO_REASON } from "./suppress.js";
import type { Finding, PeerReferences } from "./model.js";

const MAX_TOKEN = 128;

/** tfsec's and Trivy's long ids for the AVD ids Mamori's checks refer to. */
const LONG_IDS: Record<string, string> = {
  "aws-iam-no-policy-wildcards": "AVD-AWS-0057",
  "aws-s3-block-public-acls": "AVD-AWS-0086",
  "aws-s3-block-public-policy": "AVD-AWS-0087",
  "aws-s3-enable-bucket-encryption": "AVD-AWS-0088",
  "aws-s3-enable-bucket-logging": "AVD-AWS-0089",
  "aws-s3-enable-versioning": "AVD-AWS-0090",
  "aws-s3-ignore-public-acls": "AVD-AWS-0091",
  "aws-s3-no-public-access-with-acl": "AVD-AWS-0092",
  "aws-s3-no-public-buckets": "AVD-AWS-0093",
  "aws-s3-specify-public-access-block": "AVD-AWS-0094",
  "aws-ec2-no-public-ingress-sgr": "AVD-AWS-0107",
  "aws-vpc-no-public-ingress-sgr": "AVD-AWS-0107",
};

function isDigits(s: string): boolean {
  return s.length > 0 && [...s].every((c) => c >= "0" && c <= "9");
}

function isLetters(s: string): boolean {
  return s.length > 0 && [...s].every((c) => c >= "A" && c <= "Z");
}

/**
 * One spelling for an Aqua rule id: `AVD-AWS-0086`, `avd-aws-0086`, `AWS-0086`, `KSV001` and the
 * long ids of LONG_IDS all become `AVD-<AREA>-<NNNN>`; anything else is returned upper-cased.
 */
export function canonicalAvdId(id: string): string {
  const long = LONG_IDS[id.toLowerCase()];
  if (long) return long;
  const up = id.toUpperCase();
  const parts = up.split("-");
  if (parts.length === 3 && parts[0] === "AVD" && isLetters(parts[1] ?? "") && isDigits(parts[2] ?? "")) return `AVD-${parts[1]}-${(parts[2] ?? "").padStart(4, "0")}`;
  if (parts.length === 2 && isLetters(parts[0] ?? "") && isDigits(parts[1] ?? "")) return `AVD-${parts[0]}-${(parts[1] ?? "").padStart(4, "0")}`;
  let i = 0;
  while (i < up.length && up[i] !== undefined && (up[i] as string) >= "A" && (up[i] as string) <= "Z") i++;
  if (i > 0 && isDigits(up.slice(i))) return `AVD-${up.slice(0, i)}-${up.slice(i).padStart(4, "0")}`;
  return up;
}

function refsOf(refs: PeerReferences | undefined, tool: keyof PeerReferences): string[] {
  const v = refs?.[tool];
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

function byReference(tool: "checkov" | "trivy" | "kics", ids: readonly string[] | "*"): (f: Finding) => boolean {
  const norm = tool === "trivy" ? canonicalAvdId : (s: string) => s.toUpperCase();
  if (ids === "*") return (f) => refsOf(f.references, tool).length > 0;
  const wanted = new Set(ids.map(norm));
  return (f) => refsOf(f.references, tool).some((r) => wanted.has(norm(r)));
}

/** The token starting at `i`, up to white space (bounded). */
function tokenAt(line: string, i: number, stop = ""): string {
  let j = i;
  while (j < line.length && j - i < MAX_TOKEN && !isSpace(line[j]) && !stop.includes(line[j] as string)) j++;
  return line.slice(i, j);
}

/** Finds `keyword` introduced by a comment marker, case-insensitively; returns the index after it. */
function afterComment(line: string, lower: string, keyword: string): number | undefined {
  for (let at = lower.indexOf(keyword); at !== -1; at = lower.indexOf(keyword, at + keyword.length)) {
    if (markerBefore(line, at)) return at + keyword.length;
  }
  return undefined;
}

/** `checkov:skip=CKV_AWS_20:reason` or, in an annotation, `CKV_K8S_20=reason`: the id and the reason. */
function checkovSkip(line: string, from: number, sep: string): { id: string; reason: string } | undefined {
  const id = tokenAt(line, from, `${sep}"'`);
  if (!id.toUpperCase().startsWith("CKV")) return undefined;
  let rest = line.slice(from + id.length, from + id.length + 1000);
  if (rest.startsWith(sep)) rest = rest.slice(1);
  else rest = "";
  rest = rest.trim();
  if (rest.endsWith('"') || rest.endsWith("'")) rest = rest.slice(0, -1);
  return { id, reason: boundedReason(rest) };
}

function trivyStyle(line: string, from: number, tool: "tfsec" | "trivy"): Directive[] {
  const token = tokenAt(line, from);
  const [id, ...params] = token.split(":");
  if (!id) return [];
  let expires: string | undefined;
  for (let i = 0; i + 1 < params.length; i += 2) if (params[i] === "exp") expires = params[i + 1];
  return [
    {
      line: 0,
      scope: "line",
      reason: NO_REASON,
      tool,
      ...(expires !== undefined ? { expires } : {}),
      covers: byReference("trivy", id === "*" ? "*" : [id]),
    },
  ];
}

function kics(line: string, from: number): Directive[] {
  while (isSpace(line[from])) from++;
  const token = tokenAt(line, from).toLowerCase();
  const any = byReference("kics", "*");
  if (token === "ignore-line") return [{ line: 0, scope: "next-line", reason: NO_REASON, tool: "kics", covers: any }];
  if (token === "ignore-block") return [{ line: 0, scope: "line", reason: NO_REASON, tool: "kics", covers: any }];
  if (token === "ignore") return [{ line: 0, scope: "file", reason: NO_REASON, tool: "kics", covers: any }];
  if (token.startsWith("disable=")) {
    const ids = token.slice("disable=".length).split(",").filter((s) => s !== "");
    return ids.length > 0 ? [{ line: 0, scope: "file", reason: NO_REASON, tool: "kics", covers: byReference("kics", ids) }] : [];
  }
  return [];
}

/** Peer directives on one line. `inDockerfile`: Checkov's comments there cover the whole file. */
function scanPeerLine(line: string, inDockerfile: boolean): Directive[] {
  const lower = line.toLowerCase();
  const out: Directive[] = [];
  const ck = afterComment(line, lower, "checkov:skip=");
  if (ck !== undefined) {
    const skip = checkovSkip(line, ck, ":");
    if (skip) out.push({ line: 0, scope: inDockerfile ? "file" : "enclosing", reason: skip.reason || NO_REASON, tool: "checkov", covers: byReference("checkov", [skip.id]) });
  }
  const ann = lower.indexOf("checkov.io/skip");
  if (ann !== -1) {
    let i = ann + "checkov.io/skip".length;
    while (line[i] !== undefined && line[i] !== ":" && i - ann < 40) i++;
    i++;
    while (isSpace(line[i]) || line[i] === '"' || line[i] === "'") i++;
    const skip = checkovSkip(line, i, "=");
    if (skip) out.push({ line: 0, scope: "enclosing", reason: skip.reason || NO_REASON, tool: "checkov", covers: byReference("checkov", [skip.id]) });
  }
  const tf = afterComment(line, lower, "tfsec:ignore:");
  if (tf !== undefined) out.push(...trivyStyle(line, tf, "tfsec"));
  const tr = afterComment(line, lower, "trivy:ignore:");
  if (tr !== undefined) out.push(...trivyStyle(line, tr, "trivy"));
  const ki = afterComment(line, lower, "kics-scan");
  if (ki !== undefined) out.push(...kics(line, ki));
  return out;
}

const NEEDLES = ["checkov", "tfsec:", "trivy:", "kics-scan"];

/** Every peer directive in a file. */
export function peerDirectives(lines: readonly string[], opts: { dockerfile?: boolean } = {}): Directive[] {
  const out: Directive[] = [];
  lines.forEach((text, i) => {
    const lower = text.toLowerCase();
    if (!NEEDLES.some((n) => lower.includes(n))) return;
    for (const d of scanPeerLine(text, opts.dockerfile === true)) out.push({ ...d, line: i + 1 });
  });
  return out;
}
