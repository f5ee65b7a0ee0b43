// The Dockerfile checks MAM-DF-021 onward: one realistic file with exactly the expected findings,
// edge cases of the command-line reading each check relies on, credentials that must never show,
// mechanical fixes, and hostile input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dockerfileAdapter, type DockerfileModel } from "../../src/adapters/dockerfile.js";
import { violationsOf } from "../../src/checks/define.js";
import { parseArgs } from "../../src/checks/docker/args.js";
import { dockerChecks } from "../../src/checks/docker/index.js";
import type { Check, Violation } from "../../src/checks/types.js";
import { applySplices, planEdit } from "../../src/scan/fix-edits.js";

const NEW_CHECKS = dockerChecks.filter((c) => Number(c.id.slice(-3)) >= 21);

function model(text: string): DockerfileModel {
  return dockerfileAdapter.parse(text, "Dockerfile").models[0] as DockerfileModel;
}

function run(check: Check, text: string): Violation[] {
  return [...violationsOf(check.evaluate(model(text), { path: "Dockerfile" }))];
}

function byId(id: string): Check {
  const check = dockerChecks.find((c) => c.id === id);
  if (!check) throw new Error(`no check ${id}`);
  return check;
}

/** [rule, line] of every finding of the new checks, in check order. */
function scan(text: string): [string, number][] {
  const m = model(text);
  return NEW_CHECKS.flatMap((c) => [...violationsOf(c.evaluate(m, { path: "Dockerfile" }))].map((v): [string, number] => [c.id, v.range.startLine]));
}

describe("the new checks", () => {
  it("are 25, numbered MAM-DF-021 to MAM-DF-045 in order, each with several examples", () => {
    expect(NEW_CHECKS.map((c) => c.id)).toEqual(Array.from({ length: 25 }, (_, i) => `MAM-DF-0${21 + i}`));
    for (const c of NEW_CHECKS) {
      expect(c.examples.dockerfile?.bad.length, c.id).toBeGreaterThanOrEqual(2);
      expect(c.examples.dockerfile?.good.length, c.id).toBeGreaterThanOrEqual(2);
      expect(c.remediation.fix, c.id).toBeDefined();
    }
  });
});

const DOCKERFILE = `# syntax=docker/dockerfile:1
FROM golang:1.22 AS build
WORKDIR /src
RUN git clone https://github.com/example/tools.git /src/tools
RUN go install golang.org/x/tools/cmd/stringer@latest
COPY --from=bulid /etc/passwd /tmp/

FROM build AS build
RUN echo duplicate

FROM --platform=linux/amd64 python:3.12-slim
ENV PYTHONHTTPSVERIFY=0
COPY .npmrc /root/.npmrc
RUN apt update && apt install --no-install-recommends curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*
RUN curl -k -fsSLo /tmp/tool.tgz https://downloads.example.com/tool-1.0.tgz
RUN pip install --trusted-host pypi.corp.example flask
RUN wget -q http://config.example.com/app.yaml
RUN echo "app:Example-Passw0rd-1" | chpasswd
RUN useradd -u 1000001 app
WORKDIR app
EXPOSE 8080 99999
HEALTHCHECK CMD curl -f http://127.0.0.1:8080/ || exit 1
HEALTHCHECK CMD curl -f http://127.0.0.1:8080/healthz || exit 1
USER app
CMD python -m app
`;

const EXPECTED: [string, number][] = [
  ["MAM-DF-021", 15],
  ["MAM-DF-022", 16],
  ["MAM-DF-023", 12],
  ["MAM-DF-026", 17],
  ["MAM-DF-027", 13],
  ["MAM-DF-028", 18],
  ["MAM-DF-030", 6],
  ["MAM-DF-031", 8],
  ["MAM-DF-032", 4],
  ["MAM-DF-033", 5],
  ["MAM-DF-034", 16],
  ["MAM-DF-035", 16],
  ["MAM-DF-038", 14],
  ["MAM-DF-039", 14],
  ["MAM-DF-040", 25],
  ["MAM-DF-041", 20],
  ["MAM-DF-042", 22],
  ["MAM-DF-043", 21],
  ["MAM-DF-044", 19],
  ["MAM-DF-045", 11],
];

describe("a Dockerfile with many of the new problems", () => {
  it("finds exactly the expected problems, at the expected lines", () => {
    expect(scan(DOCKERFILE)).toEqual(EXPECTED);
  });

  it("is quiet on the demo's well-kept worker image", () => {
    const worker = `FROM python:3.12.4-slim-bookworm@sha256:2bac43769ace90ebd3ad83e5392295e25dfc58e58543d3ab326c3330b505283d
RUN apt-get update \\
 && apt-get install -y --no-install-recommends libpq5=15.8-0+deb12u1 \\
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY worker/ ./worker/
USER 10001:10001
HEALTHCHECK --interval=30s --timeout=3s CMD ["python", "-m", "worker.health"]
CMD ["python", "-m", "worker"]
`;
    expect(scan(worker)).toEqual([]);
  });
});

describe("parseArgs", () => {
  it.each<[string[], string, string[], string[]]>([
    [["-fsSLk", "https://x"], "", ["-f", "-s", "-S", "-L", "-k"], ["https://x"]],
    [["-fsSLokubectl", "https://x"], "o", ["-f", "-s", "-S", "-L", "-o"], ["https://x"]],
    [["-o", "-k", "https://x"], "o", ["-o"], ["https://x"]],
    [["--output=f", "--", "-k"], "", ["--output"], ["-k"]],
    [["install", "-y", "-"], "", ["-y"], ["install", "-"]],
  ])("%j with value letters %j", (args, short, options, operands) => {
    const parsed = parseArgs(args, { short });
    expect(parsed.options.map((o) => o.name)).toEqual(options);
    expect(parsed.operands).toEqual(operands);
  });
});

// One row per edge case: the check, a RUN (or whole file), and whether it fires.
const CASES: [string, string, boolean][] = [
  ["MAM-DF-021", "RUN curl -sSLk https://x.example/a -o /a", true],
  ["MAM-DF-021", "RUN wget -e check_certificate=off https://x.example/a", true],
  ["MAM-DF-021", "RUN curl -fsSL -H 'X-Kind: k' https://x.example/a", false],
  ["MAM-DF-022", "RUN git -C /src config http.https://git.corp.example/.sslVerify false", true],
  ["MAM-DF-022", "RUN npm install --strict-ssl=false", true],
  ["MAM-DF-022", "RUN helm repo add corp https://charts.corp.example --insecure-skip-tls-verify", true],
  ["MAM-DF-022", "RUN skopeo copy --src-tls-verify=false docker://a docker://b", true],
  ["MAM-DF-022", "RUN bundle config set ssl_verify_mode 0", true],
  ["MAM-DF-022", "RUN skopeo copy --src-tls-verify=true docker://a docker://b && git config --global user.name ci", false],
  ["MAM-DF-023", "ENV GIT_SSL_NO_VERIFY=", false],
  ["MAM-DF-023", "RUN env GOINSECURE=git.corp.example go build ./...", true],
  ["MAM-DF-023", "RUN env -i PATH=/bin make NODE_TLS_REJECT_UNAUTHORIZED=0", false],
  ["MAM-DF-024", "RUN sed -i 's/gpgcheck=1/gpgcheck=0/' /etc/yum.conf", true],
  ["MAM-DF-024", "RUN zypper --no-gpg-checks install -y curl-8.6.0", true],
  ["MAM-DF-024", "RUN yum install -y --setopt=corp.gpgcheck=0 agent-1.0", true],
  ["MAM-DF-024", "RUN echo 'gpgcheck=1' >> /etc/yum.repos.d/corp.repo", false],
  ["MAM-DF-025", "RUN ssh -o StrictHostKeyChecking=accept-new git@github.com || true", false],
  ["MAM-DF-026", "RUN curl --url http://x.example/a -o /a", true],
  ["MAM-DF-026", "RUN curl -fsS http://localhost:8080/ready && wget -qO- http://[::1]/", false],
  ["MAM-DF-027", "COPY --from=build /root/.git-credentials /tmp/", true],
  ["MAM-DF-027", "COPY .env.production /app/", true],
  ["MAM-DF-027", "COPY .envrc docs/.env.sample /app/", false],
  ["MAM-DF-027", "COPY ${SECRETS_DIR}/.npmrc .env* /app/", false],
  ["MAM-DF-028", "RUN usermod -p '!' root && passwd -l root", false],
  ["MAM-DF-030", "FROM alpine:3.20 AS a\nCOPY --from=B /x /x\nFROM alpine:3.20 AS b", false],
  ["MAM-DF-030", "COPY --from=0 /x /x", true],
  ["MAM-DF-032", "RUN git clone --revision=3f2c1a9d https://github.com/example/a.git", false],
  ["MAM-DF-032", "RUN git clone https://github.com/example/a.git && git clone --branch feature-x https://github.com/example/b.git", true],
  ["MAM-DF-033", "RUN npm install", false],
  ["MAM-DF-033", "RUN npm i -D jest@29.7.0 && go install ./cmd/...", false],
  ["MAM-DF-033", "RUN cargo install --git https://github.com/example/tool", true],
  ["MAM-DF-034", 'RUN pip install "flask==3.*"', true],
  ["MAM-DF-034", "RUN pip install -e . --index-url https://pypi.example/simple", false],
  ["MAM-DF-035", "ARG PIP_NO_CACHE_DIR=1\nRUN pip install flask==3.0.2", false],
  ["MAM-DF-035", "RUN PIP_NO_CACHE_DIR=off pip install flask==3.0.2", false],
  ["MAM-DF-036", "RUN dnf install -y a-1 && dnf clean packages metadata", false],
  ["MAM-DF-038", "RUN apt-get -yq install curl=1 && apt-get -q -q install jq=1", false],
  ["MAM-DF-038", "RUN apt-get -o APT::Get::Assume-Yes=true install curl=1", false],
  ["MAM-DF-038", "RUN microdnf install shadow-utils-4.9 && microdnf clean all", false],
  ["MAM-DF-040", 'ENTRYPOINT ["/entrypoint.sh"]\nCMD ["serve"]', false],
  ["MAM-DF-040", 'ENTRYPOINT exec /entrypoint.sh\nCMD serve', false],
  ["MAM-DF-041", "ARG BASE\nWORKDIR ${BASE}\nWORKDIR app", true],
  ["MAM-DF-041", "ARG BASE\nWORKDIR ${BASE}", false],
  ["MAM-DF-043", 'EXPOSE "8080" 8081/udp', false],
  ["MAM-DF-044", "RUN useradd --uid=4000000 app", true],
];

describe("edge cases", () => {
  it.each(CASES.map(([id, body, fires]) => ({ id, body, fires })))("$id on $body: fires $fires", ({ id, body, fires }) => {
    const text = body.startsWith("FROM") ? body : `FROM alpine:3.20\n${body}\n`;
    expect(run(byId(id), text).length > 0).toBe(fires);
  });
});

describe("severity follows where the problem lands", () => {
  it.each<[string, string, string]>([
    ["MAM-DF-021", "RUN curl -k -fsSLo /t https://x.example/t && echo \"abc  /t\" | sha256sum -c -", "medium"],
    ["MAM-DF-023", "ENV NODE_TLS_REJECT_UNAUTHORIZED=0", "high"],
    ["MAM-DF-027", "COPY .npmrc /root/", "high"],
    ["MAM-DF-030", "COPY --from=self /x /x", "medium"],
  ])("%s on %j is %s", (id, body, severity) => {
    const [v] = run(byId(id), `FROM alpine:3.20\n${body}\n`);
    expect(v?.severity ?? byId(id).severity).toBe(severity);
  });

  it("lowers ENV and COPY findings in build stages that do not ship", () => {
    const text = "FROM node:20.11-alpine AS deps\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nCOPY .npmrc ./\nFROM node:20.11-alpine\nCOPY --from=deps /node_modules /app/node_modules\n";
    expect(run(byId("MAM-DF-023"), text)[0]?.severity).toBeUndefined();
    expect(run(byId("MAM-DF-027"), text)[0]?.severity).toBe("low");
  });
});

describe("credentials never show", () => {
  const TOKEN = ["ghp_", "Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2"].join("");
  const PASSWORD = "Pl4nted-Passw0rd-77";
  const text = `FROM alpine:3.20
RUN git clone https://${TOKEN}@github.com/acme/app.git /src
RUN curl -k -o /a http://ci:${TOKEN}@files.corp.example/a.tgz
RUN pip install --trusted-host pypi.corp.example git+https://${TOKEN}@github.com/acme/lib.git
RUN echo "root:${PASSWORD}" | chpasswd && usermod -p '${PASSWORD}' app
RUN echo "app:abc" | chpasswd
`;

  it("in messages, keys, fixes and snippets", () => {
    let count = 0;
    for (const check of NEW_CHECKS) {
      for (const v of run(check, text)) {
        count++;
        for (const field of [v.message, v.key ?? "", v.fix ?? "", v.snippet ?? ""]) {
          expect(field, check.id).not.toContain(TOKEN);
          expect(field, check.id).not.toContain(PASSWORD);
        }
      }
    }
    expect(count).toBeGreaterThanOrEqual(7);
  });

  it("masks short passwords by withholding the whole text", () => {
    const found = run(byId("MAM-DF-028"), text);
    expect(found.map((v) => v.snippet)).toEqual([`RUN echo "root:Pl4n***************" | chpasswd && usermod -p 'Pl4n***************' app`, "RUN … (sets a password; text withheld)"]);
  });
});

describe("mechanical fixes", () => {
  it.each<[string, string, string]>([
    ["MAM-DF-035", "RUN pip install -r requirements.txt", "RUN pip install --no-cache-dir -r requirements.txt"],
    ["MAM-DF-038", "RUN apt-get update && apt-get install curl=7.88.1-10+deb12u5", "RUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u5"],
    ["MAM-DF-044", "RUN useradd -u 1000001 app", "RUN useradd --no-log-init -u 1000001 app"],
  ])("%s: %s", (id, line, fixed) => {
    const text = `FROM debian:12-slim\n${line}\n`;
    const lines = text.split("\n");
    const [v] = run(byId(id), text);
    const [edit] = v?.edits ?? [];
    if (!edit) throw new Error(`${id} gave no edit`);
    const planned = planEdit(lines, edit);
    if (!("splice" in planned)) throw new Error(planned.refused);
    expect(applySplices(lines, [planned.splice])[1]).toBe(fixed);
  });
});

describe("hostile input", () => {
  it("stays fast on files with tens of thousands of stages, lines and commands", () => {
    const parts = ["FROM alpine:3.20 AS s0"];
    for (let i = 1; i < 4000; i++) parts.push(`FROM s${i - 1} AS s${i}`, `COPY --from=s${i - 1} /x /x`, `EXPOSE ${i}`, "ENV NODE_TLS_REJECT_UNAUTHORIZED=1", "WORKDIR /a");
    parts.push(`RUN ${"git clone https://example.com/r.git && echo a:b | chpasswd | chpasswd && ".repeat(4000)}true`);
    const text = parts.join("\n");
    const start = performance.now();
    const found = scan(text);
    // Parsing takes most of it; the checks themselves stay well under a second here.
    expect(performance.now() - start).toBeLessThan(15_000);
    expect(new Set(found.map(([id]) => id))).toEqual(new Set(["MAM-DF-028", "MAM-DF-032"]));
  });
});

describe("any input", () => {
  it("never makes a check throw", () => {
    const keyword = fc.constantFrom("FROM", "RUN", "COPY", "ADD", "ENV", "ARG", "WORKDIR", "EXPOSE", "CMD", "ENTRYPOINT", "HEALTHCHECK", "USER");
    const word = fc.constantFrom(
      "alpine:3.20", "AS", "a", "--from=a", "--from=0", "--from=", "--platform=linux/amd64", "--mount=type=cache,target=/root/.cache", "--security=insecure",
      "curl", "-k", "wget", "git", "clone", "-b", "main", "pip", "install", "-r", "npm", "i", "-g", "x@latest", "apt-get", "-y", "dnf", "zypper", "useradd",
      "-u", "999999", "chpasswd", "|", "&&", ";", "echo", "a:b", "http://h/x", "https://u:p@h/x", "$X", "${X:-y}", "[", "]", "\"", "'", "=", "99999", "8080:80",
      ".npmrc", "/", "..", "<<EOF", "EOF", "\\\n", "StrictHostKeyChecking=no", "NODE_TLS_REJECT_UNAUTHORIZED=0", "--setopt=sslverify=0", "-o", "",
    );
    const line = fc.tuple(keyword, fc.array(word, { maxLength: 8 })).map(([k, ws]) => `${k} ${ws.join(" ")}`);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const text = `FROM alpine:3.20 AS a\n${lines.join("\n")}\n`;
        let m: DockerfileModel;
        try {
          m = model(text);
        } catch {
          return;
        }
        for (const c of NEW_CHECKS) violationsOf(c.evaluate(m, { path: "Dockerfile" }));
      }),
      { numRuns: 400 },
    );
  });
});
