// The Dockerfile checks together on one realistic file with many problems: exactly which
// findings, where, and with ids that survive line moves.
import { describe, expect, it } from "vitest";
import { dockerfileAdapter } from "../../src/adapters/dockerfile.js";
import { CheckSet, toFindings } from "../../src/checks/engine.js";
import { builtinChecks, checkById, sortChecksById } from "../../src/checks/registry.js";
import type { Finding } from "../../src/core/model.js";

const SECRET = "Hunter2-Example-Secret";

const DOCKERFILE = `# syntax=docker/dockerfile:1
ARG NODE_TAG=latest
FROM node:\${NODE_TAG} AS build
MAINTAINER ops@example.com
ARG NPM_TOKEN
WORKDIR /src
COPY package.json package-lock.json ./
RUN echo "//registry.npmjs.org/:_authToken=\${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc
COPY . .
RUN cd /src/web && npm run build

FROM ubuntu:24.04
ENV DB_PASSWORD=${SECRET}
RUN apt-get update
RUN apt-get install -y \\
      nginx \\
      curl
RUN curl -fsSL https://get.example.com/agent.sh | sh
ADD https://example.com/app.tar.gz /opt/app/
ADD nginx.conf /etc/nginx/nginx.conf
COPY --from=build /src/web/dist /var/www/html
RUN sudo chmod -R 777 /var/www/html
EXPOSE 80 22
CMD ["nginx"]
CMD ["nginx", "-g", "daemon off;"]
`;

const EXPECTED: [string, number][] = [
  ["MAM-DF-004", 3],
  ["MAM-DF-020", 4],
  ["MAM-DF-006", 5],
  ["MAM-DF-018", 10],
  ["MAM-DF-001", 12],
  ["MAM-DF-007", 12],
  ["MAM-DF-005", 13],
  ["MAM-DF-010", 14],
  ["MAM-DF-011", 14],
  ["MAM-DF-008", 15],
  ["MAM-DF-009", 15],
  ["MAM-DF-013", 18],
  ["MAM-DF-002", 19],
  ["MAM-DF-003", 20],
  ["MAM-DF-014", 22],
  ["MAM-DF-016", 22],
  ["MAM-DF-015", 23],
  ["MAM-DF-019", 24],
];

function scan(text: string): Finding[] {
  const parsed = dockerfileAdapter.parse(text, "Dockerfile");
  const raw = new CheckSet(builtinChecks).run(parsed.models, "Dockerfile");
  return toFindings(raw, { scope: "iac", displayPath: "Dockerfile", rootPath: "Dockerfile", lines: text.split(/\r\n|\r|\n/) });
}

describe("a Dockerfile with many problems", () => {
  const findings = scan(DOCKERFILE);

  it("finds exactly the expected problems, at the expected lines", () => {
    expect(findings.map((f): [string, number] => [f.ruleId, f.location.startLine ?? 0])).toEqual(EXPECTED);
  });

  it("gives ranges over whole instructions and carries the check's metadata", () => {
    const pin = findings.find((f) => f.ruleId === "MAM-DF-008");
    expect(pin?.location).toEqual({ path: "Dockerfile", startLine: 15, endLine: 17 });
    expect(pin?.message).toBe("apt-get install of nginx, curl without a version pin");
    expect(pin?.snippet).toBe("RUN apt-get install -y \\\n      nginx \\\n      curl");
    const root = findings.find((f) => f.ruleId === "MAM-DF-001");
    expect(root?.severity).toBe("high");
    expect(root?.compliance).toEqual([{ framework: "cis-docker-1.6", control: "4.1" }]);
    expect(root?.remediation?.fix).toBe("USER 10001:10001");
    expect(findings.find((f) => f.ruleId === "MAM-DF-005")?.kind).toBe("secret");
  });

  it("never shows the planted secret", () => {
    const json = JSON.stringify(findings);
    expect(json).not.toContain(SECRET);
    expect(findings.find((f) => f.ruleId === "MAM-DF-005")?.snippet).toBe("ENV DB_PASSWORD=Hunt****************");
  });

  it("gives every finding its own id", () => {
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
  });

  it("keeps ids when lines move", () => {
    const moved = scan(`\n\n\n${DOCKERFILE}`);
    expect(moved.map((f) => f.location.startLine)).toEqual(findings.map((f) => (f.location.startLine ?? 0) + 3));
    expect(moved.map((f) => f.id)).toEqual(findings.map((f) => f.id));
    const edited = scan(DOCKERFILE.replace("WORKDIR /src\n", "WORKDIR /src\nLABEL team=web\n"));
    expect(new Set(edited.map((f) => f.id))).toEqual(new Set(findings.map((f) => f.id)));
  });

  it("changes the id when the problem itself changes", () => {
    const before = findings.find((f) => f.ruleId === "MAM-DF-016");
    const after = scan(DOCKERFILE.replace("chmod -R 777 /var/www/html", "chmod -R 0777 /var/www/html")).find((f) => f.ruleId === "MAM-DF-016");
    expect(after?.id).toBeDefined();
    expect(after?.id).not.toBe(before?.id);
  });
});

describe("hostile input", () => {
  it("a 1 MB RUN line gives one finding per check, quickly", () => {
    const text = `FROM alpine:3.20\nUSER app\nHEALTHCHECK CMD true\nRUN ${"apk add curl && sudo chmod 777 /x && ".repeat(25000)}true\n`;
    const start = performance.now();
    const found = scan(text);
    expect(performance.now() - start).toBeLessThan(15_000);
    expect(found.map((f) => f.ruleId)).toEqual(["MAM-DF-014", "MAM-DF-016", "MAM-DF-017"]);
    for (const f of found) expect(f.message?.length ?? 0).toBeLessThan(500);
  });
});

describe("registry", () => {
  it("looks checks up by id", () => {
    expect(checkById("MAM-DF-001")?.title).toBe("Container runs as root");
    expect(checkById("MAM-DF-999")).toBeUndefined();
  });

  it("rejects duplicate ids", () => {
    const one = checkById("MAM-DF-001");
    expect(one).toBeDefined();
    if (one) expect(() => sortChecksById([one, ...builtinChecks])).toThrow(/duplicate check id MAM-DF-001/);
  });
});
