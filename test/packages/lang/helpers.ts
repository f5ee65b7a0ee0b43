// A file as the driver hands it to an analyzer, from text written in the test.
import type { AnalyzerOutput, Analyzer } from "../../../src/analyzers/types.js";
import type { FileEntry } from "../../../src/artifacts/types.js";

export function fileEntry(path: string, content: string | Buffer): FileEntry {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return {
    path,
    size: bytes.length,
    mode: 0o100644,
    read: async (maxBytes?: number) => {
      if (maxBytes !== undefined && bytes.length > maxBytes) throw new Error(`${path}: larger than ${maxBytes} bytes`);
      return bytes;
    },
  };
}

export async function run(analyzer: Analyzer, path: string, content: string | Buffer): Promise<AnalyzerOutput> {
  return (await analyzer.analyze(fileEntry(path, content), { source: "test" })) ?? {};
}

/** "name@version" of each package, in the order found. */
export async function found(analyzer: Analyzer, path: string, content: string | Buffer): Promise<string[]> {
  const out = await run(analyzer, path, content);
  return (out.packages ?? []).map((p) => `${p.name}@${p.version}`);
}

/** Strips the common indentation of a template literal, so fixtures can be indented with the test. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, "").split("\n");
  const indents = lines.filter((l) => l.trim() !== "").map((l) => /^ */.exec(l)?.[0].length ?? 0);
  const cut = Math.min(...indents);
  return lines.map((l) => l.slice(cut)).join("\n");
}
