import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dockerfileAdapter, type DockerfileModel } from "../../src/adapters/dockerfile.js";
import { adapterFor, adapterForFormat, adapters } from "../../src/adapters/index.js";
import type { ParsedFile } from "../../src/adapters/types.js";

function parse(text: string): { parsed: ParsedFile; model: DockerfileModel } {
  const parsed = dockerfileAdapter.parse(text, "Dockerfile");
  expect(parsed.models).toHaveLength(1);
  return { parsed, model: parsed.models[0] as DockerfileModel };
}

/** keyword, args, startLine, endLine, stage for each instruction. */
function rows(model: DockerfileModel): [string, string, number, number, number][] {
  return model.instructions.map((i) => [i.keyword, i.args, i.range.startLine, i.range.endLine, i.stage]);
}

describe("wants", () => {
  it.each([
    ["Dockerfile", true],
    ["dockerfile", true],
    ["Containerfile", true],
    ["services/api/Dockerfile", true],
    ["Dockerfile.prod", true],
    ["Containerfile.dev", true],
    ["build/api.Dockerfile", true],
    ["web.dockerfile", true],
    ["Dockerfile.dockerignore", false],
    ["Dockerfile.md", false],
    ["DockerfileHelper.java", false],
    ["docs/dockerfile-guide.txt", false],
    ["Makefile", false],
    ["Dockerfile/README", false],
  ])("%s → %s", (path, expected) => {
    expect(dockerfileAdapter.wants(path)).toBe(expected);
  });

  it("is found by path and by example format", () => {
    expect(adapterFor("app/Dockerfile")).toBe(dockerfileAdapter);
    expect(adapterFor("main.tf")).not.toBe(dockerfileAdapter);
    expect(adapterFor("notes.txt")).toBeUndefined();
    expect(adapterForFormat("dockerfile")).toBe(dockerfileAdapter);
    expect(adapters).toContain(dockerfileAdapter);
  });
});

describe("instructions", () => {
  it("multi-stage build with names, platforms and global ARGs", () => {
    const { model, parsed } = parse(
      [
        "# syntax=docker/dockerfile:1",
        "ARG GO_VERSION=1.22",
        "ARG TARGET",
        "FROM --platform=$BUILDPLATFORM golang:${GO_VERSION} AS Build",
        "WORKDIR /src",
        "RUN --mount=type=cache,target=/root/.cache go build -o /out/app .",
        "",
        "FROM gcr.io/distroless/static-debian12:nonroot",
        "COPY --from=build /out/app /app",
        'ENTRYPOINT ["/app"]',
      ].join("\n"),
    );
    expect(rows(model)).toEqual([
      ["ARG", "GO_VERSION=1.22", 2, 2, -1],
      ["ARG", "TARGET", 3, 3, -1],
      ["FROM", "golang:${GO_VERSION} AS Build", 4, 4, 0],
      ["WORKDIR", "/src", 5, 5, 0],
      ["RUN", "go build -o /out/app .", 6, 6, 0],
      ["FROM", "gcr.io/distroless/static-debian12:nonroot", 8, 8, 1],
      ["COPY", "/out/app /app", 9, 9, 1],
      ["ENTRYPOINT", '["/app"]', 10, 10, 1],
    ]);
    expect([...model.args]).toEqual([
      ["GO_VERSION", "1.22"],
      ["TARGET", undefined],
    ]);
    const [build, final] = model.stages;
    expect(build).toMatchObject({ index: 0, name: "Build", image: "golang:${GO_VERSION}", platform: "$BUILDPLATFORM", range: { startLine: 4, endLine: 6 } });
    expect(final).toMatchObject({ index: 1, image: "gcr.io/distroless/static-debian12:nonroot", range: { startLine: 8, endLine: 10 } });
    expect(final?.name).toBeUndefined();
    expect(final?.fromInstruction.range).toEqual({ startLine: 8, endLine: 8 });
    expect(build?.instructions.map((i) => i.keyword)).toEqual(["FROM", "WORKDIR", "RUN"]);
    expect(model.instructions[4]?.flags).toEqual(["--mount=type=cache,target=/root/.cache"]);
    expect(model.instructions[6]?.flags).toEqual(["--from=build"]);
    expect(model.instructions[7]?.exec).toEqual(["/app"]);
    expect(parsed.blocks).toEqual([
      { startLine: 4, endLine: 6 },
      { startLine: 8, endLine: 10 },
    ]);
    expect(parsed.warnings).toEqual([]);
    expect(model.address).toBeUndefined();
    expect(model.path).toBe("Dockerfile");
  });

  it("continuation lines: joined args, ranges over all lines, comments and blank lines skipped", () => {
    const { model } = parse(
      [
        "FROM debian:12-slim",
        "RUN apt-get update \\",
        "    # a comment inside the instruction",
        "",
        " && apt-get install -y \\",
        "      curl \\",
        "      git",
        "ENV A=1 \\",
        '    B="two words"',
        "RUN echo dangling \\",
      ].join("\n"),
    );
    expect(rows(model)).toEqual([
      ["FROM", "debian:12-slim", 1, 1, 0],
      ["RUN", "apt-get update && apt-get install -y curl git", 2, 7, 0],
      ["ENV", 'A=1 B="two words"', 8, 9, 0],
      ["RUN", "echo dangling", 10, 10, 0],
    ]);
    expect(model.instructions[2]?.vars).toEqual([
      { name: "A", value: "1", rawValue: "1" },
      { name: "B", value: "two words", rawValue: '"two words"' },
    ]);
    expect(model.instructions[1]?.source).toBe(
      ["RUN apt-get update \\", "    # a comment inside the instruction", "", " && apt-get install -y \\", "      curl \\", "      git"].join("\n"),
    );
  });

  it("escape directive with a backtick (Windows images)", () => {
    const { model } = parse(["# escape=`", "FROM mcr.microsoft.com/windows/servercore:ltsc2022", "RUN Write-Host one `", "    two", "COPY C:\\app\\ C:\\dest\\"].join("\n"));
    expect(rows(model)).toEqual([
      ["FROM", "mcr.microsoft.com/windows/servercore:ltsc2022", 2, 2, 0],
      ["RUN", "Write-Host one two", 3, 4, 0],
      ["COPY", "C:\\app\\ C:\\dest\\", 5, 5, 0],
    ]);
  });

  it("comments and parser directives are not instructions", () => {
    const { model, parsed } = parse(["# syntax=docker/dockerfile:1", "# a comment", "FROM alpine:3.20 # not a comment", "  # indented comment", "USER app"].join("\n"));
    expect(model.instructions.map((i) => i.keyword)).toEqual(["FROM", "USER"]);
    expect(parsed.warnings).toEqual([]);
  });

  it("here-documents keep their lines; the range covers the terminator", () => {
    const { model } = parse(["FROM debian:12-slim", "RUN <<EOF", "apt-get update", "apt-get install -y curl", "EOF", "COPY <<-CONF /etc/app.conf", "\tkey=value", "CONF", "USER app"].join("\n"));
    expect(rows(model)).toEqual([
      ["FROM", "debian:12-slim", 1, 1, 0],
      ["RUN", "<<EOF\napt-get update\napt-get install -y curl\nEOF", 2, 5, 0],
      ["COPY", "<<-CONF /etc/app.conf\n\tkey=value\nCONF", 6, 8, 0],
      ["USER", "app", 9, 9, 0],
    ]);
  });

  it("exec form is decoded as JSON; anything else is not", () => {
    const { model } = parse(['FROM alpine:3.20', 'CMD ["sh", "-c", "echo \\"hi there\\""]', "ENTRYPOINT [not json]", 'RUN ["a", 1]'].join("\n"));
    expect(model.instructions.map((i) => i.exec)).toEqual([undefined, ["sh", "-c", 'echo "hi there"'], undefined, undefined]);
  });

  it.each([
    ["empty file", ""],
    ["only comments", "# nothing here\n# still nothing\n"],
    ["only blank lines", "\n\n   \n"],
  ])("%s: a model without stages, no error", (_name, text) => {
    const { model, parsed } = parse(text);
    expect(model.stages).toEqual([]);
    expect(model.instructions).toEqual([]);
    expect(parsed.blocks).toEqual([]);
    expect(parsed.warnings).toEqual([]);
  });

  it("warns about unknown instructions, instructions before FROM and a missing FROM", () => {
    expect(parse("RUN echo hi\nFORM alpine\n").parsed.warnings).toEqual([
      { line: 1, message: "RUN before the first FROM (only ARG may come first)" },
      { line: 2, message: "unknown instruction FORM" },
      { message: "no FROM instruction" },
    ]);
    const { model } = parse("RUN echo hi\nFROM alpine:3.20\n");
    expect(model.instructions[0]?.stage).toBe(-1);
    expect(model.stages[0]?.instructions.map((i) => i.keyword)).toEqual(["FROM"]);
  });

  it("CRLF line endings give the same model as LF", () => {
    const lf = "FROM alpine:3.20\nRUN apk add \\\n  curl\nUSER app\n";
    const a = parse(lf).model;
    const b = parse(lf.replace(/\n/g, "\r\n")).model;
    expect(rows(b)).toEqual(rows(a));
    expect(rows(b)).toEqual([
      ["FROM", "alpine:3.20", 1, 1, 0],
      ["RUN", "apk add curl", 2, 3, 0],
      ["USER", "app", 4, 4, 0],
    ]);
  });

  it("a byte-order mark does not hide the first instruction", () => {
    const { model } = parse("\uFEFFFROM alpine:3.20\nUSER app\n");
    expect(rows(model)).toEqual([
      ["FROM", "alpine:3.20", 1, 1, 0],
      ["USER", "app", 2, 2, 0],
    ]);
    expect(model.stages[0]?.image).toBe("alpine:3.20");
  });
});

describe("hostile input", () => {
  it("binary-looking garbage does not crash", () => {
    const bytes = Buffer.alloc(64 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    for (const text of [bytes.toString("latin1"), bytes.toString("utf8")]) {
      const { model } = parse(text);
      expect(model.modelType).toBe("dockerfile.Dockerfile");
    }
  });

  it("a line just under the 1 MB instruction bound parses quickly", () => {
    const start = performance.now();
    const { model } = parse(`FROM alpine:3.20\nRUN ${"echo ab ".repeat(120_000)}\n`);
    expect(performance.now() - start).toBeLessThan(10_000);
    expect(model.instructions[1]?.args.length).toBeGreaterThan(900_000);
  });

  it.each([
    ["one line", `FROM alpine\nRUN ${"x".repeat(1 << 20)}\n`, 2],
    ["continuation lines", `FROM alpine\n\nRUN ${"echo ab \\\n".repeat(150_000)}true\n`, 3],
    ["a file without any line break", "x".repeat(1 << 20), 1],
  ])("an instruction over 1 MB (%s) is refused with its line, before parsing", (_name, text, line) => {
    const start = performance.now();
    expect(() => dockerfileAdapter.parse(text, "Dockerfile")).toThrow(new RegExp(`^Dockerfile:${line}: instruction longer than 1 MB`));
    expect(performance.now() - start).toBeLessThan(1_000);
  });

  it("never throws on Dockerfile-like noise", () => {
    const token = fc.constantFrom("FROM ", "RUN ", "ARG ", "ENV ", "COPY ", "USER ", "\\\n", "`", "<<EOF", "EOF", "\n", "\r\n", "#", "# escape=`\n", '["', '"]', "${", "}", "=", " AS ", "--mount=", "$(", ")", "'", '"', "a", "0");
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (parts) => {
        const parsed = dockerfileAdapter.parse(parts.join(""), "Dockerfile");
        const model = parsed.models[0] as DockerfileModel;
        for (const i of model.instructions) {
          expect(i.range.startLine).toBeGreaterThanOrEqual(1);
          expect(i.range.endLine).toBeGreaterThanOrEqual(i.range.startLine);
        }
      }),
      { numRuns: 300 },
    );
  });
});
