// A resource policy document (bucket, key, topic, queue, trust policy) read from the value tree
// the same way for Terraform and CloudFormation: an object (jsonencode() or a YAML/JSON template),
// or a JSON string (heredoc, literal), whose values then all carry the string's lines.
import type { SourceRange } from "../../checks/types.js";
import type { PolicyCondition, PolicyDocument, PolicyPrincipal, PolicyStatement, PrincipalKind } from "../../models/aws-data.js";
import type { IacNode, Val } from "../../models/value.js";
import { stringOf, unknownVal } from "../values.js";

/** JSON nested deeper than this is not a policy anyone writes; it stays unknown. */
const MAX_DEPTH = 32;

function fromJson(v: unknown, range: SourceRange, depth = 0): IacNode {
  if (depth > MAX_DEPTH) return { t: "unknown", range };
  if (Array.isArray(v)) return { t: "list", items: v.map((x) => fromJson(x, range, depth + 1)), range };
  if (v !== null && typeof v === "object") {
    return { t: "object", entries: new Map(Object.entries(v).map(([k, x]) => [k, fromJson(x, range, depth + 1)])), range };
  }
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v === null) return { t: "prim", value: v, range };
  return { t: "unknown", range };
}

/** The document node behind a policy value, or undefined when it cannot be read. */
function documentNode(n: IacNode): IacNode | undefined {
  if (n.t === "unknown") return n.encoded;
  if (n.t === "prim" && typeof n.value === "string") {
    try {
      return fromJson(JSON.parse(n.value) as unknown, n.range);
    } catch {
      return undefined;
    }
  }
  return n;
}

/** Strings of a policy value; a single value is a list of one, and booleans/numbers (`false`) read as their text. */
function values(n: IacNode | undefined): Val<string>[] {
  if (!n) return [];
  const items = n.t === "list" ? n.items : [n];
  return items.map((i) => stringOf(i) ?? unknownVal<string>(i.range));
}

const KINDS: readonly PrincipalKind[] = ["AWS", "Service", "Federated", "CanonicalUser"];

function principals(n: IacNode | undefined): PolicyPrincipal[] {
  if (!n) return [];
  if (n.t === "prim" && n.value === "*") return [{ kind: "*", value: { value: "*", known: true, range: n.range } }];
  if (n.t !== "object") return [{ kind: "AWS", value: unknownVal(n.range) }];
  const out: PolicyPrincipal[] = [];
  for (const [key, value] of n.entries) {
    const kind = KINDS.find((k) => k === key);
    if (kind) for (const v of values(value)) out.push({ kind, value: v });
  }
  return out;
}

function conditions(n: IacNode | undefined): PolicyCondition[] | "unknown" | undefined {
  if (!n) return undefined;
  if (n.t !== "object") return "unknown";
  const out: PolicyCondition[] = [];
  for (const [operator, keys] of n.entries) {
    if (keys.t !== "object") return "unknown";
    for (const [key, vals] of keys.entries) out.push({ operator, key, values: values(vals) });
  }
  return out;
}

function statement(s: IacNode): PolicyStatement | undefined {
  if (s.t !== "object") return undefined;
  const e = s.entries;
  const out: PolicyStatement = {
    principals: principals(e.get("Principal")),
    notPrincipal: e.has("NotPrincipal"),
    action: values(e.get("Action")),
    notAction: values(e.get("NotAction")),
    range: s.range,
  };
  const effect = stringOf(e.get("Effect"));
  if (effect) out.effect = effect;
  const cond = conditions(e.get("Condition"));
  if (cond) out.conditions = cond;
  return out;
}

/** The policy document a value holds; `known: false` when it cannot be read (a data source, a function). */
export function policyDocument(n: IacNode): PolicyDocument {
  const doc = documentNode(n);
  if (doc?.t !== "object") return { known: false, statements: [], range: n.range };
  const st = doc.entries.get("Statement");
  if (!st) return { known: true, statements: [], range: n.range };
  if (st.t === "unknown") return { known: false, statements: [], range: n.range };
  const items = st.t === "list" ? st.items : [st];
  const statements: PolicyStatement[] = [];
  for (const item of items) {
    const s = statement(item);
    if (!s) return { known: false, statements: [], range: n.range };
    statements.push(s);
  }
  return { known: true, statements, range: n.range };
}

/** An unreadable policy at `range` (a companion that could not be tied to its resource). */
export function unknownPolicy(range: SourceRange): PolicyDocument {
  return { known: false, statements: [], range };
}
