// The rules catalogue (CONTRACT.md, "Rules catalogue"): the same check metadata rendered as JSON
// for scripts and as Markdown for people, examples included, so the catalogue is the documentation.
import type { ComplianceRef, FindingKind, PeerReferences, Remediation, Severity } from "../core/model.js";
import type { CheckMeta, ExampleFormat } from "./types.js";

export interface CatalogEntry {
  id: string;
  title: string;
  severity: Severity;
  kind: FindingKind;
  appliesTo: string;
  description: string;
  references: PeerReferences;
  compliance: ComplianceRef[];
  remediation: Remediation;
  /** Present on custom policies (`rules list --policy`): they are the user's, not Mamori's. */
  custom?: true;
  /** Where a custom policy is defined, `file:line`. */
  source?: string;
}

/** A custom policy's metadata: a check plus the `file:line` it was read from. */
export interface CustomCheckMeta extends CheckMeta {
  source: string;
}

/** `custom`: the check is a custom policy read from `custom.source`. */
export function catalogEntry(c: CheckMeta, custom?: { source: string }): CatalogEntry {
  return {
    id: c.id,
    title: c.title,
    severity: c.severity,
    kind: c.kind ?? "misconfiguration",
    appliesTo: c.appliesTo,
    description: c.description,
    references: { ...(c.references ?? {}) },
    compliance: [...(c.compliance ?? [])],
    remediation: { ...c.remediation },
    ...(custom ? { custom: true as const, source: custom.source } : {}),
  };
}

/** The built-in checks, then the custom policies (each marked `custom` with its source). */
export function catalogJson(checks: readonly CheckMeta[], custom: readonly CustomCheckMeta[] = []): CatalogEntry[] {
  return [...checks.map((c) => catalogEntry(c)), ...custom.map((c) => catalogEntry(c, c))];
}

const PEERS: readonly (keyof PeerReferences)[] = ["checkov", "kics", "trivy", "prowler", "cis", "hadolint"];

function peerIds(refs: PeerReferences | undefined): string[] {
  if (!refs) return [];
  return PEERS.flatMap((k) => {
    const v = refs[k];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  });
}

/** Table cells cannot hold `|` or line breaks. */
function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** A fence longer than any backtick run in the text, so no example can close it early. */
function fenced(text: string, lang: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${text.replace(/\n$/, "")}\n${fence}`;
}

// Markdown/linguist names for the example formats' code blocks.
const LANG: Record<ExampleFormat, string> = {
  dockerfile: "dockerfile",
  image: "json",
  terraform: "hcl",
  cloudformation: "yaml",
  kubernetes: "yaml",
  compose: "yaml",
  arm: "json",
};

function section(c: CheckMeta, source: string | undefined): string {
  const out: string[] = [`## ${c.id}: ${c.title}`, ""];
  if (source !== undefined) out.push(`- Custom policy: \`${source}\``);
  out.push(`- Severity: ${c.severity}`, `- Kind: ${c.kind ?? "misconfiguration"}`, `- Applies to: \`${c.appliesTo}\``);
  const refs = PEERS.filter((k) => c.references?.[k] !== undefined).map((k) => `${k} ${peerIds({ [k]: c.references?.[k] }).join(", ")}`);
  if (refs.length > 0) out.push(`- Equivalent checks: ${refs.join("; ")}`);
  if (c.compliance && c.compliance.length > 0) out.push(`- Compliance: ${c.compliance.map((r) => `${r.framework} ${r.control}`).join(", ")}`);
  out.push("", c.description, "", `**Remediation.** ${c.remediation.text}`);
  if (c.remediation.fix) out.push("", fenced(c.remediation.fix, ""));
  for (const [format, ex] of Object.entries(c.examples) as [ExampleFormat, { bad: string[]; good: string[] }][]) {
    const lang = LANG[format] ?? "";
    ex.bad.forEach((text, i) => out.push("", `Bad (${format}) #${i + 1}:`, "", fenced(text, lang)));
    ex.good.forEach((text, i) => out.push("", `Good (${format}) #${i + 1}:`, "", fenced(text, lang)));
  }
  return out.join("\n");
}

/** The built-in checks, then the custom policies, each of those marked "(custom)" in the table. */
export function catalogMarkdown(checks: readonly CheckMeta[], custom: readonly CustomCheckMeta[] = []): string {
  const all: { c: CheckMeta; source: string | undefined }[] = [...checks.map((c) => ({ c, source: undefined })), ...custom.map((c) => ({ c, source: c.source }))];
  const rows = all.map(
    ({ c, source }) =>
      `| [${c.id}](#${c.id.toLowerCase()}-${anchor(c.title)})${source !== undefined ? " (custom)" : ""} | ${c.severity} | ${cell(c.title)} | \`${c.appliesTo}\` | ${cell(peerIds(c.references).join(", ")) || "—"} |`,
  );
  const count = custom.length > 0 ? `${checks.length} built-in checks and ${custom.length} custom ${custom.length === 1 ? "policy" : "policies"}.` : `${checks.length} built-in checks.`;
  return [
    "# Mamori rules",
    "",
    count,
    "",
    "| Id | Severity | Title | Applies to | Equivalent checks |",
    "|---|---|---|---|---|",
    ...rows,
    "",
    ...all.map(({ c, source }) => `${section(c, source)}\n`),
  ].join("\n");
}

/** GitHub's heading anchor for the title part of `## ID: Title`. */
function anchor(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .replace(/\s/g, "-");
}
