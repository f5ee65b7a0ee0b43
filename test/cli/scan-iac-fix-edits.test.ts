// The edits behind `scan iac --fix`, without the CLI: each edit kind on the text it expects and on
// text it must refuse, the diff, and every built-in check's bad examples fixed by its own edits.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { adapterForFormat } from "../../src/adapters/index.js";
import { violationsOf } from "../../src/checks/define.js";
import { CheckSet } from "../../src/checks/engine.js";
import { builtinChecks } from "../../src/checks/registry.js";
import type { ExampleFormat, FixEdit } from "../../src/checks/types.js";
import { unifiedDiff } from "../../src/scan/fix-diff.js";
import { applySplices, planEdit } from "../../src/scan/fix-edits.js";
import { readForFix, writeIfUnchanged } from "../../src/scan/fix-file.js";
import { fixLines } from "../../src/scan/fix.js";

const work = mkdtempSync(join(tmpdir(), "mamori-fix-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function apply(text: string, e: FixEdit): string {
  const lines = text.split("\n");
  const p = planEdit(lines, e);
  if ("refused" in p) return `refused: ${p.refused}`;
  return applySplices(lines, [p.splice]).join("\n");
}

describe("planEdit", () => {
  const rows: { name: string; text: string; edit: FixEdit; want: string }[] = [
    {
      name: "set-value, YAML",
      text: "securityContext:\n  privileged: true # needed?",
      edit: { kind: "set-value", line: 2, keys: ["privileged"], from: "true", to: "false" },
      want: "securityContext:\n  privileged: false # needed?",
    },
    {
      name: "set-value, HCL, aligned",
      text: "  publicly_accessible = true",
      edit: { kind: "set-value", line: 1, keys: ["publicly_accessible", "PubliclyAccessible"], from: "true", to: "false" },
      want: "  publicly_accessible = false",
    },
    {
      name: "set-value, JSON key and quoted value",
      text: '      "Encrypted": "false",',
      edit: { kind: "set-value", line: 1, keys: ["encrypted", "Encrypted"], from: "false", to: "true" },
      want: '      "Encrypted": "true",',
    },
    {
      name: "set-value refuses another value",
      text: "  privileged: yes",
      edit: { kind: "set-value", line: 1, keys: ["privileged"], from: "true", to: "false" },
      want: 'refused: no "privileged" set to true on line 1',
    },
    {
      name: "set-value refuses a key that is part of another",
      text: "  notprivileged: true",
      edit: { kind: "set-value", line: 1, keys: ["privileged"], from: "true", to: "false" },
      want: 'refused: no "privileged" set to true on line 1',
    },
    {
      name: "set-value refuses two occurrences",
      text: "{ privileged: true, x: { privileged: true } }",
      edit: { kind: "set-value", line: 1, keys: ["privileged"], from: "true", to: "false" },
      want: 'refused: more than one "privileged" set to true on line 1',
    },
    {
      name: "hcl-add-attribute, indented like the block",
      text: 'resource "aws_ebs_volume" "data" {\n    size = 100\n}',
      edit: { kind: "hcl-add-attribute", block: { startLine: 1, endLine: 3 }, key: "encrypted", value: "true" },
      want: 'resource "aws_ebs_volume" "data" {\n    size = 100\n    encrypted = true\n}',
    },
    {
      name: "hcl-add-attribute refuses a one-line block",
      text: 'resource "aws_ebs_volume" "data" { size = 100 }',
      edit: { kind: "hcl-add-attribute", block: { startLine: 1, endLine: 1 }, key: "encrypted", value: "true" },
      want: "refused: the block is not in the file",
    },
    {
      name: "hcl-add-attribute refuses JSON",
      text: '"Data": {\n  "Size": 100\n}',
      edit: { kind: "hcl-add-attribute", block: { startLine: 1, endLine: 3 }, key: "encrypted", value: "true" },
      want: "refused: not an HCL block that opens and closes on lines of its own",
    },
    {
      name: "yaml-add-entry child",
      text: "      securityContext:\n        runAsNonRoot: true\n      ports: []",
      edit: { kind: "yaml-add-entry", line: 1, at: "child", path: ["readOnlyRootFilesystem"], value: "true" },
      want: "      securityContext:\n        readOnlyRootFilesystem: true\n        runAsNonRoot: true\n      ports: []",
    },
    {
      name: "yaml-add-entry child refuses a flow mapping",
      text: "  securityContext: {}",
      edit: { kind: "yaml-add-entry", line: 1, at: "child", path: ["readOnlyRootFilesystem"], value: "true" },
      want: "refused: securityContext on line 1 is not a block mapping",
    },
    {
      name: "yaml-add-entry sibling under a list item",
      text: "  containers:\n    - name: api\n      image: nginx:1.27",
      edit: { kind: "yaml-add-entry", line: 2, at: "sibling", path: ["securityContext", "allowPrivilegeEscalation"], value: "false" },
      want: "  containers:\n    - name: api\n      securityContext:\n        allowPrivilegeEscalation: false\n      image: nginx:1.27",
    },
    {
      name: "yaml-add-entry sibling refuses a mapping that already has the key",
      text: "    - name: api\n      securityContext: {}",
      edit: { kind: "yaml-add-entry", line: 1, at: "sibling", path: ["securityContext", "x"], value: "1" },
      want: "refused: the mapping already has securityContext",
    },
    {
      name: "insert-after, once in a multi-line RUN",
      text: "RUN apt-get update \\\n && apt-get install -y curl",
      edit: { kind: "insert-after", range: { startLine: 1, endLine: 2 }, anchor: "apt-get install", text: " --no-install-recommends" },
      want: "RUN apt-get update \\\n && apt-get install --no-install-recommends -y curl",
    },
    {
      name: "insert-after refuses two anchors",
      text: "RUN apk add a && apk add b",
      edit: { kind: "insert-after", range: { startLine: 1, endLine: 1 }, anchor: "apk add", text: " --no-cache" },
      want: 'refused: "apk add" occurs more than once in lines 1-1',
    },
  ];
  it.each(rows)("$name", ({ text, edit, want }) => {
    expect(apply(text, edit)).toBe(want);
  });
});

describe("unifiedDiff", () => {
  it("is what diff -u and patch agree on", () => {
    const before = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", ""];
    const after = ["a", "B", "c", "d", "e", "f", "g", "h", "i2", "i", "j", ""];
    const d = unifiedDiff(before, after, "f.txt");
    writeFileSync(join(work, "f.txt"), before.join("\n"));
    writeFileSync(join(work, "g.txt"), after.join("\n"));
    let gnu = "";
    try {
      execFileSync("diff", ["-u", join(work, "f.txt"), join(work, "g.txt")], { encoding: "utf8" });
    } catch (e) {
      gnu = (e as { stdout: string }).stdout;
    }
    expect(d.split("\n").slice(2)).toEqual(gnu.split("\n").slice(2));
    writeFileSync(join(work, "f.patch"), d);
    execFileSync("patch", ["-s", join(work, "f.txt"), join(work, "f.patch")]);
    expect(readFileSync(join(work, "f.txt"), "utf8")).toBe(after.join("\n"));
  });

  it("marks a last line without a newline", () => {
    expect(unifiedDiff(["a", "b"], ["a", "c"], "x")).toBe("--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n");
  });

  it("is empty for equal texts", () => {
    expect(unifiedDiff(["a", ""], ["a", ""], "x")).toBe("");
  });
});

describe("every check's edits fix its own bad examples", () => {
  const cases = builtinChecks.flatMap((check) =>
    (Object.entries(check.examples) as [ExampleFormat, { bad: string[] }][]).flatMap(([format, ex]) =>
      ex.bad.map((text, i) => ({ name: `${check.id} ${format} bad #${i + 1}`, check, format, text })),
    ),
  );
  const withEdits = cases.filter(({ check, format, text }) => {
    const adapter = adapterForFormat(format);
    const models = adapter?.parse(text, "x").models ?? [];
    return models.some((m) => m.modelType === check.appliesTo && violationsOf(check.evaluate(m, { path: "x" })).some((v) => (v.edits?.length ?? 0) > 0));
  });

  it("covers at least six checks", () => {
    expect(new Set(withEdits.map((c) => c.check.id)).size).toBeGreaterThanOrEqual(6);
  });

  // Edits that do not apply to a format are refused, and the text is left as it was.
  const REFUSED = new Set(["MAM-AWS-012 cloudformation bad #1"]);

  it.each(withEdits)("$name", ({ name, check, format, text }) => {
    const adapter = adapterForFormat(format)!;
    const checks = new CheckSet([check]);
    const fixed = fixLines(text.split("\n"), { adapter, checks, displayPath: "x", rootPath: "x" });
    const after = fixed.lines.join("\n");
    if (REFUSED.has(name)) {
      expect(after).toBe(text);
      return;
    }
    expect(after).not.toBe(text);
    // Whatever the edits could fix is gone, and the text still parses to the same resources.
    const models = adapter.parse(after, "x").models.filter((m) => m.modelType === check.appliesTo);
    expect(models.length).toBe(adapter.parse(text, "x").models.filter((m) => m.modelType === check.appliesTo).length);
    const left = models.flatMap((m) => [...violationsOf(check.evaluate(m, { path: "x" }))]);
    expect(left.filter((v) => (v.edits?.length ?? 0) > 0)).toEqual([]);
    expect(fixed.fixed.length).toBeGreaterThan(0);
  });
});

describe("writeIfUnchanged", () => {
  it("keeps the mode, the line ending and the byte-order mark", async () => {
    const path = join(work, "crlf.tf");
    writeFileSync(path, "\ufeffa = 1\r\nb = 2\r\n");
    chmodSync(path, 0o640);
    const file = await readForFix(path);
    expect(file.lines).toEqual(["a = 1", "b = 2", ""]);
    expect(await writeIfUnchanged(file, ["a = 1", "b = 3", ""])).toBeUndefined();
    expect(readFileSync(path, "utf8")).toBe("\ufeffa = 1\r\nb = 3\r\n");
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it("never touches a file that changed since it was read", async () => {
    const path = join(work, "changed.tf");
    writeFileSync(path, "a = 1\n");
    const file = await readForFix(path);
    writeFileSync(path, "a = 2\n");
    expect(await writeIfUnchanged(file, ["a = 3", ""])).toContain("changed since it was read");
    expect(readFileSync(path, "utf8")).toBe("a = 2\n");
  });

  it("refuses files it cannot rewrite faithfully", async () => {
    const mixed = join(work, "mixed.tf");
    writeFileSync(mixed, "a = 1\r\nb = 2\n");
    await expect(readForFix(mixed)).rejects.toThrow("mixes CRLF and LF");
    const latin1 = join(work, "latin1.tf");
    writeFileSync(latin1, Buffer.from([0x61, 0x3d, 0xe9, 0x0a]));
    await expect(readForFix(latin1)).rejects.toThrow("not valid UTF-8");
  });
});
