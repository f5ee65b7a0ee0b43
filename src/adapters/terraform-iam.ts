// An IAM policy document from `jsonencode({...})` (values keep their lines) or from a JSON string
// or heredoc (every value gets the attribute's lines, since JSON inside a string has no positions here).
import type { SourceRange } from "../checks/types.js";
import type { IamStatement, TfValue } from "../models/aws.js";
import type { TfNode } from "./terraform-hcl.js";

function fromJson(v: unknown, range: SourceRange): TfNode {
  if (Array.isArray(v)) return { t: "list", items: v.map((x) => fromJson(x, range)), range };
  if (v !== null && typeof v === "object") return { t: "object", entries: new Map(Object.entries(v).map(([k, x]) => [k, fromJson(x, range)])), range };
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v === null) return { t: "prim", value: v, range };
  return { t: "unknown", range };
}

function strings(n: TfNode | undefined): TfValue<string>[] {
  if (!n) return [];
  const items = n.t === "list" ? n.items : [n];
  return items.map((i) => (i.t === "prim" && typeof i.value === "string" ? { value: i.value, known: true, range: i.range } : { value: undefined, known: false, range: i.range }));
}

export function iamStatements(policy: TfNode | undefined): IamStatement[] {
  let doc: TfNode | undefined;
  if (policy?.t === "unknown" && policy.encoded) doc = policy.encoded;
  else if (policy?.t === "prim" && typeof policy.value === "string") {
    try {
      doc = fromJson(JSON.parse(policy.value), policy.range);
    } catch {
      return [];
    }
  }
  if (doc?.t !== "object") return [];
  const st = doc.entries.get("Statement");
  const list = st?.t === "list" ? st.items : st ? [st] : [];
  return list.flatMap((s): IamStatement[] => {
    if (s.t !== "object") return [];
    const effect = strings(s.entries.get("Effect"))[0];
    const out: IamStatement = {
      action: strings(s.entries.get("Action")),
      notAction: strings(s.entries.get("NotAction")),
      resource: strings(s.entries.get("Resource")),
      range: s.range,
    };
    if (effect) out.effect = effect;
    return [out];
  });
}
