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
}

export function catalogEntry(c: CheckMeta): CatalogEntry {
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
  };
}

export function catalogJson(checks: readonly CheckMeta[]): CatalogEntry[] {
  return checks.map(catalogEntry);
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

function section(c: CheckMeta): string {
  const out: string[] = [`## ${c.id}: ${c.title}`, ""];
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

export function catalogMarkdown(checks: readonly CheckMeta[]): string {
  const rows = checks.map(
    (c) => `| [${c.id}](#${c.id.toLowerCase()}-${anchor(c.title)}) | ${c.severity} | ${cell(c.title)} | \`${c.appliesTo}\` | ${cell(peerIds(c.references).join(", ")) || "—"} |`,
  );
  return [
    "# Mamori rules",
    "",
    `${checks.length} built-in checks.`,
    "",
    "| Id | Severity | Title | Applies to | Equivalent checks |",
    "|---|---|---|---|---|",
    ...rows,
    "",
    ...checks.map((c) => `${section(c)}\n`),
  ].join("\n");
}

/** GitHub's heading anchor for the title part of `## ID: Title`. */
function anchor(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .replace(/\s/g, "-");
}
