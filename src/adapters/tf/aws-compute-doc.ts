// Values that read the same whatever the format: documents written as a JSON string, as
// Terraform's jsonencode() or as a CloudFormation object (resource policies, ECS container
// definitions), environment maps and user data. Shared by the Terraform and CloudFormation mappers.
import type { SourceRange } from "../../checks/types.js";
import type { EcsContainer, EnvVar, PolicyStatement } from "../../models/aws-compute.js";
import type { IacNode, Val } from "../../models/value.js";
import { boolOf, itemsOf, stringOf, stringsOf, unknownVal } from "../values.js";

function fromJson(v: unknown, range: SourceRange): IacNode {
  if (Array.isArray(v)) return { t: "list", items: v.map((x) => fromJson(x, range)), range };
  if (v !== null && typeof v === "object") return { t: "object", entries: new Map(Object.entries(v).map(([k, x]) => [k, fromJson(x, range)])), range };
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v === null) return { t: "prim", value: v, range };
  return { t: "unknown", range };
}

/**
 * The document a value holds: the argument of jsonencode(), a JSON string (every value then gets
 * the string's lines), or the object or list itself. Undefined when it cannot be read.
 */
export function documentOf(n: IacNode | undefined): IacNode | undefined {
  if (!n) return undefined;
  if (n.t === "unknown") return n.encoded;
  if (n.t === "prim") {
    if (typeof n.value !== "string") return undefined;
    try {
      return fromJson(JSON.parse(n.value), n.range);
    } catch {
      return undefined;
    }
  }
  return n;
}

/** An object entry by key, whatever its case (`privileged` in ECS JSON, `Privileged` in CloudFormation). */
export function entryOf(n: IacNode | undefined, key: string): IacNode | undefined {
  if (n?.t !== "object") return undefined;
  const exact = n.entries.get(key);
  if (exact) return exact;
  const want = key.toLowerCase();
  for (const [k, v] of n.entries) if (k.toLowerCase() === want) return v;
  return undefined;
}

function principalsOf(n: IacNode | undefined): Val<string>[] {
  if (!n) return [];
  if (n.t === "object") return [...n.entries.values()].flatMap((v) => stringsOf(v));
  return stringsOf(n);
}

/** The statements of a resource policy; undefined when the document cannot be read. */
export function policyStatements(policy: IacNode | undefined): PolicyStatement[] | undefined {
  const doc = documentOf(policy);
  if (doc?.t !== "object") return undefined;
  const st = entryOf(doc, "Statement");
  if (!st) return [];
  return itemsOf(st).flatMap((s): PolicyStatement[] => {
    if (s.t !== "object") return [];
    const out: PolicyStatement = {
      principals: principalsOf(entryOf(s, "Principal")),
      hasCondition: entryOf(s, "Condition") !== undefined,
      range: s.range,
    };
    const effect = stringOf(entryOf(s, "Effect"));
    if (effect) out.effect = effect;
    return [out];
  });
}

/** A map of environment variables (`{ NAME = "value" }`); undefined when it is not a readable map. */
export function envMap(n: IacNode | undefined): EnvVar[] | undefined {
  if (!n) return [];
  if (n.t !== "object") return undefined;
  return [...n.entries].map(([name, v]) => ({ name, value: stringOf(v) ?? unknownVal<string>(v.range) }));
}

/** A list of `{ name, value }` pairs (ECS); undefined when it is not a readable list. */
export function envList(n: IacNode | undefined): EnvVar[] | undefined {
  if (!n) return [];
  if (n.t !== "list") return undefined;
  const out: EnvVar[] = [];
  for (const item of n.items) {
    const name = stringOf(entryOf(item, "name"));
    if (!name?.known || name.value === undefined) return undefined;
    const value = entryOf(item, "value");
    out.push({ name: name.value, value: stringOf(value) ?? unknownVal<string>(value?.range ?? item.range) });
  }
  return out;
}

/** ECS container definitions; undefined when they cannot be read. */
export function ecsContainers(n: IacNode | undefined): EcsContainer[] | undefined {
  const doc = documentOf(n);
  if (doc?.t !== "list") return undefined;
  return doc.items.map((c, i) => {
    const name = stringOf(entryOf(c, "name"));
    const out: EcsContainer = { name: name?.known && name.value ? name.value : `container ${i + 1}`, range: c.range };
    const privileged = boolOf(entryOf(c, "privileged"));
    if (privileged) out.privileged = privileged;
    const user = stringOf(entryOf(c, "user"));
    if (user) out.user = user;
    const ro = boolOf(entryOf(c, "readonlyRootFilesystem"));
    if (ro) out.readonlyRootFilesystem = ro;
    const env = envList(entryOf(c, "environment"));
    if (env) out.env = env;
    return out;
  });
}

const BASE64 = /^[A-Za-z0-9+/\r\n]+={0,2}\s*$/;

/**
 * User data as text. Base64 is decoded when the source says the value is encoded, or when it looks
 * encoded and decodes to text; anything else is taken as written.
 */
export function userDataText(v: Val<string> | undefined, encoded: boolean | "maybe"): Val<string> | undefined {
  if (!v?.known || v.value === undefined || encoded === false) return v;
  const raw = v.value.trim();
  if (raw.length < 8 || raw.length % 4 !== 0 || !BASE64.test(raw)) return encoded === true ? unknownVal(v.range) : v;
  const text = Buffer.from(raw, "base64").toString("utf8");
  // Control characters other than whitespace mean binary (gzip) or not base64 after all.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text)) return encoded === true ? unknownVal(v.range) : v;
  return { ...v, value: text };
}
