// Reading history back into Dockerfile lines: each builder's form, the final config winning over
// the history, and hostile configs.
import { describe, expect, it } from "vitest";
import { imageConfigToDockerfile, parseImageConfigText, type ImageConfigLike } from "../../../src/adapters/image-config.js";
import { InputError } from "../../../src/core/errors.js";
import { BUILDKIT_ALPINE, DEFAULT_PATH, LEGACY_DEBIAN, imageConfig } from "./fixtures.js";

interface Case {
  name: string;
  config: ImageConfigLike;
  /** The reconstructed Dockerfile, line by line, each with where it came from (`h3` is history[3], `c:Env` config.Env). */
  lines: [string, string][];
}

const CASES: Case[] = [
  {
    name: "legacy builder: #(nop) instructions, shell-form RUN, a build-argument prefix",
    config: imageConfig(
      { User: "www-data", Env: [DEFAULT_PATH, "NGINX_VERSION=1.25.4"], ExposedPorts: { "80/tcp": {} }, Cmd: ["nginx", "-g", "daemon off;"], Labels: { maintainer: "NGINX Docker Maintainers <docker-maint@nginx.com>" } },
      [
        ...LEGACY_DEBIAN,
        { created_by: "/bin/sh -c #(nop)  LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>", empty_layer: true },
        { created_by: "/bin/sh -c #(nop)  ENV NGINX_VERSION=1.25.4", empty_layer: true },
        { created_by: "/bin/sh -c #(nop)  ARG RELEASE", empty_layer: true },
        { created_by: "|1 RELEASE=bookworm /bin/sh -c set -x \t&& apt-get update \t&& apt-get install --no-install-recommends -y nginx=${NGINX_VERSION}-1~${RELEASE} \t&& rm -rf /var/lib/apt/lists/*" },
        { created_by: "/bin/sh -c #(nop) COPY file:e57eef017a414ca793499729d80a7b9075790c9a804f930f1417e56d506970cf in / " },
        { created_by: "/bin/sh -c #(nop)  EXPOSE 80/tcp", empty_layer: true },
        { created_by: "/bin/sh -c #(nop)  STOPSIGNAL SIGQUIT", empty_layer: true },
        { created_by: "/bin/sh -c #(nop)  USER www-data", empty_layer: true },
        { created_by: '/bin/sh -c #(nop)  CMD ["nginx" "-g" "daemon off;"]', empty_layer: true },
      ],
    ),
    lines: [
      ["FROM scratch", "image"],
      ["ADD file:d3b7c1e2f4a6b8c0d2e4f6a8b0c2d4e6f8a0b2c4d6e8f0a2b4c6d8e0f2a4b6c8 /", "h0"],
      ['CMD ["bash"]', "h1"],
      ['LABEL maintainer="NGINX Docker Maintainers <docker-maint@nginx.com>"', "h2"],
      ['ENV NGINX_VERSION="1.25.4"', "h3"],
      ["ARG RELEASE", "h4"],
      ['ARG RELEASE="bookworm"', "h5"],
      ["RUN set -x \t&& apt-get update \t&& apt-get install --no-install-recommends -y nginx=${NGINX_VERSION}-1~${RELEASE} \t&& rm -rf /var/lib/apt/lists/*", "h5"],
      ["COPY file:e57eef017a414ca793499729d80a7b9075790c9a804f930f1417e56d506970cf /", "h6"],
      ["EXPOSE 80/tcp", "h7"],
      ["STOPSIGNAL SIGQUIT", "h8"],
      ["USER www-data", "h9"],
      ['CMD ["nginx","-g","daemon off;"]', "h10"],
      [`ENV PATH="${DEFAULT_PATH.slice(5)}"`, "c:Env"],
    ],
  },
  {
    name: "BuildKit: # buildkit suffix, Go-printed lists and maps, RUN with build arguments and another shell",
    config: imageConfig(
      {
        User: "10001",
        Env: [DEFAULT_PATH, "APP_HOME=/srv/app"],
        ExposedPorts: { "8080/tcp": {}, "9090/tcp": {} },
        Healthcheck: { Test: ["CMD-SHELL", "wget -qO- http://127.0.0.1:8080/healthz || exit 1"], Interval: 30000000000 },
        WorkingDir: "/srv/app",
      },
      [
        ...BUILDKIT_ALPINE,
        { created_by: "ARG APP_VERSION=2.4.1", empty_layer: true },
        { created_by: "ENV APP_HOME=/srv/app", empty_layer: true },
        { created_by: "SHELL [/bin/ash -eo pipefail -c]", empty_layer: true },
        { created_by: "RUN |2 APP_VERSION=2.4.1 NPM_TOKEN=npm_Example0000 /bin/ash -eo pipefail -c apk add --no-cache nodejs=20.15.1-r0 # buildkit" },
        { created_by: "WORKDIR /srv/app", empty_layer: true },
        { created_by: "COPY /out/app /srv/app/ # buildkit" },
        { created_by: "EXPOSE map[8080/tcp:{} 9090/tcp:{}]", empty_layer: true },
        { created_by: 'HEALTHCHECK &{["CMD-SHELL" "wget -qO- http://127.0.0.1:8080/healthz || exit 1"] "30s" "3s" "0s" "0s" \'\\x03\'}', empty_layer: true },
        { created_by: "USER 10001", empty_layer: true },
        { created_by: 'ENTRYPOINT ["/srv/app/server" "--port" "8080"]', empty_layer: true },
      ],
    ),
    lines: [
      ["FROM scratch", "image"],
      ["ADD alpine-minirootfs-3.20.1-x86_64.tar.gz /", "h0"],
      ['CMD ["/bin/sh"]', "h1"],
      ['ARG APP_VERSION="2.4.1"', "h2"],
      ['ENV APP_HOME="/srv/app"', "h3"],
      ['SHELL ["/bin/ash","-eo","pipefail","-c"]', "h4"],
      ['ARG NPM_TOKEN="npm_Example0000"', "h5"],
      ["RUN apk add --no-cache nodejs=20.15.1-r0", "h5"],
      ["WORKDIR /srv/app", "h6"],
      ["COPY /out/app /srv/app/", "h7"],
      ["EXPOSE 8080/tcp 9090/tcp", "h8"],
      ["HEALTHCHECK CMD wget -qO- http://127.0.0.1:8080/healthz || exit 1", "h9"],
      ["USER 10001", "h10"],
      ['ENTRYPOINT ["/srv/app/server","--port","8080"]', "h11"],
      [`ENV PATH="${DEFAULT_PATH.slice(5)}"`, "c:Env"],
    ],
  },
  {
    name: "a squashed image: no history, everything from the final config",
    config: {
      created: "2024-01-10T12:00:00Z",
      config: {
        User: "1000",
        Env: [DEFAULT_PATH, "API_KEY=$ecret-Example-1"],
        ExposedPorts: { "3000/tcp": {}, "22": {} },
        Healthcheck: { Test: ["CMD", "/app/health", "--quick"] },
        Labels: { "org.opencontainers.image.source": "https://example.com/app", "odd key": 'say "hi"' },
      },
      rootfs: { type: "layers", diff_ids: ["sha256:0"] },
    },
    lines: [
      ["FROM scratch", "image"],
      ["USER 1000", "c:User"],
      [`ENV PATH="${DEFAULT_PATH.slice(5)}"`, "c:Env"],
      ['ENV API_KEY="\\$ecret-Example-1"', "c:Env"],
      // integer-like keys come first in a JSON object
      ["EXPOSE 22/tcp 3000/tcp", "c:ExposedPorts"],
      ['HEALTHCHECK CMD ["/app/health","--quick"]', "c:Healthcheck"],
      ['LABEL org.opencontainers.image.source="https://example.com/app"', "c:Labels"],
      ['LABEL "odd key"="say \\"hi\\""', "c:Labels"],
    ],
  },
  {
    name: "build arguments: values with spaces, repeated values written once, several RUNs",
    config: imageConfig({ User: "app", Env: [DEFAULT_PATH] }, [
      { created_by: "|2 GREETING=hello world TOKEN=tok_Example_0001 /bin/sh -c echo \"$GREETING\" > /etc/motd" },
      { created_by: "|2 GREETING=hello world TOKEN=tok_Example_0001 /bin/sh -c useradd app" },
      { created_by: "RUN |1 TOKEN=tok_Example_0002 /bin/sh -c ./fetch.sh # buildkit" },
      { created_by: "|1 MODE=fast ./build.sh --mode fast" },
      { created_by: "/bin/sh -c #(nop)  USER app", empty_layer: true },
    ]),
    lines: [
      ["FROM scratch", "image"],
      ['ARG GREETING="hello world"', "h0"],
      ['ARG TOKEN="tok_Example_0001"', "h0"],
      ['RUN echo "$GREETING" > /etc/motd', "h0"],
      ["RUN useradd app", "h1"],
      ['ARG TOKEN="tok_Example_0002"', "h2"],
      ["RUN ./fetch.sh", "h2"],
      ['ARG MODE="fast"', "h3"],
      ["RUN ./build.sh --mode fast", "h3"],
      ["USER app", "h4"],
      [`ENV PATH="${DEFAULT_PATH.slice(5)}"`, "c:Env"],
    ],
  },
  {
    name: "multi-line RUN (here-documents, scripts with newlines) becomes one exec-form line",
    config: imageConfig({ User: "app", Env: [DEFAULT_PATH] }, [
      { created_by: "RUN /bin/sh -c set -eux\napt-get update\napt-get install -y curl\n # buildkit" },
      { created_by: "RUN /bin/sh -c cat <<EOF > /etc/app.conf\nlisten 8080\nEOF # buildkit" },
      { created_by: "/bin/sh -c ends-with-a-backslash \\" },
      { created_by: "USER app" , empty_layer: true },
    ]),
    lines: [
      ["FROM scratch", "image"],
      ['RUN ["/bin/sh","-c","set -eux\\napt-get update\\napt-get install -y curl"]', "h0"],
      ['RUN ["/bin/sh","-c","cat \\u003c\\u003cEOF > /etc/app.conf\\nlisten 8080\\nEOF"]', "h1"],
      ['RUN ["/bin/sh","-c","ends-with-a-backslash \\\\"]', "h2"],
      ["USER app", "h3"],
      [`ENV PATH="${DEFAULT_PATH.slice(5)}"`, "c:Env"],
    ],
  },
  {
    name: "kaniko and other builders: instructions as written, unknown and empty entries as comments",
    config: imageConfig({ User: "", Env: [DEFAULT_PATH, "GREETING=a b"] }, [
      { created_by: "bazel build //base:image", comment: "from Bazel" },
      { created_by: "", empty_layer: true },
      { created_by: "apt-get install -y ca-certificates" },
      { created_by: 'ENV GREETING="a b"', empty_layer: true },
      { created_by: "COPY --from=build /out/app /app" },
      { created_by: "COPY <<EOF /etc/conf\nx\nEOF" },
      { created_by: "HEALTHCHECK --interval=5s CMD pg_isready", empty_layer: true },
      { created_by: "jib-maven-plugin:3.4.0", empty_layer: true },
    ]),
    lines: [
      ["FROM scratch", "image"],
      ["RUN bazel build //base:image", "h0"],
      ["# history[1]: no created_by", "h1"],
      ["RUN apt-get install -y ca-certificates", "h2"],
      ['ENV GREETING="a b"', "h3"],
      ["COPY --from=build /out/app /app", "h4"],
      ["# history[5]: COPY <<EOF /etc/conf x EOF", "h5"],
      ["# history[6]: HEALTHCHECK --interval=5s CMD pg_isready (not in the image config)", "h6"],
      ["# history[7]: jib-maven-plugin:3.4.0", "h7"],
      [`ENV PATH="${DEFAULT_PATH.slice(5)}"`, "c:Env"],
    ],
  },
  {
    name: "the final config wins: USER, EXPOSE and HEALTHCHECK the history sets but the config does not",
    config: imageConfig(
      { Env: [DEFAULT_PATH], ExposedPorts: { "8080/tcp": {} }, Healthcheck: { Test: ["NONE"] } },
      [
        ...LEGACY_DEBIAN,
        { created_by: "/bin/sh -c #(nop)  EXPOSE 22/tcp 8080/tcp", empty_layer: true },
        { created_by: "/bin/sh -c #(nop)  EXPOSE 2222", empty_layer: true },
        { created_by: '/bin/sh -c #(nop)  HEALTHCHECK &{["CMD-SHELL" "curl -f http://localhost/"] "0s" "0s" "0s" \'\\x00\'}', empty_layer: true },
        { created_by: "/bin/sh -c #(nop)  USER app", empty_layer: true },
      ],
    ),
    lines: [
      ["FROM scratch", "image"],
      ["ADD file:d3b7c1e2f4a6b8c0d2e4f6a8b0c2d4e6f8a0b2c4d6e8f0a2b4c6d8e0f2a4b6c8 /", "h0"],
      ['CMD ["bash"]', "h1"],
      ["EXPOSE 8080/tcp", "h2"],
      ["# history[3]: EXPOSE 2222/tcp (not in the image config)", "h3"],
      ["HEALTHCHECK CMD curl -f http://localhost/", "h4"],
      ["USER app", "h5"],
      ["USER root", "c:User"],
      [`ENV PATH="${DEFAULT_PATH.slice(5)}"`, "c:Env"],
      ["HEALTHCHECK NONE", "c:Healthcheck"],
    ],
  },
];

function shown(config: ImageConfigLike): [string, string][] {
  const r = imageConfigToDockerfile(config, "example:1");
  return r.lines.map((l, i): [string, string] => {
    const o = r.origins[i];
    return [l, o?.kind === "history" ? `h${o.index}` : o?.kind === "config" ? `c:${o.field}` : "image"];
  });
}

describe("reconstructing a Dockerfile from image history", () => {
  it.each(CASES)("$name", ({ config, lines }) => {
    expect(shown(config)).toEqual(lines);
  });

  it("parses the reconstruction with the Dockerfile adapter into one stage", () => {
    const r = imageConfigToDockerfile(CASES[1]?.config as ImageConfigLike, "registry.example.com/app:2.4.1");
    expect(r.model.modelType).toBe("dockerfile.Dockerfile");
    expect(r.model.path).toBe("registry.example.com/app:2.4.1:history");
    expect(r.model.stages).toHaveLength(1);
    expect(r.model.stages[0]?.image).toBe("scratch");
    const run = r.model.instructions.find((i) => i.keyword === "RUN");
    expect(run?.range).toEqual({ startLine: 8, endLine: 8 });
    expect(r.model.instructions.find((i) => i.keyword === "SHELL")?.exec).toEqual(["/bin/ash", "-eo", "pipefail", "-c"]);
    expect(r.warnings).toEqual([]);
  });

  it("keeps the base image's root filesystem and legacy content references out of the model", () => {
    const r = imageConfigToDockerfile(
      imageConfig({}, [...LEGACY_DEBIAN, { created_by: "/bin/sh -c apt-get update" }, { created_by: "/bin/sh -c #(nop) ADD file:0a1b2c in /opt/ " }, { created_by: "ADD config.yaml /etc/app/ # buildkit" }]),
      "x",
    );
    expect(r.lines.filter((l) => l.startsWith("ADD"))).toHaveLength(3);
    expect(r.model.instructions.filter((i) => i.keyword === "ADD").map((i) => i.args)).toEqual(["config.yaml /etc/app/"]);
    expect(r.model.stages[0]?.instructions.filter((i) => i.keyword === "ADD")).toHaveLength(1);
  });

  it("builds the image.Config model with the lines that set each value", () => {
    const r = imageConfigToDockerfile(CASES[1]?.config as ImageConfigLike, "app", { now: new Date("2024-07-01T00:00:00Z") });
    const m = r.image;
    expect(m.modelType).toBe("image.Config");
    expect(m.now).toBe("2024-07-01T00:00:00.000Z");
    expect(m.user).toEqual({ value: "10001", range: { startLine: 13, endLine: 13 } });
    expect(m.env.map((e) => [e.value.name, e.range.startLine])).toEqual([["PATH", 15], ["APP_HOME", 5]]);
    expect(m.exposedPorts.map((p) => [p.value, p.range.startLine])).toEqual([["8080/tcp", 11], ["9090/tcp", 11]]);
    expect(m.healthcheck?.range.startLine).toBe(12);
    expect([m.historyCount, m.layerHistoryCount, m.describedHistoryCount, m.layerCount]).toEqual([12, 3, 12, 3]);
    expect(m.created).toEqual({ value: "2024-05-02T09:30:00Z", range: { startLine: 1, endLine: 1 } });
  });
});

describe("image configs as JSON text", () => {
  it("reads both models, in the shape adapters return", () => {
    const parsed = parseImageConfigText(JSON.stringify({ config: { User: "app" }, history: [{ created_by: "USER app" }] }), "app:1");
    expect(parsed.models.map((m) => m.modelType)).toEqual(["dockerfile.Dockerfile", "image.Config"]);
    expect(parsed.warnings).toEqual([]);
  });

  it.each([
    ["{", /^app:1: the image config is not JSON: /],
    ["[1]", /^app:1: the image config is not a JSON object$/],
  ])("refuses %s with an input error", (text, message) => {
    expect(() => parseImageConfigText(text, "app:1")).toThrow(InputError);
    expect(() => parseImageConfigText(text, "app:1")).toThrow(message);
  });
});

describe("hostile image configs", () => {
  it.each([
    { name: "no config at all", config: {} },
    { name: "fields of the wrong type", config: { created: 5, config: { User: 7, Env: "PATH=/bin", ExposedPorts: ["22/tcp"], Labels: [1], Healthcheck: { Test: "CMD true" } }, history: [null, 3, "x", { created_by: 9 }], rootfs: { diff_ids: "x" } } },
    { name: "config is an array", config: { config: [], history: {} } },
    { name: "odd values", config: { config: { User: "a\nb", Env: ["=x", "A", "B=\u2028c", "PATH=/bin\\"], ExposedPorts: { "99999999/tcp": {}, "80/foo": {}, "x": {} }, Labels: { "": "v", "k\nk": "v\n" } }, history: [{ created_by: "/bin/sh -c #(nop)  WORKDIR C:\\" }, { created_by: "/bin/sh -c #(nop)  ENV A=1\nRUN evil" }, { created_by: "/bin/sh -c #(nop)  HEALTHCHECK &{[\"CMD\" \"x\\q\"]}" }, { created_by: "|3 A=" }] } },
  ])("$name: no crash, one line per history entry at most", ({ config }) => {
    const r = imageConfigToDockerfile(config as ImageConfigLike, "x");
    expect(r.lines[0]).toBe("FROM scratch");
    expect(r.lines.every((l) => !/[\n\r\u2028\u2029]/.test(l))).toBe(true);
    expect(r.model.stages).toHaveLength(1);
    expect(r.origins).toHaveLength(r.lines.length);
  });

  it("bounds the number of history entries and the size of each", () => {
    const many = Array.from({ length: 12_000 }, (_, i) => ({ created_by: `/bin/sh -c echo ${i}` }));
    const huge = { created_by: `/bin/sh -c echo ${"x".repeat(100_000)}` };
    const r = imageConfigToDockerfile({ history: [huge, ...many] }, "x");
    expect(r.lines[1]).toBe("# history[0]: created_by of 100016 characters: too long to check");
    expect(r.warnings).toEqual(["history: only the first 10000 of 12001 entries were checked"]);
    expect(r.lines.length).toBeLessThanOrEqual(10_002);
  });

  it("reads pathological created_by text in linear time", () => {
    const nasty = [
      `${" ".repeat(60_000)}x`,
      `/bin/sh -c #(nop) ADD file:0a ${"a in ".repeat(12_000)}`,
      `ENV ${"A=".repeat(30_000)}`,
      `|9999 ${"A=b ".repeat(15_000)}`,
      `/bin/sh -c ${"\\ ".repeat(30_000)}x`,
      `HEALTHCHECK &{[${'"a" '.repeat(15_000)}`,
      `${"\t".repeat(60_000)}# buildkit`,
    ];
    const start = performance.now();
    const r = imageConfigToDockerfile({ history: nasty.map((c) => ({ created_by: c })) }, "x");
    expect(performance.now() - start).toBeLessThan(5_000);
    expect(r.model.stages).toHaveLength(1);
  });

  it("bounds the settings the final config adds, and says so", () => {
    const env = Array.from({ length: 900 }, (_, i) => `VAR_${i}=${"v".repeat(5_000)}`);
    const labels = Object.fromEntries(Array.from({ length: 900 }, (_, i) => [`label.${i}`, "w".repeat(5_000)]));
    const r = imageConfigToDockerfile({ config: { Env: env, Labels: labels, Healthcheck: { Test: ["CMD-SHELL", "x".repeat(2_000_000)] } } }, "x");
    expect(r.lines.join("\n").length).toBeLessThan(300 * 1024);
    expect(r.lines[1]).toBe(`ENV VAR_0="${"v".repeat(4096)}"`);
    expect(r.warnings).toEqual(["config: 1738 settings beyond 256 KiB of text were not checked"]);
  });

  it("stops at the text budget and says so", () => {
    const big = Array.from({ length: 30 }, (_, i) => ({ created_by: `/bin/sh -c echo ${i} ${"y".repeat(60_000)}` }));
    const r = imageConfigToDockerfile({ history: big }, "x");
    expect(r.lines.join("\n").length).toBeLessThan(800 * 1024);
    expect(r.warnings[0]).toMatch(/^history: \d+ entries beyond 768 KiB of text were not checked$/);
  });
});
