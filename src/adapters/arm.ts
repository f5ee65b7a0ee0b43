// ARM template adapter: a deployment template (JSON, comments allowed) read with its parameters'
// defaults (or the values of a parameter file beside it), variables and expressions, its
// resources (nested children and inline nested deployments included) handed to the mappers
// (src/adapters/arm) that build typed models.
import { InputError } from "../core/errors.js";
import type { IacNode } from "../models/value.js";
import { mapArm } from "./arm/index.js";
import { readJson } from "./arm/json.js";
import { parametersPathFor, readParameterValues } from "./arm/parameters.js";
import { readTemplate } from "./arm/template.js";
import type { Adapter, ParsedFile, ProjectFile, ProjectOptions } from "./types.js";

function wants(path: string): boolean {
  return /\.jsonc?$/i.test(path);
}

/** A deployment template names its schema (`.../deploymentTemplate.json#`, subscription and tenant ones too) near the top. */
function sniff(text: string): boolean {
  return /"\$schema"\s*:\s*"[^"]*deploymenttemplate\.json/i.test(text.slice(0, 4096));
}

function read(text: string, path: string, values?: Map<string, IacNode>, warnings: ParsedFile["warnings"] = []): ParsedFile {
  const resources = readTemplate(readJson(text, path), path, (line, message) => warnings.push({ line, message }), values);
  const models = mapArm(resources);
  models.sort((x, y) => x.range.startLine - y.range.startLine);
  return { models, blocks: resources.map((r) => r.range), warnings };
}

function parse(text: string, path: string): ParsedFile {
  return read(text, path);
}

/** Each template with the values of its parameter file, when one sits beside it. */
function parseProject(files: readonly ProjectFile[], opts: ProjectOptions): ParsedFile[] {
  return files.map((f) => {
    const label = f.label ?? f.path;
    const warnings: ParsedFile["warnings"] = [];
    let values: Map<string, IacNode> | undefined;
    const paramsPath = parametersPathFor(f.path);
    const paramsText = paramsPath ? opts.readFile?.(paramsPath) : undefined;
    if (paramsPath && paramsText !== undefined) {
      try {
        values = readParameterValues(paramsText, paramsPath);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        warnings.push({ message: `parameter file not used: ${e.message}` });
      }
    }
    try {
      return read(f.text, label, values, warnings);
    } catch (e) {
      if (!(e instanceof InputError) || opts.strict) throw e;
      return { models: [], blocks: [], warnings: [...warnings, { message: e.message }] };
    }
  });
}

export const armAdapter: Adapter = { format: "arm", wants, sniff, parse, parseProject };
