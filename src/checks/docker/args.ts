// Command-line arguments of the commands a RUN executes, read the way getopt-style tools read
// them: short option groups (`-fsSLk`), `--long=value`, options whose value is the next word, and
// `--` ending the options. Checks ask "is option X given" and "what are the operands" without
// mistaking an option's value for an operand.
import type { DockerInstruction } from "../../adapters/dockerfile.js";
import type { RunCommand } from "./run.js";

export interface ParsedOption {
  /** `-k` or `--insecure`; a short group `-fsSL` gives one option per letter. */
  name: string;
  value?: string;
}

export interface ParsedArgs {
  options: ParsedOption[];
  operands: string[];
}

export interface ArgSpec {
  /** Long options (`--output`) that take the next word as their value unless given `--output=x`. */
  long?: ReadonlySet<string>;
  /** Short option letters that take a value: the rest of the group or the next word. */
  short?: string;
}

/** Splits the arguments after a command name into options and operands. */
export function parseArgs(args: readonly string[], spec: ArgSpec = {}): ParsedArgs {
  const options: ParsedOption[] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "--") {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      if (eq > 0) options.push({ name: a.slice(0, eq), value: a.slice(eq + 1) });
      else if (spec.long?.has(a) && i + 1 < args.length) options.push({ name: a, value: args[++i] as string });
      else options.push({ name: a });
      continue;
    }
    if (a.length > 1 && a.startsWith("-")) {
      for (let j = 1; j < a.length; j++) {
        const letter = a[j] as string;
        if (spec.short?.includes(letter)) {
          const rest = a.slice(j + 1);
          if (rest !== "") options.push({ name: `-${letter}`, value: rest });
          else if (i + 1 < args.length) options.push({ name: `-${letter}`, value: args[++i] as string });
          else options.push({ name: `-${letter}` });
          break;
        }
        options.push({ name: `-${letter}` });
      }
      continue;
    }
    operands.push(a);
  }
  return { options, operands };
}

export function hasOption(parsed: ParsedArgs, ...names: string[]): boolean {
  return parsed.options.some((o) => names.includes(o.name));
}

export function optionValues(parsed: ParsedArgs, ...names: string[]): string[] {
  return parsed.options.filter((o) => names.includes(o.name) && o.value !== undefined).map((o) => o.value as string);
}

const PIP = /^pip(?:\d+(?:\.\d+)*)?$/;
const PYTHON = /^python(?:\d+(?:\.\d+)*)?$/;

/** The arguments given to pip, for `pip ...`, `pip3.12 ...` and `python3 -m pip ...`; undefined for other commands. */
export function pipArgs(cmd: RunCommand): string[] | undefined {
  if (PIP.test(cmd.name)) return cmd.argv.slice(1);
  if (!PYTHON.test(cmd.name)) return undefined;
  const m = cmd.argv.indexOf("-m");
  return m > 0 && PIP.test(cmd.argv[m + 1] ?? "") ? cmd.argv.slice(m + 2) : undefined;
}

const DIGESTS = /^(?:sha(?:1|224|256|384|512)sum|shasum|b2sum)$/;

/** Whether a command checks content against a pinned digest or signature (`sha256sum -c`, `gpg --verify`, `cosign verify-blob`). */
export function verifiesContent(cmd: RunCommand): boolean {
  const args = cmd.argv.slice(1);
  if (DIGESTS.test(cmd.name)) return args.some((a) => a === "--check" || /^-[A-Za-z]*c[A-Za-z]*$/.test(a));
  if (cmd.name === "gpg" || cmd.name === "gpg2") return args.includes("--verify");
  if (cmd.name === "gpgv") return true;
  if (cmd.name === "cosign") return (args[0] ?? "").startsWith("verify");
  if (cmd.name === "minisign") return args.includes("-V");
  return false;
}

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/i;

/** The host (with port) of an http(s) URL, lower-cased; undefined when the text is not one. */
export function urlHost(url: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#]*)/i.exec(url);
  return m ? (m[1] as string).toLowerCase() : undefined;
}

export function isLoopbackUrl(url: string): boolean {
  return LOOPBACK.test(urlHost(url) ?? "");
}

// `scheme://user:password@host`: the part before `@` may be a token (`https://ghp_...@github.com`).
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@'"]+@/gi;

/** The text with the credentials of every URL in it masked. */
export function maskUrlCredentials(text: string): string {
  return text.replace(USERINFO, "$1****@");
}

/** A violation's `snippet` for an instruction whose URLs carry credentials; {} when none do. */
export function maskedSnippet(ins: DockerInstruction): { snippet?: string } {
  const masked = maskUrlCredentials(ins.source);
  return masked === ins.source ? {} : { snippet: masked };
}
