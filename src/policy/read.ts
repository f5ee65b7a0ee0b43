// Reading one policy file: a YAML mapping with the same metadata as a built-in check, a CEL
// `condition` and a `message`. Every mistake is reported with the file and the line of the key.
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from "yaml";
import type { CheckExamples, ExampleFormat } from "../checks/types.js";
import { InputError } from "../core/errors.js";
import { FINDING_KINDS, isSeverity, type ComplianceRef, type FindingKind, type PeerReferences, type Remediation, type Severity } from "../core/model.js";
import { pairOf, parseSettingsYaml, settingsToJS, type SettingsDocument } from "../config/yaml.js";

/** A policy as written, with the line of each expression for error messages. */
export interface PolicySpec {
  file: string;
  line: number;
  id: string;
  title: string;
  severity: Severity;
  kind?: FindingKind;
  description: string;
  appliesTo: string;
  condition: { text: string; line: number };
  message?: { text: string; line: number };
  remediation: Remediation;
  references?: PeerReferences;
  compliance?: ComplianceRef[];
  examples: Partial<Record<ExampleFormat, CheckExamples>>;
  /** The line of a top-level key (of the file's start when it is missing). */
  lineOf(key: string): number;
}

const KEYS = [
  "id", "title", "severity", "kind", "description", "appliesTo", "condition", "message",
  "remediation", "references", "compliance", "examples",
] as const;
const PEER_TOOLS = ["checkov", "kics", "trivy", "prowler", "cis", "hadolint", "gitleaks"] as const;
/** Any id but Mamori's own: `ACME-S3-001`, `CUSTOM-K8S-LABELS`. */
const POLICY_ID = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$/;
const MAX_EXAMPLES = 50;

class Reader {
  constructor(
    private readonly src: SettingsDocument,
    private readonly root: YAMLMap,
  ) {}

  lineOf(key: string): number {
    return this.src.lineOf((pairOf(this.root, key)?.key as Node | undefined) ?? this.root);
  }

  fail(key: string, message: string): never {
    throw new InputError(`${this.src.label}:${this.lineOf(key)}: ${key}: ${message}`);
  }

  node(key: string): Node | undefined {
    return (pairOf(this.root, key)?.value as Node | undefined) ?? undefined;
  }

  string(key: string, required: true): string;
  string(key: string, required?: false): string | undefined;
  string(key: string, required?: boolean): string | undefined {
    const n = this.node(key);
    if (n === undefined || (isScalar(n) && n.value === null)) {
      if (required) throw new InputError(`${this.src.label}:${this.src.lineOf(this.root)}: missing ${key}`);
      return undefined;
    }
    if (!isScalar(n) || typeof n.value !== "string" || n.value.trim() === "") this.fail(key, "must be a non-empty string");
    return n.value;
  }
}

function stringList(v: unknown): string[] | undefined {
  if (typeof v === "string") return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v as string[];
  return undefined;
}

function readExamples(r: Reader, value: unknown): Partial<Record<ExampleFormat, CheckExamples>> {
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) r.fail("examples", "must be a mapping of formats (terraform, kubernetes, dockerfile, ...)");
  const out: Partial<Record<ExampleFormat, CheckExamples>> = {};
  for (const [format, ex] of Object.entries(value as Record<string, unknown>)) {
    if (typeof ex !== "object" || ex === null || Array.isArray(ex)) r.fail("examples", `${format}: must be a mapping with bad and good lists`);
    const { bad, good, ...rest } = ex as Record<string, unknown>;
    const extra = Object.keys(rest)[0];
    if (extra !== undefined) r.fail("examples", `${format}: unknown key "${extra}" (bad, good)`);
    const b = bad === undefined || bad === null ? [] : stringList(bad);
    const g = good === undefined || good === null ? [] : stringList(good);
    if (!b || !g) r.fail("examples", `${format}: bad and good must be lists of strings`);
    if (b.length + g.length > MAX_EXAMPLES) r.fail("examples", `${format}: more than ${MAX_EXAMPLES} examples`);
    out[format as ExampleFormat] = { bad: b, good: g };
  }
  return out;
}

function readReferences(r: Reader, value: unknown): PeerReferences | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) r.fail("references", `must be a mapping of tools (${PEER_TOOLS.join(", ")})`);
  const out: PeerReferences = {};
  for (const [tool, ids] of Object.entries(value as Record<string, unknown>)) {
    if (!(PEER_TOOLS as readonly string[]).includes(tool)) r.fail("references", `unknown tool "${tool}" (${PEER_TOOLS.join(", ")})`);
    const list = stringList(ids);
    if (!list) r.fail("references", `${tool}: must be an id or a list of ids`);
    out[tool as (typeof PEER_TOOLS)[number]] = list.length === 1 ? (list[0] as string) : list;
  }
  return out;
}

function readCompliance(r: Reader, value: unknown): ComplianceRef[] | undefined {
  if (value === undefined || value === null) return undefined;
  const ok =
    Array.isArray(value) &&
    value.every((c) => typeof c === "object" && c !== null && typeof (c as ComplianceRef).framework === "string" && typeof (c as ComplianceRef).control === "string");
  if (!ok) r.fail("compliance", "must be a list of { framework, control }");
  return (value as ComplianceRef[]).map((c) => ({ framework: c.framework, control: c.control }));
}

function readRemediation(r: Reader, value: unknown): Remediation {
  if (typeof value === "string" && value.trim() !== "") return { text: value };
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const { text, fix, ...rest } = value as Record<string, unknown>;
    const extra = Object.keys(rest)[0];
    if (extra !== undefined) r.fail("remediation", `unknown key "${extra}" (text, fix)`);
    if (typeof text === "string" && text.trim() !== "" && (fix === undefined || typeof fix === "string")) {
      return fix === undefined ? { text } : { text, fix };
    }
  }
  if (value === undefined) r.fail("remediation", "missing: give remediation text");
  return r.fail("remediation", "must be text, or a mapping with text and an optional fix snippet");
}

/** Parses and validates one policy file (`label` is how errors name it). */
export function readPolicy(text: string, label: string): PolicySpec {
  const src = parseSettingsYaml(text, label);
  if (src.doc.contents === null || !isMap(src.doc.contents)) throw new InputError(`${label}:1: a policy file is a YAML mapping (id, title, severity, appliesTo, condition, ...)`);
  const root = src.doc.contents;
  const r: Reader = new Reader(src, root);
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    if (!(KEYS as readonly string[]).includes(key)) {
      throw new InputError(`${label}:${src.lineOf(pair.key as Node)}: unknown key "${key}" (${KEYS.join(", ")})`);
    }
  }
  const data = settingsToJS(src) as Record<string, unknown>;

  const id = r.string("id", true);
  if (id.toUpperCase().startsWith("MAM-")) r.fail("id", `${id}: MAM- ids are Mamori's own; give your policies a prefix of your own (ACME-S3-001)`);
  if (!POLICY_ID.test(id)) r.fail("id", `${id}: use upper-case words and digits joined by dashes, such as ACME-S3-001`);
  const severity = r.string("severity", true);
  if (!isSeverity(severity)) r.fail("severity", `must be one of critical, high, medium, low, info`);
  const kind = r.string("kind");
  if (kind !== undefined && !(FINDING_KINDS as readonly string[]).includes(kind)) r.fail("kind", `must be one of ${FINDING_KINDS.join(", ")}`);
  const message = r.string("message");
  const condition = r.string("condition", true);
  const examplesNode = r.node("examples");
  if (examplesNode !== undefined && !isMap(examplesNode) && !(isScalar(examplesNode) && examplesNode.value === null)) {
    r.fail("examples", "must be a mapping of formats (terraform, kubernetes, dockerfile, ...)");
  }
  const compliance = readCompliance(r, data.compliance);
  const references = readReferences(r, data.references);
  if (isSeq(r.node("references"))) r.fail("references", "must be a mapping of tools");

  return {
    file: label,
    line: 1,
    id,
    title: r.string("title", true),
    severity,
    ...(kind !== undefined ? { kind: kind as FindingKind } : {}),
    description: r.string("description", true),
    appliesTo: r.string("appliesTo", true),
    condition: { text: condition, line: r.lineOf("condition") },
    ...(message !== undefined ? { message: { text: message, line: r.lineOf("message") } } : {}),
    remediation: readRemediation(r, data.remediation),
    ...(references !== undefined ? { references } : {}),
    ...(compliance !== undefined ? { compliance } : {}),
    examples: readExamples(r, data.examples),
    lineOf: (key) => r.lineOf(key),
  };
}
