// Dockerfile adapter: dockerfile-ast does the lexing (line continuations, the escape directive,
// here-documents); this file maps its instructions onto one model per file, with 1-based ranges,
// build stages, and the global ARGs that FROM lines may refer to.
import { DockerfileParser, type Arg, type Dockerfile, type Env, type From, type Instruction, type Property } from "dockerfile-ast";
import type { ResourceModel, SourceRange } from "../checks/types.js";
import { InputError } from "../core/errors.js";
import type { Adapter, ParsedFile } from "./types.js";

/** A variable declared by ARG or ENV. */
export interface DockerVar {
  name: string;
  /** The value with quotes and escapes removed; undefined when none is given (`ARG TOKEN`). */
  value?: string;
  /** The value as written in the file (quotes, escapes): what a redaction must hide. */
  rawValue?: string;
}

export interface DockerInstruction {
  /** Upper-case keyword (`RUN`, `FROM`, or an unknown word as written, upper-cased). */
  keyword: string;
  /**
   * The argument text after the keyword and its flags. Continuation lines are joined with a
   * space and comment lines inside them dropped; here-document lines keep their newlines.
   */
  args: string;
  /** The arguments as dockerfile-ast splits them (white space, quotes kept), flags excluded. */
  argv: string[];
  /** Flags such as `--platform=...`, `--from=build`, `--mount=type=secret,id=x`, as written. */
  flags: string[];
  /** The array of the exec (JSON) form, when the arguments are one: `RUN ["sh", "-c", "..."]`. */
  exec?: string[];
  /** The variables an ARG or ENV instruction declares. */
  vars?: DockerVar[];
  range: SourceRange;
  /** Index of the build stage; -1 for instructions before the first FROM. */
  stage: number;
  /** The instruction's lines as written; checks that may show secrets must redact it. */
  source: string;
}

export interface DockerStage {
  index: number;
  /** The `AS name` of the FROM line, as written. */
  name?: string;
  /** The FROM argument (an image reference, or an earlier stage's name); "" if missing. */
  image: string;
  platform?: string;
  /** FROM line through the stage's last instruction. */
  range: SourceRange;
  instructions: DockerInstruction[];
  fromInstruction: DockerInstruction;
}

export interface DockerfileModel extends ResourceModel {
  modelType: "dockerfile.Dockerfile";
  path: string;
  stages: DockerStage[];
  instructions: DockerInstruction[];
  /** Global ARGs, declared before the first FROM: the only variables a FROM line can use. */
  args: Map<string, string | undefined>;
}

const KNOWN = new Set([
  "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL",
  "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
]);

const NAMES = /^(?:Dockerfile|dockerfile|Containerfile|containerfile)(?:\..+)?$|^.+\.(?:Dockerfile|dockerfile|Containerfile|containerfile)$/;
// Files named like a Dockerfile that are not one.
const NOT_DOCKERFILE = /\.(?:dockerignore|md|swp)$/;

function wants(path: string): boolean {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return NAMES.test(base) && !NOT_DOCKERFILE.test(base);
}

interface Pos {
  line: number;
  character: number;
}

/** dockerfile-ast ends a range that stops at a trailing continuation at character 0 of the next line. */
function toRange(start: Pos, end: Pos): SourceRange {
  const endLine = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
  return { startLine: start.line + 1, endLine: endLine + 1 };
}

function sliceText(lines: readonly string[], start: Pos, end: Pos): string {
  if (start.line === end.line) return (lines[start.line] ?? "").slice(start.character, end.character);
  const out = [(lines[start.line] ?? "").slice(start.character)];
  for (let l = start.line + 1; l < end.line; l++) out.push(lines[l] ?? "");
  out.push((lines[end.line] ?? "").slice(0, end.character));
  return out.join("\n");
}

const COMMENT_LINE = /^\s*#/;
const BLANK_LINE = /^\s*$/;

/**
 * The argument text of an instruction from its lines: a line ending in the escape character
 * continues on the next with a space (comment and blank lines in between are dropped, as
 * Docker does); any other line break inside an instruction belongs to a here-document and stays.
 */
function argumentText(lines: readonly string[], from: Pos, lastLine: number, escape: string): string {
  const parts: string[] = [];
  let continued = false;
  for (let l = from.line; l <= lastLine; l++) {
    let line = lines[l] ?? "";
    if (l === from.line) line = line.slice(from.character);
    else if (continued && (COMMENT_LINE.test(line) || BLANK_LINE.test(line))) continue;
    const trimmed = line.trimEnd();
    const endsWithEscape = trimmed.endsWith(escape);
    const text = endsWithEscape ? trimmed.slice(0, -escape.length).trimEnd() : line;
    if (parts.length > 0) parts.push(continued ? " " : "\n");
    parts.push(continued ? text.trimStart() : text);
    continued = endsWithEscape;
  }
  return parts.join("").trim();
}

/** The array of the exec form, or undefined when the text is not a JSON array of strings. */
function execForm(args: string): string[] | undefined {
  if (!args.startsWith("[")) return undefined;
  try {
    const v: unknown = JSON.parse(args);
    return Array.isArray(v) && v.every((s) => typeof s === "string") ? (v as string[]) : undefined;
  } catch {
    return undefined;
  }
}

function varsOf(ins: Instruction, keyword: string, lines: readonly string[]): DockerVar[] | undefined {
  let props: Property[];
  if (keyword === "ENV") props = (ins as Env).getProperties();
  else if (keyword === "ARG") {
    const p = (ins as Arg).getProperty();
    props = p ? [p] : [];
  } else return undefined;
  return props
    .filter((p) => p.getName() !== "" && p.getName() !== "\\")
    .map((p) => {
      const v: DockerVar = { name: p.getName() };
      const value = p.getValue();
      const range = p.getValueRange();
      if (value !== null) v.value = value;
      if (range) v.rawValue = sliceText(lines, range.start, range.end);
      return v;
    });
}

function flagsOf(ins: Instruction): { flags: string[]; end?: Pos } {
  const getFlags = (ins as Partial<From>).getFlags;
  if (typeof getFlags !== "function") return { flags: [] };
  const flags = getFlags.call(ins);
  const last = flags[flags.length - 1];
  return { flags: flags.map((f) => f.toString()), ...(last ? { end: last.getRange().end } : {}) };
}

function toInstruction(ins: Instruction, lines: readonly string[], escape: string, stage: number): DockerInstruction {
  const keyword = ins.getKeyword();
  const r = ins.getRange();
  const range = toRange(r.start, r.end);
  const { flags, end: flagsEnd } = flagsOf(ins);
  const keywordEnd = ins.getInstructionRange().end;
  const from = flagsEnd && flagsEnd.line >= keywordEnd.line ? flagsEnd : keywordEnd;
  const args = from.line > range.endLine - 1 ? "" : argumentText(lines, from, range.endLine - 1, escape);
  const out: DockerInstruction = {
    keyword,
    args,
    argv: ins.getArguments().map((a) => a.getValue()),
    flags,
    range,
    stage,
    source: lines.slice(range.startLine - 1, range.endLine).join("\n"),
  };
  const exec = execForm(args);
  if (exec) out.exec = exec;
  const vars = varsOf(ins, keyword, lines);
  if (vars) out.vars = vars;
  return out;
}

function parseDocument(text: string, path: string): Dockerfile {
  try {
    return DockerfileParser.parse(text);
  } catch (e) {
    throw new InputError(`${path}: cannot parse the Dockerfile: ${(e as Error).message}`);
  }
}

/**
 * dockerfile-ast builds an instruction's arguments character by character, which costs about 70
 * bytes of memory per character: a hostile 50 MB instruction would take gigabytes. No real
 * instruction comes near this bound, so longer ones are refused before parsing.
 */
export const MAX_INSTRUCTION_CHARS = 1024 * 1024;

function checkInstructionLengths(lines: readonly string[], path: string): void {
  let start = 0;
  let length = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (length === 0) start = i;
    length += line.length + 1;
    if (length > MAX_INSTRUCTION_CHARS) {
      throw new InputError(`${path}:${start + 1}: instruction longer than ${MAX_INSTRUCTION_CHARS / (1024 * 1024)} MB: not a plausible Dockerfile`);
    }
    // Either escape character may continue the line; over-counting only makes the bound stricter.
    const trimmed = line.trimEnd();
    if (!trimmed.endsWith("\\") && !trimmed.endsWith("`")) length = 0;
  }
}

function parse(input: string, path: string): ParsedFile {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lines = text.split(/\r\n|\r|\n/);
  checkInstructionLengths(lines, path);
  const doc = parseDocument(text, path);
  const escape = doc.getEscapeCharacter();
  const warnings: ParsedFile["warnings"] = [];
  const stages: DockerStage[] = [];
  const instructions: DockerInstruction[] = [];
  const args = new Map<string, string | undefined>();

  for (const ins of doc.getInstructions()) {
    const keyword = ins.getKeyword();
    const current = stages[stages.length - 1];
    const di = toInstruction(ins, lines, escape, keyword === "FROM" ? stages.length : (current?.index ?? -1));
    instructions.push(di);
    const line = di.range.startLine;
    if (!KNOWN.has(keyword)) warnings.push({ line, message: `unknown instruction ${keyword.slice(0, 40)}` });

    if (keyword === "FROM") {
      const from = ins as From;
      const image = from.getImage() ?? "";
      if (image === "") warnings.push({ line, message: "FROM without an image" });
      const stage: DockerStage = { index: stages.length, image, range: { ...di.range }, instructions: [di], fromInstruction: di };
      const name = from.getBuildStage();
      if (name) stage.name = name;
      const platform = from.getPlatformFlag()?.getValue();
      if (platform) stage.platform = platform;
      stages.push(stage);
    } else if (current) {
      current.instructions.push(di);
      current.range.endLine = di.range.endLine;
    } else if (keyword === "ARG") {
      for (const v of di.vars ?? []) args.set(v.name, v.value);
    } else if (KNOWN.has(keyword)) {
      warnings.push({ line, message: `${keyword} before the first FROM (only ARG may come first)` });
    }
  }
  if (stages.length === 0 && instructions.length > 0) warnings.push({ message: "no FROM instruction" });

  const model: DockerfileModel = {
    modelType: "dockerfile.Dockerfile",
    path,
    range: { startLine: 1, endLine: Math.max(1, lines.length) },
    stages,
    instructions,
    args,
  };
  return { models: [model], blocks: stages.map((s) => ({ ...s.range })), warnings };
}

export const dockerfileAdapter: Adapter = { format: "dockerfile", wants, parse };

export function isDockerfileModel(m: ResourceModel): m is DockerfileModel {
  return m.modelType === "dockerfile.Dockerfile";
}
