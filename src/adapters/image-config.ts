// An image's configuration as a Dockerfile (ARCHITECTURE.md §2): the history that builders record
// (the legacy builder, BuildKit, buildah, kaniko) is turned back into Dockerfile lines and read by
// the one Dockerfile parser, so the Dockerfile checks run unchanged on images. The final config
// (User, Env, ExposedPorts, Healthcheck, Labels) wins wherever the history is missing, squashed or
// disagrees: lines that state it are appended. Every line remembers the history entry or config
// field it came from, so a finding can name it.
import type { ResourceModel, SourceRange, Sourced } from "../checks/types.js";
import { InputError } from "../core/errors.js";
import { dockerfileAdapter, type DockerfileModel } from "./dockerfile.js";
import type { ParsedFile } from "./types.js";

/**
 * What this adapter reads of an OCI or Docker image config. The config comes from the image, so any
 * field may be missing or of the wrong type: everything is checked before use.
 */
export interface ImageConfigLike {
  created?: unknown;
  config?: unknown;
  history?: unknown;
  rootfs?: unknown;
}

/** The runtime config fields that the reconstruction states when the history does not. */
export type ConfigField = "User" | "Env" | "ExposedPorts" | "Healthcheck" | "Labels";

/** Where a line of the reconstructed Dockerfile came from: the made-up FROM line, a history entry, a config field. */
export type LineOrigin = { kind: "image" } | { kind: "history"; index: number } | { kind: "config"; field: ConfigField };

/** The image's final configuration, each value with the line of the reconstructed Dockerfile that sets it. */
export interface ImageConfigModel extends ResourceModel {
  modelType: "image.Config";
  imageName: string;
  /** When the image was built (`created`), as written. */
  created?: Sourced<string>;
  /** When the scan runs (ISO-8601), so that checks on dates stay pure functions of the model. */
  now: string;
  /** `config.User`; "" when unset (root). */
  user: Sourced<string>;
  env: Sourced<{ name: string; value: string }>[];
  /** Normalized `port/proto` keys of `config.ExposedPorts`. */
  exposedPorts: Sourced<string>[];
  /** `config.Healthcheck.Test` when set. */
  healthcheck?: Sourced<string[]>;
  labels: Sourced<{ key: string; value: string }>[];
  /** Entries in `history`, and those of them that made a layer (`empty_layer` not true). */
  historyCount: number;
  layerHistoryCount: number;
  /** History entries that say how they were made (a non-empty `created_by`). */
  describedHistoryCount: number;
  /** Layers in `rootfs.diff_ids`; undefined when the config does not list them. */
  layerCount?: number;
  /** The reconstructed Dockerfile, for image checks that read RUN commands. */
  dockerfile: DockerfileModel;
}

export interface ReconstructedImage {
  /** One stage: `FROM scratch`, the history entries in order, then the lines the final config adds. */
  model: DockerfileModel;
  image: ImageConfigModel;
  /**
   * The reconstructed Dockerfile (line n is lines[n-1]). Like a Dockerfile's text it holds ENV, ARG
   * and LABEL values in clear: show it only through findings, whose secret checks redact.
   */
  lines: string[];
  /** origins[n-1] tells where line n came from. */
  origins: LineOrigin[];
  /** What was left out (size bounds) or could not be read. */
  warnings: string[];
}

// Bounds for hostile configs: the Dockerfile parser costs about 70 bytes of memory per character.
const MAX_HISTORY_ENTRIES = 10_000;
const MAX_ENTRY_CHARS = 64 * 1024;
const MAX_HISTORY_TEXT = 768 * 1024;
const MAX_CONFIG_TEXT = 256 * 1024;
const MAX_LIST = 1_000;
const MAX_VALUE_CHARS = 4 * 1024;
const MAX_NOTE_CHARS = 200;

const SCRATCH_LINE = "FROM scratch";
const SHELLS = new Set(["sh", "bash", "ash", "dash", "zsh", "ksh", "mksh"]);
const KEYWORDS = new Set([
  "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN",
  "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
]);
const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LABEL_KEY = /^[A-Za-z0-9][A-Za-z0-9_.\-/]*$/;
// Content references the legacy builder writes instead of the names of ADD and COPY sources.
const CONTENT_REF = /^(?:file|dir|multi):[0-9a-f]+$/;

// ---------------------------------------------------------------------------------------------
// Reading the config

interface HistoryEntry {
  index: number;
  createdBy: string;
  emptyLayer: boolean;
}

interface FinalConfig {
  created?: string;
  user: string;
  env: [string, string][];
  ports: string[];
  healthcheck?: string[];
  labels: [string, string][];
  history: HistoryEntry[];
  historyCount: number;
  layerCount?: number;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function stringList(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.every((s) => typeof s === "string") ? (v as string[]) : undefined;
}

/** `80`, `80/TCP`, `8000-8010/udp` as `80/tcp`, `8000-8010/udp`; undefined for anything else. */
export function normalizePort(p: string): string | undefined {
  const m = /^(\d{1,5})(?:-(\d{1,5}))?(?:\/(tcp|udp|sctp))?$/i.exec(p.trim());
  if (!m) return undefined;
  return `${m[1]}${m[2] !== undefined ? `-${m[2]}` : ""}/${(m[3] ?? "tcp").toLowerCase()}`;
}

/** Whether an EXPOSE token (a port or a range) covers the config's port key. */
function covers(token: string, port: string): boolean {
  const [range = "", proto] = token.split("/");
  const [p = "", pproto] = port.split("/");
  if (proto !== pproto) return false;
  const [from = "", to = from] = range.split("-");
  return Number(from) <= Number(p) && Number(p) <= Number(to);
}

function readConfig(raw: ImageConfigLike, warnings: string[]): FinalConfig {
  const cfg = isRecord(raw.config) ? raw.config : {};
  const bounded = <T>(list: T[], what: string): T[] => {
    if (list.length <= MAX_LIST) return list;
    warnings.push(`config.${what}: only the first ${MAX_LIST} of ${list.length} entries were checked`);
    return list.slice(0, MAX_LIST);
  };
  const env = new Map<string, string>();
  for (const e of bounded(stringList(cfg.Env) ?? [], "Env")) {
    const eq = e.indexOf("=");
    if (eq > 0) env.set(e.slice(0, eq), e.slice(eq + 1));
  }
  const ports = isRecord(cfg.ExposedPorts) ? Object.keys(cfg.ExposedPorts).map(normalizePort).filter((p): p is string => p !== undefined) : [];
  const labels = isRecord(cfg.Labels)
    ? Object.entries(cfg.Labels).filter((e): e is [string, string] => typeof e[1] === "string")
    : [];
  const test = isRecord(cfg.Healthcheck) ? stringList(cfg.Healthcheck.Test) : undefined;
  const rawHistory = Array.isArray(raw.history) ? raw.history : [];
  if (rawHistory.length > MAX_HISTORY_ENTRIES) {
    warnings.push(`history: only the first ${MAX_HISTORY_ENTRIES} of ${rawHistory.length} entries were checked`);
  }
  const history = rawHistory.slice(0, MAX_HISTORY_ENTRIES).map((h: unknown, index): HistoryEntry => {
    const r = isRecord(h) ? h : {};
    return { index, createdBy: typeof r.created_by === "string" ? r.created_by : "", emptyLayer: r.empty_layer === true };
  });
  const diffIds = isRecord(raw.rootfs) && Array.isArray(raw.rootfs.diff_ids) ? raw.rootfs.diff_ids.length : undefined;
  const out: FinalConfig = {
    user: typeof cfg.User === "string" ? cfg.User.trim() : "",
    env: bounded([...env], "Env"),
    ports: bounded([...new Set(ports)], "ExposedPorts"),
    labels: bounded(labels, "Labels"),
    history,
    historyCount: rawHistory.length,
  };
  if (typeof raw.created === "string") out.created = raw.created.slice(0, 64);
  if (test && test.length > 0) out.healthcheck = test;
  if (diffIds !== undefined) out.layerCount = diffIds;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading history entries

/** One history entry, read back into what its Dockerfile instruction said. */
type HistoryInstruction =
  | { kind: "run"; script?: string; exec?: string[]; buildArgs: [string, string][] }
  | { kind: "env" | "label"; vars: [string, string][] }
  | { kind: "arg"; name: string; value?: string }
  | { kind: "user"; user: string }
  | { kind: "expose"; ports: string[] }
  | { kind: "healthcheck"; test?: string[]; raw: string }
  | { kind: "copy"; keyword: "ADD" | "COPY"; args: string; sources: string[]; dest: string }
  | { kind: "list"; keyword: string; list?: string[]; raw: string }
  | { kind: "plain"; keyword: string; args: string }
  | { kind: "note"; text: string };

interface Word {
  word: string;
  end: number;
}

function nextWord(text: string, from: number): Word | undefined {
  let i = from;
  while (i < text.length && (text[i] === " " || text[i] === "\t")) i++;
  if (i >= text.length) return undefined;
  let end = i;
  while (end < text.length && text[end] !== " " && text[end] !== "\t") end++;
  return { word: text.slice(i, end), end };
}

/**
 * The script of `<shell> [options] -c SCRIPT` starting at `from`, as builders record a shell-form
 * RUN (`/bin/sh -c apt-get ...`, `/bin/bash -o pipefail -c ...`); undefined for anything else.
 */
function shellScript(text: string, from = 0): string | undefined {
  const shell = nextWord(text, from);
  if (!shell || !SHELLS.has(shell.word.slice(shell.word.lastIndexOf("/") + 1))) return undefined;
  let pos = shell.end;
  for (let n = 0; n < 8; n++) {
    const w = nextWord(text, pos);
    if (!w) return undefined;
    pos = w.end;
    if (/^-[A-Za-z]*c[A-Za-z]*$/.test(w.word)) return text.slice(pos + 1);
    // `-o pipefail`, `-eo pipefail`: the option's name is the next word.
    if (/^[-+][A-Za-z]*o$/.test(w.word)) pos = nextWord(text, pos)?.end ?? pos;
    else if (!/^[-+][A-Za-z]+$/.test(w.word)) return undefined;
  }
  return undefined;
}

const MAX_VALUE_PROBES = 64;

/**
 * Splits the `|N NAME=value ... command` prefix the builders put in front of a RUN that used build
 * arguments. Values are written unquoted, so a value with a space is ambiguous: it ends where the
 * next `NAME=` (or, for the last one, a shell invocation) starts.
 */
function splitBuildArgs(text: string): { args: [string, string][]; rest: string } | undefined {
  const m = /^\|(\d{1,5}) /.exec(text);
  if (!m) return undefined;
  const count = Number(m[1]);
  const args: [string, string][] = [];
  let pos = m[0].length;
  const nameAt = /[A-Za-z_][A-Za-z0-9_]*=/y;
  for (let i = 0; i < count; i++) {
    nameAt.lastIndex = pos;
    const name = nameAt.exec(text);
    if (!name) break;
    const start = pos + name[0].length;
    let end = text.indexOf(" ", start);
    for (let probe = end, n = 0; probe >= 0 && n < MAX_VALUE_PROBES; probe = text.indexOf(" ", probe + 1), n++) {
      nameAt.lastIndex = probe + 1;
      const boundary = i < count - 1 ? nameAt.test(text) : shellScript(text, probe + 1) !== undefined;
      if (boundary) {
        end = probe;
        break;
      }
    }
    if (end < 0) end = text.length;
    args.push([name[0].slice(0, -1), text.slice(start, end)]);
    pos = end + 1;
  }
  return { args, rest: text.slice(pos) };
}

const GO_ESCAPES: Record<string, string> = { '"': '"', "'": "'", "\\": "\\", n: "\n", t: "\t", r: "\r", a: "\x07", b: "\b", f: "\f", v: "\v" };

/** Reads a string quoted as Go's %q writes it, from the opening quote at `pos`. */
function readGoString(text: string, pos: number): { value: string; end: number } | undefined {
  let out = "";
  let i = pos + 1;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"') return { value: out, end: i + 1 };
    if (c !== "\\") {
      out += c;
      i++;
      continue;
    }
    const e = text[i + 1] ?? "";
    const simple = GO_ESCAPES[e];
    const digits = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : /[0-7]/.test(e) ? 3 : 0;
    if (simple !== undefined) {
      out += simple;
      i += 2;
    } else if (digits > 0) {
      const start = e === "x" || e === "u" || e === "U" ? i + 2 : i + 1;
      const code = text.slice(start, start + digits);
      const value = parseInt(code, e === "x" || e === "u" || e === "U" ? 16 : 8);
      if (code.length !== digits || Number.isNaN(value) || value > 0x10ffff) return undefined;
      out += String.fromCodePoint(value);
      i = start + digits;
    } else return undefined;
  }
  return undefined;
}

/** Reads `["a" "b"]` (Go's %q of a string slice) from the `[` at `pos`. */
function readGoList(text: string, pos: number): string[] | undefined {
  const out: string[] = [];
  let i = pos + 1;
  for (;;) {
    while (text[i] === " ") i++;
    if (text[i] === "]") return out;
    if (text[i] !== '"') return undefined;
    const s = readGoString(text, i);
    if (!s) return undefined;
    out.push(s.value);
    i = s.end;
  }
}

/** A list as builders print it: JSON, Go's %q (`["nginx" "-g"]`) or Go's %v (`[/bin/bash -c]`). */
function parseList(text: string): string[] | undefined {
  const t = text.trim();
  if (!t.startsWith("[") || !t.endsWith("]")) return undefined;
  try {
    const v: unknown = JSON.parse(t);
    const list = stringList(v);
    if (list) return list;
  } catch {
    // not JSON: one of Go's forms
  }
  const inner = t.slice(1, -1).trim();
  if (inner.startsWith('"')) return readGoList(t, 0);
  return inner === "" ? [] : inner.split(/\s+/);
}

/** `K=V K2=V2` as builders print ENV and LABEL (values unquoted, so a value runs to the next `KEY=`). */
function splitAssignments(args: string, key: RegExp): [string, string][] {
  const starts: number[] = [];
  const keyAt = new RegExp(`(?:^|(?<=\\s))${key.source.slice(1, -1)}=`, "g");
  for (const m of args.matchAll(keyAt)) starts.push(m.index);
  if (starts[0] !== 0) {
    // The old `ENV NAME value` form.
    const sp = args.search(/\s/);
    return sp < 0 ? [] : [[args.slice(0, sp), args.slice(sp + 1).trim()]];
  }
  return starts.map((s, i) => {
    const text = args.slice(s, starts[i + 1] ?? args.length).trimEnd();
    const eq = text.indexOf("=");
    return [text.slice(0, eq), unquote(text.slice(eq + 1))];
  });
}

function unquote(v: string): string {
  return v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0] ? v.slice(1, -1) : v;
}

function healthcheckTest(args: string): string[] | undefined {
  const brace = /^&?\{\s*\[/.exec(args);
  if (brace) return readGoList(args, brace[0].length - 1);
  // kaniko and others record the instruction as written.
  const words = args.replace(/^(?:--[a-z-]+=\S*\s+)*/i, "");
  if (/^none$/i.test(words.trim())) return ["NONE"];
  const cmd = /^CMD\s+/i.exec(words);
  if (!cmd) return undefined;
  const rest = words.slice(cmd[0].length);
  const exec = rest.startsWith("[") ? parseList(rest) : undefined;
  return exec ? ["CMD", ...exec] : ["CMD-SHELL", rest];
}

function runOf(text: string): HistoryInstruction {
  const withArgs = splitBuildArgs(text);
  const rest = withArgs?.rest ?? text;
  const buildArgs = withArgs?.args ?? [];
  const script = shellScript(rest);
  if (script !== undefined) return { kind: "run", script, buildArgs };
  const exec = rest.trimStart().startsWith("[") ? parseList(rest) : undefined;
  return exec ? { kind: "run", exec, buildArgs } : { kind: "run", script: rest, buildArgs };
}

const LEADING_KEYWORD = /^([A-Za-z]+)(?:\s+|$)/;

function isInstruction(text: string): boolean {
  const keyword = LEADING_KEYWORD.exec(text)?.[1];
  return keyword !== undefined && KEYWORDS.has(keyword.toUpperCase());
}

/** An instruction as the builders print it in history: `USER root`, `EXPOSE map[80/tcp:{}]`, ... */
function instructionOf(text: string): HistoryInstruction {
  const m = LEADING_KEYWORD.exec(text) as RegExpExecArray;
  const keyword = (m[1] as string).toUpperCase();
  const args = text.slice(m[0].length).trim();
  switch (keyword) {
    case "RUN":
      return runOf(text.slice(m[0].length));
    case "ENV":
      return { kind: "env", vars: splitAssignments(args, VAR_NAME) };
    case "LABEL":
      return { kind: "label", vars: splitAssignments(args, LABEL_KEY) };
    case "ARG": {
      const eq = args.indexOf("=");
      return eq < 0 ? { kind: "arg", name: args } : { kind: "arg", name: args.slice(0, eq), value: unquote(args.slice(eq + 1)) };
    }
    case "USER":
      return { kind: "user", user: args.replace(/^\[(.*)\]$/, "$1") };
    case "EXPOSE": {
      const words = args.replace(/^(?:map)?\[|\]$/g, "").split(/\s+/);
      return { kind: "expose", ports: words.map((w) => normalizePort(w.replace(/:\{\}$/, ""))).filter((p): p is string => p !== undefined) };
    }
    case "HEALTHCHECK": {
      const test = healthcheckTest(args);
      return test ? { kind: "healthcheck", test, raw: args } : { kind: "healthcheck", raw: args };
    }
    case "ADD":
    case "COPY": {
      // The legacy builder writes `ADD file:<sha256> in /dest`; BuildKit the sources and destination.
      const inAt = args.indexOf(" in ");
      if (/^(?:file|dir|multi):/.test(args) && inAt > 0) {
        const dest = args.slice(inAt + 4).trim();
        return { kind: "copy", keyword, args: `${args.slice(0, inAt)} ${dest}`, sources: args.slice(0, inAt).split(/[\s,]+/), dest };
      }
      const words = args.split(/\s+/);
      const dest = words.pop() ?? "";
      return { kind: "copy", keyword, args, sources: words, dest };
    }
    case "CMD":
    case "ENTRYPOINT":
    case "SHELL":
    case "VOLUME": {
      const list = parseList(args);
      return list ? { kind: "list", keyword, list, raw: args } : { kind: "list", keyword, raw: args };
    }
    default:
      return { kind: "plain", keyword, args };
  }
}

// BuildKit's mark on the history of instructions that made a layer.
const BUILDKIT_MARK = "# buildkit";

/** Reads one history entry's `created_by`, in any of the builders' forms. */
function readEntry(entry: HistoryEntry): HistoryInstruction {
  if (entry.createdBy.length > MAX_ENTRY_CHARS) return { kind: "note", text: `created_by of ${entry.createdBy.length} characters: too long to check` };
  const trimmed = entry.createdBy.trimEnd();
  const text = (trimmed.endsWith(BUILDKIT_MARK) ? trimmed.slice(0, -BUILDKIT_MARK.length) : trimmed).trim();
  if (text === "") return { kind: "note", text: "no created_by" };
  const script = shellScript(text);
  if (script !== undefined) {
    const nop = /^\s*#\(nop\)\s*/.exec(script);
    if (!nop) return { kind: "run", script, buildArgs: [] };
    const rest = script.slice(nop[0].length);
    return isInstruction(rest) ? instructionOf(rest) : { kind: "note", text: rest };
  }
  if (text.startsWith("|")) return runOf(text);
  if (isInstruction(text)) return instructionOf(text);
  // The legacy builder records an exec-form RUN as its words: a layer made by some command.
  return entry.emptyLayer ? { kind: "note", text } : { kind: "run", script: text, buildArgs: [] };
}

// ---------------------------------------------------------------------------------------------
// Writing Dockerfile lines

/** Control characters and line separators: anything that could make one history entry two lines. */
function hasBreak(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || c === 0x7f || c === 0x85 || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/** Whether text can follow a keyword on one line: no line break, no trailing escape character. */
function oneLine(s: string): boolean {
  return !hasBreak(s) && !/[\\`][ \t]*$/.test(s);
}

/** Arguments of RUN, COPY and ADD also must not open a here-document or read as flags or JSON. */
function plainShell(s: string): boolean {
  return s.trim() !== "" && oneLine(s) && !s.includes("<<") && !/^\s*[-[]/.test(s);
}

/** A JSON array on one line; `<` escaped because the parser sees here-documents even inside JSON. */
function json(list: readonly string[]): string {
  return JSON.stringify(list).replace(/[<\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A double-quoted Dockerfile value; `$` escaped so that a literal value never reads as a variable. */
function quote(v: string): string {
  const bounded = v.length > MAX_VALUE_CHARS ? v.slice(0, MAX_VALUE_CHARS) : v;
  let out = "";
  for (const ch of bounded) out += hasBreak(ch) ? " " : ch === "\\" || ch === '"' || ch === "$" ? `\\${ch}` : ch;
  return `"${out}"`;
}

function labelKey(k: string): string {
  return LABEL_KEY.test(k) ? k : quote(k);
}

function healthcheckLine(test: readonly string[]): string {
  const [kind, ...rest] = test;
  if (kind === "NONE") return "HEALTHCHECK NONE";
  if (kind === "CMD-SHELL" && rest.length === 1) {
    const script = rest[0] as string;
    return oneLine(script) && script.trim() !== "" && !script.trimStart().startsWith("[") ? `HEALTHCHECK CMD ${script}` : `HEALTHCHECK CMD ${json(["/bin/sh", "-c", script])}`;
  }
  return `HEALTHCHECK CMD ${json(kind === "CMD" ? rest : test)}`;
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return a !== undefined && b !== undefined && a.length === b.length && a.every((s, i) => s === b[i]);
}

function isRoot(user: string): boolean {
  const name = (user.split(":")[0] ?? "").trim();
  return name === "" || name === "root" || /^0+$/.test(name);
}

interface Setting<T> {
  value: T;
  line: number;
}

/** The reconstructed text so far, and what its lines set, for the final config to compare with. */
class Writer {
  readonly lines: string[] = [SCRATCH_LINE];
  readonly origins: LineOrigin[] = [{ kind: "image" }];
  readonly env = new Map<string, Setting<string>>();
  readonly labels = new Map<string, Setting<string>>();
  readonly ports = new Map<string, number>();
  readonly args = new Map<string, string>();
  /** ADD lines whose sources cannot be judged: the base image's root filesystem, legacy content references. */
  readonly opaque = new Set<number>();
  user?: Setting<string>;
  healthcheck?: Setting<string[] | undefined>;
  ran = false;
  chars = SCRATCH_LINE.length;

  constructor(private readonly final: FinalConfig) {}

  add(text: string, origin: LineOrigin): number {
    this.lines.push(text);
    this.origins.push(origin);
    this.chars += text.length + 1;
    return this.lines.length;
  }

  note(text: string, origin: LineOrigin): void {
    const label = origin.kind === "history" ? `history[${origin.index}]` : "config";
    let shown = "";
    for (const ch of text.slice(0, MAX_NOTE_CHARS)) shown += hasBreak(ch) ? " " : ch;
    this.add(`# ${label}: ${shown}${text.length > MAX_NOTE_CHARS ? "…" : ""}`, origin);
  }

  history(entry: HistoryEntry, ins: HistoryInstruction): void {
    const origin: LineOrigin = { kind: "history", index: entry.index };
    const add = (text: string): number => this.add(text, origin);
    switch (ins.kind) {
      case "run": {
        for (const [name, value] of ins.buildArgs) {
          if (!VAR_NAME.test(name) || this.args.get(name) === value) continue;
          this.args.set(name, value);
          add(`ARG ${name}=${quote(value)}`);
        }
        const script = ins.script ?? "";
        add(ins.exec ? `RUN ${json(ins.exec)}` : plainShell(script) ? `RUN ${script.trim()}` : `RUN ${json(["/bin/sh", "-c", script])}`);
        this.ran = true;
        return;
      }
      case "env":
      case "label": {
        const valid = ins.vars.filter(([k]) => (ins.kind === "env" ? VAR_NAME : LABEL_KEY).test(k));
        if (valid.length === 0) return this.note(`${ins.kind.toUpperCase()} without a readable assignment`, origin);
        const settings = ins.kind === "env" ? this.env : this.labels;
        const line = add(`${ins.kind.toUpperCase()} ${valid.map(([k, v]) => `${k}=${quote(v)}`).join(" ")}`);
        for (const [k, v] of valid) settings.set(k, { value: v, line });
        return;
      }
      case "arg":
        if (!VAR_NAME.test(ins.name)) return this.note(`ARG ${ins.name}`, origin);
        if (ins.value === undefined) add(`ARG ${ins.name}`);
        else {
          this.args.set(ins.name, ins.value);
          add(`ARG ${ins.name}=${quote(ins.value)}`);
        }
        return;
      case "user":
        if (!oneLine(ins.user) || ins.user === "") return this.note(`USER ${ins.user}`, origin);
        this.user = { value: ins.user, line: add(`USER ${ins.user}`) };
        return;
      case "expose": {
        // A port the final config no longer exposes is not exposed: keep the record, as a comment.
        const kept = ins.ports.filter((t) => this.final.ports.some((p) => covers(t, p)));
        if (kept.length === 0) return this.note(`EXPOSE ${ins.ports.join(" ")} (not in the image config)`, origin);
        const line = add(`EXPOSE ${kept.join(" ")}`);
        for (const p of this.final.ports) if (kept.some((t) => covers(t, p))) this.ports.set(p, line);
        return;
      }
      case "healthcheck":
        if (!this.final.healthcheck) return this.note(`HEALTHCHECK ${ins.raw} (not in the image config)`, origin);
        this.healthcheck = { value: ins.test, line: add(ins.test ? healthcheckLine(ins.test) : `HEALTHCHECK CMD ${json([ins.raw])}`) };
        return;
      case "copy": {
        // Flags (kaniko records `COPY --from=build ...`) and JSON are fine; a here-document is not.
        if (!oneLine(ins.args) || ins.args.includes("<<") || ins.args === "") return this.note(`${ins.keyword} ${ins.args}`, origin);
        const line = add(`${ins.keyword} ${ins.args}`);
        const baseRootfs = !this.ran && ins.dest.replace(/\/+$/, "") === "";
        if (ins.keyword === "ADD" && (baseRootfs || ins.sources.every((s) => CONTENT_REF.test(s)))) this.opaque.add(line);
        return;
      }
      case "list":
        if (!ins.list) return this.note(`${ins.keyword} ${ins.raw}`, origin);
        add(`${ins.keyword} ${json(ins.list)}`);
        return;
      case "plain":
        if (!oneLine(ins.args) || ins.args.includes("<<")) return this.note(ins.keyword, origin);
        add(ins.args === "" ? ins.keyword : `${ins.keyword} ${ins.args}`);
        return;
      case "note":
        return this.note(ins.text, origin);
    }
  }

  /** Appends what the final config says and the history does not, within the config's text budget. */
  finalConfig(): void {
    const f = this.final;
    const last = this.user?.value ?? "";
    if (f.user !== last && !(f.user === "" && isRoot(last))) {
      const shown = f.user === "" ? "root" : f.user;
      const line = oneLine(shown) ? this.config(`USER ${shown}`, "User") : undefined;
      if (line !== undefined) this.user = { value: shown, line };
    }
    for (const [name, value] of f.env) {
      if (!VAR_NAME.test(name) || this.env.get(name)?.value === value) continue;
      const line = this.config(`ENV ${name}=${quote(value)}`, "Env");
      if (line !== undefined) this.env.set(name, { value, line });
    }
    const missing = f.ports.filter((p) => !this.ports.has(p));
    const portsLine = missing.length > 0 ? this.config(`EXPOSE ${missing.join(" ")}`, "ExposedPorts") : undefined;
    if (portsLine !== undefined) for (const p of missing) this.ports.set(p, portsLine);
    if (f.healthcheck && !sameList(this.healthcheck?.value, f.healthcheck)) {
      const line = this.config(healthcheckLine(f.healthcheck), "Healthcheck");
      if (line !== undefined) this.healthcheck = { value: f.healthcheck, line };
    }
    for (const [key, value] of f.labels) {
      if (this.labels.get(key)?.value === value) continue;
      const line = this.config(`LABEL ${labelKey(key)}=${quote(value)}`, "Labels");
      if (line !== undefined) this.labels.set(key, { value, line });
    }
  }

  /** Settings left out because the config's text budget ran out. */
  skippedSettings = 0;
  private configChars = 0;

  private config(text: string, field: ConfigField): number | undefined {
    if (this.configChars + text.length > MAX_CONFIG_TEXT) {
      this.skippedSettings++;
      return undefined;
    }
    this.configChars += text.length + 1;
    return this.add(text, { kind: "config", field });
  }
}

function at(line: number): SourceRange {
  return { startLine: line, endLine: line };
}

/** The path findings on an image's configuration show: `<image>:history`. */
export function historyPath(imageName: string): string {
  return `${imageName}:history`;
}

/**
 * Rebuilds a Dockerfile from an image's history and final config, parses it with the Dockerfile
 * adapter, and builds the `image.Config` model beside it.
 */
export function imageConfigToDockerfile(config: ImageConfigLike, imageName: string, opts: { now?: Date } = {}): ReconstructedImage {
  const warnings: string[] = [];
  const final = readConfig(config, warnings);
  const w = new Writer(final);
  let skipped = 0;
  for (const entry of final.history) {
    if (w.chars + Math.min(entry.createdBy.length, MAX_ENTRY_CHARS) > MAX_HISTORY_TEXT) {
      skipped++;
      continue;
    }
    w.history(entry, readEntry(entry));
  }
  if (skipped > 0) warnings.push(`history: ${skipped} entries beyond ${MAX_HISTORY_TEXT / 1024} KiB of text were not checked`);
  w.finalConfig();
  if (w.skippedSettings > 0) warnings.push(`config: ${w.skippedSettings} settings beyond ${MAX_CONFIG_TEXT / 1024} KiB of text were not checked`);

  const path = historyPath(imageName);
  const model = dockerfileAdapter.parse(w.lines.join("\n"), path).models[0] as DockerfileModel;
  if (w.opaque.size > 0) {
    const keep = (i: { keyword: string; range: SourceRange }): boolean => !w.opaque.has(i.range.startLine);
    model.instructions = model.instructions.filter(keep);
    for (const s of model.stages) s.instructions = s.instructions.filter(keep);
  }

  const envLine = (name: string): number => w.env.get(name)?.line ?? 1;
  const image: ImageConfigModel = {
    modelType: "image.Config",
    imageName,
    range: { startLine: 1, endLine: w.lines.length },
    now: (opts.now ?? new Date()).toISOString(),
    user: { value: final.user, range: at(w.user?.line ?? 1) },
    env: final.env.map(([name, value]) => ({ value: { name, value }, range: at(envLine(name)) })),
    exposedPorts: final.ports.map((p) => ({ value: p, range: at(w.ports.get(p) ?? 1) })),
    labels: final.labels.map(([key, value]) => ({ value: { key, value }, range: at(w.labels.get(key)?.line ?? 1) })),
    historyCount: final.historyCount,
    layerHistoryCount: final.history.filter((h) => !h.emptyLayer).length,
    describedHistoryCount: final.history.filter((h) => h.createdBy.trim() !== "").length,
    dockerfile: model,
  };
  if (final.created !== undefined) image.created = { value: final.created, range: at(1) };
  if (final.healthcheck) image.healthcheck = { value: final.healthcheck, range: at(w.healthcheck?.line ?? 1) };
  if (final.layerCount !== undefined) image.layerCount = final.layerCount;
  return { model, image, lines: w.lines, origins: w.origins, warnings };
}

/**
 * An image config given as JSON text (check examples, a saved config) read into both models, in
 * the shape adapters return; what an "image" example format's adapter would do.
 */
export function parseImageConfigText(text: string, imageName: string): ParsedFile {
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${imageName}: the image config is not JSON: ${(e as Error).message}`);
  }
  if (!isRecord(config)) throw new InputError(`${imageName}: the image config is not a JSON object`);
  const rec = imageConfigToDockerfile(config, imageName);
  return { models: [rec.model, rec.image], blocks: [], warnings: rec.warnings.map((message) => ({ message })) };
}

export function isImageConfigModel(m: ResourceModel): m is ImageConfigModel {
  return m.modelType === "image.Config";
}
