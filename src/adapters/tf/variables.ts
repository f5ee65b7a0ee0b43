// Values of a root module's input variables, in Terraform's order of precedence (later wins):
// TF_VAR_name environment variables, terraform.tfvars, terraform.tfvars.json, *.auto.tfvars and
// *.auto.tfvars.json in lexical order, then -var and -var-file in the order given.
import type { SourceRange } from "../../checks/types.js";
import { InputError } from "../../core/errors.js";
import type { Cx, Resolved, Scope } from "./eval-context.js";
import { evalSafe } from "./eval.js";
import type { Budget } from "./limits.js";
import { HclSyntaxError } from "./parse-cursor.js";
import { parseExprText, parseTfvars } from "./parse.js";
import type { Expr } from "./syntax.js";
import { readJson, type JsonNode } from "./json-read.js";
import { list, object, prim, unknown, type V } from "./value.js";

export interface RootValue {
  value: V;
  /** Where the value was set (a .tfvars path, `--var`, `TF_VAR_x`): never a .tf file, so its lines are not used. */
  file: string;
}

/** Variables given on the command line, in the order given, and the environment for TF_VAR_. */
export interface TfVariableInputs {
  cli?: readonly ({ file: string; text: string } | { name: string; value: string })[];
  env?: Readonly<Record<string, string | undefined>>;
}

type Entry = RootValue | { raw: string; file: string };
export type Layer = Map<string, Entry>;

const LINE1: SourceRange = { startLine: 1, endLine: 1 };

/** A scope where nothing has a value: .tfvars files and -var values hold constants only. */
export class ConstScope implements Scope {
  readonly explain = undefined;
  constructor(readonly budget: Budget) {}
  lookup(root: string, _steps: unknown, cx: Cx, at: Expr): Resolved {
    return { value: unknown(at.r), file: cx.file, used: 0, text: root };
  }
  readFile(): undefined {
    return undefined;
  }
}

/** A JSON value as written, with its lines (values in a JSON variables file are literal). */
function jsonValue(n: JsonNode): V {
  if (n.k === "scalar") return prim(n.v, n.r);
  if (n.k === "array") return list(n.items.map(jsonValue), n.r);
  return object(new Map(n.props.map((p) => [p.key, jsonValue(p.value)])), n.r);
}

function kindOf(path: string): string {
  return /\.json$/i.test(path) ? "JSON " : "";
}

/** Reads a variables file (HCL, or JSON when named .json). Throws HclSyntaxError. */
function readVarFile(path: string, text: string, budget: Budget): Layer {
  const layer: Layer = new Map();
  if (/\.json$/i.test(path)) {
    const root = readJson(text);
    if (root.k !== "object") throw new HclSyntaxError(root.r.startLine, "a JSON variables file holds one object");
    for (const p of root.props) layer.set(p.key, { value: jsonValue(p.value), file: path });
    return layer;
  }
  const cx: Cx = { scope: new ConstScope(budget), file: path, names: undefined };
  for (const a of parseTfvars(text, path).attrs) layer.set(a.name, { value: evalSafe(a.expr, cx), file: path });
  return layer;
}

export class RootValues {
  constructor(
    private readonly layers: readonly Layer[],
    private readonly budget: Budget,
  ) {}

  /** The value of a variable; `-var` text is a string for primitive types and an HCL expression otherwise. */
  get(name: string, primitive: boolean): RootValue | undefined {
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const e = this.layers[i]?.get(name);
      if (!e) continue;
      if (!("raw" in e)) return e;
      if (primitive) return { value: prim(e.raw, LINE1), file: e.file };
      try {
        const cx: Cx = { scope: new ConstScope(this.budget), file: e.file, names: undefined };
        return { value: evalSafe(parseExprText(e.raw), cx), file: e.file };
      } catch (err) {
        if (!(err instanceof HclSyntaxError)) throw err;
        return { value: unknown(LINE1), file: e.file };
      }
    }
    return undefined;
  }
}

/** The command-line layers, read once per scan; a file that cannot be read is the user's error. */
export function cliLayers(inputs: TfVariableInputs | undefined, budget: Budget): { env: Layer; cli: Layer[] } {
  const env: Layer = new Map();
  for (const [k, v] of Object.entries(inputs?.env ?? {})) {
    if (k.startsWith("TF_VAR_") && v !== undefined && k.length > 7) env.set(k.slice(7), { raw: v, file: k });
  }
  const cli: Layer[] = [];
  for (const item of inputs?.cli ?? []) {
    if ("name" in item) {
      cli.push(new Map([[item.name, { raw: item.value, file: "--var" }]]));
      continue;
    }
    try {
      cli.push(readVarFile(item.file, item.text, budget));
    } catch (e) {
      if (e instanceof HclSyntaxError) throw new InputError(`${item.file}:${e.line}: not a valid ${kindOf(item.file)}variables file: ${e.detail}`);
      throw e;
    }
  }
  return { env, cli };
}

/** The variables files Terraform loads by itself from a root module's directory, in order. */
export function autoVarFiles(names: readonly string[]): string[] {
  const auto = names.filter((n) => /\.auto\.tfvars(\.json)?$/.test(n)).sort();
  return [...["terraform.tfvars", "terraform.tfvars.json"].filter((n) => names.includes(n)), ...auto];
}

/** Reads the root directory's variables files; one that cannot be read is a warning and is skipped. */
export function dirLayers(dir: string, names: readonly string[], read: (path: string) => string | undefined, budget: Budget, warn: (path: string, line: number | undefined, message: string) => void): Layer[] {
  const out: Layer[] = [];
  for (const n of autoVarFiles(names)) {
    const path = dir === "" ? n : `${dir}/${n}`;
    const text = read(path);
    if (text === undefined) continue;
    try {
      out.push(readVarFile(path, text, budget));
    } catch (e) {
      if (e instanceof HclSyntaxError) warn(path, e.line, `not a valid ${kindOf(path)}variables file (${e.detail}); its values are not used`);
      else throw e;
    }
  }
  return out;
}
