// A small tokenizer for the shell text of RUN instructions. Hand-written on purpose: no
// maintained, dependency-free shell tokenizer fits what the checks need (POSIX quoting, the list
// and pipeline operators, redirections, here-documents and command substitutions) while never
// expanding or evaluating anything, running in linear time on hostile input, and recovering from
// unbalanced quotes instead of throwing. It is a token-level reading, not a shell grammar:
// `if`, `for` and `case` are seen as ordinary words, which is enough for the checks.

export interface ShellCommand {
  /** Words with quoting removed; a substitution stays as its source text (`$(curl -s x)`). */
  words: string[];
  /** Commands run inside `$(...)`, backticks, `<(...)` and `>(...)` in this command's words. */
  substitutions: ShellPipeline[];
  /** Bodies of the here-documents redirected into this command. */
  heredocs: string[];
}

/** Commands joined by `|`: each one's output feeds the next. */
export type ShellPipeline = ShellCommand[];

// Deeper nesting than this is read as plain text: no honest RUN line nests substitutions so far.
const MAX_DEPTH = 8;

const PLAIN = /[^\s\\'"`$<>|&;()]+/y;

interface PendingHeredoc {
  delimiter: string;
  stripTabs: boolean;
  command: ShellCommand;
  index: number;
}

function newCommand(): ShellCommand {
  return { words: [], substitutions: [], heredocs: [] };
}

class Tokenizer {
  pos = 0;
  constructor(readonly src: string) {}

  /** Reads commands until `terminator` (consumed) or the end of the text. */
  list(terminator: ")" | "`" | undefined, depth: number): ShellPipeline[] {
    const src = this.src;
    const pipelines: ShellPipeline[] = [];
    let pipeline: ShellPipeline = [];
    let cmd = newCommand();
    let word: string | undefined;
    let dropNextWord = false;
    const heredocs: PendingHeredoc[] = [];

    const endWord = (): void => {
      if (word === undefined) return;
      if (dropNextWord) dropNextWord = false;
      else if (!(cmd.words.length === 0 && (word === "{" || word === "}"))) cmd.words.push(word);
      word = undefined;
    };
    const endCommand = (): void => {
      endWord();
      if (cmd.words.length > 0 || cmd.substitutions.length > 0 || cmd.heredocs.length > 0) pipeline.push(cmd);
      cmd = newCommand();
      dropNextWord = false;
    };
    const endPipeline = (): void => {
      endCommand();
      if (pipeline.length > 0) pipelines.push(pipeline);
      pipeline = [];
    };
    const substitution = (open: number, close: ")" | "`"): void => {
      const start = this.pos;
      this.pos += open;
      if (depth >= MAX_DEPTH) this.skipTo(close);
      else cmd.substitutions.push(...this.list(close, depth + 1));
      word = (word ?? "") + src.slice(start, this.pos);
    };

    while (this.pos < src.length) {
      const c = src[this.pos] as string;
      const next = src[this.pos + 1];
      if (c === terminator) {
        this.pos++;
        endPipeline();
        return pipelines;
      }
      PLAIN.lastIndex = this.pos;
      const plain = PLAIN.exec(src);
      if (plain) {
        if (word === undefined && c === "#") {
          this.skipLine();
          continue;
        }
        word = (word ?? "") + plain[0];
        this.pos += plain[0].length;
        continue;
      }
      switch (c) {
        case "\n":
          this.pos++;
          endPipeline();
          for (const h of heredocs.splice(0)) h.command.heredocs[h.index] = this.heredocBody(h);
          break;
        case " ":
        case "\t":
        case "\r":
        case "\f":
        case "\v":
          this.pos++;
          endWord();
          break;
        case "\\":
          if (next === "\n") this.pos += 2;
          else if (next === "\r" && src[this.pos + 2] === "\n") this.pos += 3;
          else {
            word = (word ?? "") + (next ?? "");
            this.pos += 2;
          }
          break;
        case "'": {
          const end = src.indexOf("'", this.pos + 1);
          const stop = end < 0 ? src.length : end;
          word = (word ?? "") + src.slice(this.pos + 1, stop);
          this.pos = stop + 1;
          break;
        }
        case '"':
          this.pos++;
          word = (word ?? "") + this.doubleQuoted(cmd, depth);
          break;
        case "`":
          substitution(1, "`");
          break;
        case "$":
          if (next === "(") substitution(2, ")");
          else {
            word = (word ?? "") + c;
            this.pos++;
          }
          break;
        case "<":
        case ">":
          if (next === "(") {
            substitution(2, ")");
            break;
          }
          // A word of digits right before a redirection is a file descriptor (`2>&1`).
          if (word !== undefined && /^\d+$/.test(word)) word = undefined;
          endWord();
          if (c === "<" && next === "<" && src[this.pos + 2] !== "<") {
            this.pos += 2;
            const heredoc = this.heredocStart(cmd);
            if (heredoc) heredocs.push(heredoc);
            break;
          }
          this.pos++;
          while (src[this.pos] === "<" || src[this.pos] === ">" || src[this.pos] === "&" || src[this.pos] === "|") this.pos++;
          dropNextWord = true;
          break;
        case "|":
          if (next === "|") {
            this.pos += 2;
            endPipeline();
          } else {
            this.pos += next === "&" ? 2 : 1;
            endCommand();
          }
          break;
        case "&":
          if (next === ">") {
            endWord();
            this.pos += src[this.pos + 2] === ">" ? 3 : 2;
            dropNextWord = true;
          } else {
            this.pos += next === "&" ? 2 : 1;
            endPipeline();
          }
          break;
        case ";":
        case "(":
        case ")":
          this.pos++;
          endPipeline();
          break;
        default:
          word = (word ?? "") + c;
          this.pos++;
      }
    }
    endPipeline();
    for (const h of heredocs) h.command.heredocs[h.index] = "";
    return pipelines;
  }

  private skipLine(): void {
    const nl = this.src.indexOf("\n", this.pos);
    this.pos = nl < 0 ? this.src.length : nl;
  }

  /** Skips to just after `close`, balancing parentheses; used only past MAX_DEPTH. */
  private skipTo(close: ")" | "`"): void {
    let level = 0;
    while (this.pos < this.src.length) {
      const c = this.src[this.pos++];
      if (close === "`" && c === "`") return;
      if (c === "(") level++;
      else if (c === ")" && level-- === 0 && close === ")") return;
    }
  }

  /** Reads up to the closing quote (consumed); substitutions inside are still commands. */
  private doubleQuoted(cmd: ShellCommand, depth: number): string {
    const src = this.src;
    let out = "";
    while (this.pos < src.length) {
      const c = src[this.pos] as string;
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c === "\\") {
        const next = src[this.pos + 1];
        if (next === "\n") this.pos += 2;
        else if (next === '"' || next === "\\" || next === "$" || next === "`") {
          out += next;
          this.pos += 2;
        } else {
          out += c;
          this.pos++;
        }
        continue;
      }
      if ((c === "$" && src[this.pos + 1] === "(") || c === "`") {
        const start = this.pos;
        const close = c === "`" ? "`" : ")";
        this.pos += c === "`" ? 1 : 2;
        if (depth >= MAX_DEPTH) this.skipTo(close);
        else cmd.substitutions.push(...this.list(close, depth + 1));
        out += src.slice(start, this.pos);
        continue;
      }
      out += c;
      this.pos++;
    }
    return out;
  }

  /** After `<<`: reads `-` and the delimiter word, and registers the body to read at the next newline. */
  private heredocStart(cmd: ShellCommand): PendingHeredoc | undefined {
    const src = this.src;
    let stripTabs = false;
    if (src[this.pos] === "-") {
      stripTabs = true;
      this.pos++;
    }
    while (src[this.pos] === " " || src[this.pos] === "\t") this.pos++;
    let delimiter = "";
    while (this.pos < src.length) {
      const c = src[this.pos] as string;
      if (c === "'" || c === '"') {
        const end = src.indexOf(c, this.pos + 1);
        const stop = end < 0 ? src.length : end;
        delimiter += src.slice(this.pos + 1, stop);
        this.pos = stop + 1;
      } else if (/[\s<>|&;()]/.test(c)) break;
      else {
        if (c !== "\\") delimiter += c;
        this.pos++;
      }
    }
    if (delimiter === "") return undefined;
    cmd.heredocs.push("");
    return { delimiter, stripTabs, command: cmd, index: cmd.heredocs.length - 1 };
  }

  /** Reads body lines up to the delimiter line (consumed); an unterminated body runs to the end. */
  private heredocBody(h: PendingHeredoc): string {
    const src = this.src;
    const body: string[] = [];
    while (this.pos < src.length) {
      const nl = src.indexOf("\n", this.pos);
      const end = nl < 0 ? src.length : nl;
      let line = src.slice(this.pos, end);
      this.pos = nl < 0 ? src.length : nl + 1;
      if (line.endsWith("\r")) line = line.slice(0, -1);
      if (h.stripTabs) line = line.replace(/^\t+/, "");
      if (line === h.delimiter) return body.join("\n");
      body.push(line);
    }
    return body.join("\n");
  }
}

/** Splits shell text into pipelines of commands, in order (`a && b | c` is `[[a], [b, c]]`). */
export function parseShell(script: string): ShellPipeline[] {
  return new Tokenizer(script).list(undefined, 0);
}
