// A policy's message: text with `{{ expression }}` parts, each a CEL expression over the same
// `resource`, compiled at load time and rendered per finding.
import { compileCel, type CompiledCel } from "./cel.js";

export type MessagePart = string | CompiledCel;

const MAX_PARTS = 16;
const MAX_VALUE_LENGTH = 200;

/** Splits and compiles a template, or returns why it cannot be. */
export function compileMessage(text: string): { parts: MessagePart[] } | { error: string } {
  const parts: MessagePart[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf("{{", i);
    if (open === -1) {
      parts.push(text.slice(i));
      break;
    }
    const close = text.indexOf("}}", open + 2);
    if (close === -1) return { error: "a {{ without its closing }}" };
    if (open > i) parts.push(text.slice(i, open));
    const compiled = compileCel(text.slice(open + 2, close).trim());
    if ("error" in compiled) return { error: `in {{ ${text.slice(open + 2, close).trim()} }}: ${compiled.error}` };
    parts.push(compiled.run);
    if (parts.length > MAX_PARTS * 2) return { error: `more than ${MAX_PARTS} {{ }} parts` };
    i = close + 2;
  }
  return { parts };
}

function show(v: unknown): string {
  if (v === null || v === undefined) return "(unknown)";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") return String(v);
  try {
    return JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? String(x) : x)) ?? "?";
  } catch {
    return "?";
  }
}

/** Renders a template; a part that cannot be evaluated shows as `?`. */
export function renderMessage(parts: readonly MessagePart[], resource: unknown): string {
  return parts
    .map((p) => {
      if (typeof p === "string") return p;
      let s: string;
      try {
        s = show(p({ resource }));
      } catch {
        s = "?";
      }
      return s.length > MAX_VALUE_LENGTH ? `${s.slice(0, MAX_VALUE_LENGTH)}…` : s;
    })
    .join("");
}
