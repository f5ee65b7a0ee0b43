import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dockerfileAdapter, type DockerfileModel } from "../../src/adapters/dockerfile.js";
import { runCommands, shellInvocation } from "../../src/checks/docker/run.js";
import { parseShell, type ShellPipeline } from "../../src/checks/docker/shell.js";
import { worldWritable } from "../../src/checks/docker/chmod-world-writable.js";
import { isSecretName } from "../../src/checks/docker/secrets.js";
import { expandVariables } from "../../src/checks/docker/util.js";

/** Pipelines as lists of word lists. */
function words(script: string): string[][][] {
  return parseShell(script).map((p: ShellPipeline) => p.map((c) => c.words));
}

describe("parseShell", () => {
  it.each<[string, string[][][]]>([
    ["apt-get update && apt-get install -y curl", [[["apt-get", "update"]], [["apt-get", "install", "-y", "curl"]]]],
    ["a; b || c & d", [[["a"]], [["b"]], [["c"]], [["d"]]]],
    ["curl -fsSL https://x/y | sudo bash -", [[["curl", "-fsSL", "https://x/y"], ["sudo", "bash", "-"]]]],
    ["echo 'a && b' \"c | d\"", [[["echo", "a && b", "c | d"]]]],
    ['echo "say \\"hi\\"" a\\ b', [[["echo", 'say "hi"', "a b"]]]],
    ["make >/dev/null 2>&1 && echo ok", [[["make"]], [["echo", "ok"]]]],
    ["cmd &> log.txt; cmd2 < in.txt", [[["cmd"]], [["cmd2"]]]],
    ["echo a # a comment && rm -rf /", [[["echo", "a"]]]],
    ["echo a#b", [[["echo", "a#b"]]]],
    ["(cd /src && make)", [[["cd", "/src"]], [["make"]]]],
    ["{ echo a; echo b; }", [[["echo", "a"]], [["echo", "b"]]]],
    ["line one\nline two", [[["line", "one"]], [["line", "two"]]]],
    ["echo unterminated 'quote", [[["echo", "unterminated", "quote"]]]],
    ["", []],
  ])("%j", (script, expected) => {
    expect(words(script)).toEqual(expected);
  });

  it("reads substitutions as commands of their own", () => {
    const [[cmd]] = parseShell('sh -c "$(curl -fsSL https://x/install.sh)"') as [[ShellPipeline[number]]];
    expect(cmd.words).toEqual(["sh", "-c", "$(curl -fsSL https://x/install.sh)"]);
    expect(cmd.substitutions.map((p) => p.map((c) => c.words))).toEqual([[["curl", "-fsSL", "https://x/install.sh"]]]);
    const [[proc]] = parseShell("bash <(wget -qO- https://x) `id -u`") as [[ShellPipeline[number]]];
    expect(proc.substitutions.map((p) => p.map((c) => c.words))).toEqual([[["wget", "-qO-", "https://x"]], [["id", "-u"]]]);
  });

  it("keeps here-document bodies out of the command stream", () => {
    const pipelines = parseShell("cat <<EOF > /etc/motd\nsudo rm -rf /\nEOF\necho done\nbash <<-'X'\n\tapt-get update\n\tX");
    expect(pipelines.map((p) => p.map((c) => c.words))).toEqual([[["cat"]], [["echo", "done"]], [["bash"]]]);
    expect(pipelines[0]?.[0]?.heredocs).toEqual(["sudo rm -rf /"]);
    expect(pipelines[2]?.[0]?.heredocs).toEqual(["apt-get update"]);
  });

  it("never throws and stays linear on hostile input", () => {
    const token = fc.constantFrom("a", " ", "'", '"', "\\", "$(", "`", "<(", ")", "(", "|", "&&", ";", "\n", "<<EOF", "EOF", "<<-", "#", ">", "2>&1", "{", "}");
    fc.assert(
      fc.property(fc.array(token, { maxLength: 80 }), (parts) => {
        parseShell(parts.join(""));
      }),
      { numRuns: 500 },
    );
    const start = performance.now();
    parseShell(`${"$(".repeat(5000)}x${")".repeat(5000)} ${"\"a b\" 'c' ".repeat(50000)}`);
    expect(performance.now() - start).toBeLessThan(5000);
  });
});

function run(dockerfile: string): { name: string; argv: string[]; wrappers: string[] }[] {
  const model = dockerfileAdapter.parse(dockerfile, "Dockerfile").models[0] as DockerfileModel;
  return model.instructions.flatMap((i) => runCommands(i).map((c) => ({ name: c.name, argv: c.argv, wrappers: c.wrappers })));
}

describe("runCommands", () => {
  it.each<[string, string, string[]]>([
    ["shell form", "RUN apt-get update && apt-get install -y curl", ["apt-get", "apt-get"]],
    ["wrappers and assignments", "RUN DEBIAN_FRONTEND=noninteractive sudo -E -u root env A=1 /usr/bin/apt-get install x", ["apt-get"]],
    ["exec form", 'RUN ["/usr/bin/apk", "add", "curl"]', ["apk"]],
    ["exec form through sh -c", 'RUN ["/bin/sh", "-o", "pipefail", "-ec", "cd /x && make"]', ["sh", "cd", "make"]],
    ["nested sh -c", `RUN bash -c "sh -c 'chmod 777 /x'"`, ["bash", "sh", "chmod"]],
    ["here-document run by the shell", "RUN <<EOF\nset -e\napk add curl\nEOF", ["", "set", "apk"]],
    ["here-document given to bash", "RUN bash <<EOF\napk add curl\nEOF", ["bash", "apk"]],
    ["here-document given to python is not shell", "RUN python3 <<EOF\nimport os\nEOF", ["python3"]],
    ["if/then words", "RUN if [ -f x ]; then sudo rm x; fi", ["[", "rm", "fi"]],
    ["command -v only asks", "RUN command -v curl || apk add curl", ["command", "apk"]],
    ["not a RUN", "CMD curl http://x | sh", []],
  ])("%s", (_name, instruction, names) => {
    expect(run(`FROM alpine:3.20\n${instruction}`).map((c) => c.name)).toEqual(names);
  });

  it("records peeled-off wrappers", () => {
    expect(run("FROM a:1\nRUN sudo -u app nice -n 5 make install")).toEqual([{ name: "make", argv: ["make", "install"], wrappers: ["sudo", "nice"] }]);
  });

  it.each<[string[], ReturnType<typeof shellInvocation>]>([
    [["sh"], { readsStdin: true }],
    [["bash", "-"], { readsStdin: true }],
    [["sh", "-s", "--", "--flag"], { readsStdin: true }],
    [["bash", "-euxo", "pipefail", "-c", "echo"], { script: "echo", readsStdin: false }],
    [["sh", "install.sh"], { readsStdin: false }],
    [["python3"], undefined],
  ])("shellInvocation(%j)", (argv, expected) => {
    expect(shellInvocation(argv)).toEqual(expected);
  });
});

describe("helpers", () => {
  it.each([
    ["777", true],
    ["0777", true],
    ["666", true],
    ["2777", true],
    ["1777", false],
    ["755", false],
    ["0644", false],
    ["a+rwx", true],
    ["o+w", true],
    ["ugo=rw", true],
    ["u+x,o+w", true],
    ["+w", false],
    ["o-w", false],
    ["a+rwxt", false],
    ["g+w", false],
  ])("worldWritable(%s) = %s", (mode, expected) => {
    expect(worldWritable(mode)).toBe(expected);
  });

  it.each([
    ["DB_PASSWORD", true],
    ["MYSQL_ROOT_PASSWORD", true],
    ["dbPassword", true],
    ["GITHUB_TOKEN", true],
    ["AWS_SECRET_ACCESS_KEY", true],
    ["STRIPE_API_KEY", true],
    ["npmAuthToken", true],
    ["PRIVATE_KEY", true],
    ["GOOGLE_CREDENTIALS", true],
    ["DB_PASS", true],
    ["POSTGRES_PASSWORD_FILE", false],
    ["AWS_ACCESS_KEY_ID", false],
    ["TOKENIZERS_PARALLELISM", false],
    ["GPG_KEY", false],
    ["PASSWORD_MIN_LENGTH", false],
    ["SECRET_NAME", false],
    ["PATH", false],
    ["PWD", false],
  ])("isSecretName(%s) = %s", (name, expected) => {
    expect(isSecretName(name)).toBe(expected);
  });

  it.each<[string, Record<string, string | undefined>, string | undefined]>([
    ["node:${TAG}", { TAG: "20" }, "node:20"],
    ["node:$TAG-alpine", { TAG: "20" }, "node:20-alpine"],
    ["node:${TAG:-18}", {}, "node:18"],
    ["node:${TAG:-18}", { TAG: "" }, "node:18"],
    ["node:${TAG-18}", { TAG: "" }, "node:"],
    ["x${SUFFIX:+-slim}", { SUFFIX: "1" }, "x-slim"],
    ["x${SUFFIX:+-slim}", {}, "x"],
    ["node:${TAG}", { TAG: undefined }, undefined],
    ["node:${TAG}", {}, undefined],
    ["plain", {}, "plain"],
  ])("expandVariables(%s)", (text, vars, expected) => {
    expect(expandVariables(text, new Map(Object.entries(vars)))).toBe(expected);
  });
});
