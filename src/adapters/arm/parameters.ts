// Deployment parameter files (`azuredeploy.parameters.json` beside `azuredeploy.json`): the values
// they give replace the template's defaults. A Key Vault reference stays unknown.
import type { IacNode } from "../../models/value.js";
import { InputError } from "../../core/errors.js";
import { readJson } from "./json.js";
import { child } from "./util.js";

/** Where the parameter file of a template is by convention: `x.json` has `x.parameters.json`. */
export function parametersPathFor(templatePath: string): string | undefined {
  const m = /^(.*)\.jsonc?$/i.exec(templatePath);
  if (!m || /\.parameters$/i.test(m[1] ?? "")) return undefined;
  return `${m[1]}.parameters.json`;
}

/** The parameter values a parameter file gives, by name; throws InputError naming the file and line. */
export function readParameterValues(text: string, path: string): Map<string, IacNode> {
  const root = readJson(text, path);
  const params = child(root, "parameters");
  if (root.t !== "object" || (params !== undefined && params.t !== "object")) throw new InputError(`${path}:${root.range.startLine}: not a deployment parameters file`);
  const out = new Map<string, IacNode>();
  if (params?.t !== "object") return out;
  for (const [name, spec] of params.entries) {
    const value = child(spec, "value");
    out.set(name, value ?? { t: "unknown", range: spec.range });
  }
  return out;
}
