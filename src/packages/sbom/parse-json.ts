// JSON documents given by the user (SBOM, VEX): a parse error names the file and the line and column.
import { InputError } from "../../core/errors.js";

export function parseJsonDocument(text: string, label: string): unknown {
  // A UTF-8 byte order mark is legal in a file and not in JSON.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body) as unknown;
  } catch (e) {
    const message = (e as Error).message;
    const at = /in JSON at position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : message.startsWith("Unexpected end of JSON input") ? body.length : undefined;
    const cause = oneLine(
      message.replace(/ in JSON at position \d+( \(line \d+ column \d+\))?/, "").replace(/^Unexpected end of JSON input$/, "unexpected end of input"),
    );
    const where = offset === undefined ? "" : ` at ${lineColumn(body, offset)}`;
    throw new InputError(`${label}: not valid JSON${where}: ${cause}`, { cause: e });
  }
}

function lineColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/** V8 quotes the offending source text: keep the message one short line whatever the file holds. */
function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = s.replace(/[\u0000-\u001f\u007f]+/g, " ");
  return flat.length > 200 ? `${flat.slice(0, 200)}...` : flat;
}

/** Reading untyped JSON without casts at every step. */
export function asObject(v: unknown): Record<string, unknown> | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function asString(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

/** A non-empty string, or undefined. */
export function asText(v: unknown): string | undefined {
  return typeof v === "string" && v.trim() !== "" ? v : undefined;
}
