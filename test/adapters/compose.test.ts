import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { composeAdapter } from "../../src/adapters/compose.js";
import { InputError } from "../../src/core/errors.js";
import type { ComposeService } from "../../src/models/compose.js";

function services(text: string): ComposeService[] {
  return composeAdapter.parse(text, "docker-compose.yml").models as ComposeService[];
}

function only(text: string): ComposeService {
  const s = services(text)[0];
  if (!s) throw new Error("no service");
  return s;
}

describe("compose adapter: which files", () => {
  it.each([
    ["docker-compose.yml", true],
    ["deploy/docker-compose.prod.yaml", true],
    ["docker-compose-dev.yml", true],
    ["compose.yaml", true],
    ["compose.override.yml", true],
    ["Compose.YML", true],
    ["deploy/app.yaml", false],
    ["docker-compose.json", false],
    ["composer.yaml", false],
    ["my-docker-compose.yml", false],
  ])("wants %s: %s", (path, want) => {
    expect(composeAdapter.wants(path)).toBe(want);
  });

  it.each([
    ["services at the top", "services:\n  web:\n    image: nginx:1.25.4\n", true],
    ["after version and name", "version: \"3.9\"\nname: shop\nservices: {}\n", true],
    ["only volumes", "volumes:\n  data: {}\n", false],
    ["services nested", "x:\n  services:\n    web: {}\n", false],
  ])("sniffs %s: %s", (_name, text, want) => {
    expect(composeAdapter.sniff?.(text)).toBe(want);
  });
});

describe("compose adapter: services", () => {
  it("maps each service with its address, range and key line", () => {
    const text = "services:\n  web:\n    image: nginx:1.25.4\n    privileged: true\n\n  db:\n    image: postgres:16.3\nvolumes:\n  data: {}\n";
    const parsed = composeAdapter.parse(text, "docker-compose.yml");
    expect(parsed.models.map((m) => [m.address, m.range, (m as ComposeService).keyRange.startLine])).toEqual([
      ["services.web", { startLine: 2, endLine: 4 }, 2],
      ["services.db", { startLine: 6, endLine: 7 }, 6],
    ]);
    expect(parsed.blocks).toEqual([
      { startLine: 2, endLine: 4 },
      { startLine: 6, endLine: 7 },
    ]);
    const web = parsed.models[0] as ComposeService;
    expect(web.privileged).toEqual({ value: true, known: true, range: { startLine: 4, endLine: 4 } });
  });

  it("applies YAML merge keys, the service's own keys winning", () => {
    const s = only("x-base: &base\n  read_only: true\n  user: \"1000\"\nservices:\n  api:\n    <<: *base\n    user: root\n    image: api:1.0.0\n");
    expect([s.readOnly?.value, s.readOnly?.range.startLine, s.user?.value]).toEqual([true, 2, "root"]);
  });

  it("reads interpolated values as unknown, and $$ as a literal dollar", () => {
    const s = only(`services:
  api:
    image: "api:\${TAG}"
    user: $$HOME
    environment:
      A_TOKEN: \${A_TOKEN}
      B_TOKEN: plain
      C_TOKEN:
    network_mode: host
`);
    expect(s.image).toEqual({ value: undefined, known: false, range: { startLine: 3, endLine: 3 } });
    expect(s.user?.value).toBe("$HOME");
    expect(s.environment.map((e) => [e.name, e.value?.known, e.value?.value, e.style])).toEqual([
      ["A_TOKEN", false, undefined, "map"],
      ["B_TOKEN", true, "plain", "map"],
      ["C_TOKEN", undefined, undefined, "map"],
    ]);
    expect(s.networkMode?.value).toBe("host");
  });

  it("splits environment lists at the first =", () => {
    const s = only("services:\n  api:\n    environment:\n      - A=b=c\n      - B\n      - C=${D}\n      - ${E}=x\n");
    expect(s.environment.map((e) => [e.name, e.value?.known, e.value?.value, e.style])).toEqual([
      ["A", true, "b=c", "list"],
      ["B", undefined, undefined, "list"],
      ["C", false, undefined, "list"],
    ]);
  });

  it.each([
    ["80", undefined, undefined, "80", true],
    ["8080:80", undefined, "8080", "80", true],
    ["127.0.0.1:8080:80/tcp", "127.0.0.1", "8080", "80", true],
    ["127.0.0.1::80", "127.0.0.1", "", "80", true],
    ["[::1]:8080:80", "::1", "8080", "80", true],
    ["::1:8080:80", "::1", "8080", "80", true],
    ["8000-8010:8000-8010/udp", undefined, "8000-8010", "8000-8010", true],
    ["${PORT}:80", undefined, "", "80", false],
    ["web:80", undefined, "web", "80", false],
  ])("reads the port %s", (text, hostIp, published, target, known) => {
    const p = only(`services:\n  web:\n    ports:\n      - "${text}"\n`).ports[0];
    expect([p?.hostIp?.value, p?.published?.value ?? (p?.published?.known === false ? "" : undefined), p?.target?.value, p?.known]).toEqual([hostIp, published, target, known]);
  });

  it("reads numeric and long-syntax ports", () => {
    const s = only("services:\n  web:\n    ports:\n      - 3000\n      - target: 80\n        published: \"8080\"\n        host_ip: 10.0.0.5\n        protocol: tcp\n");
    expect(s.ports.map((p) => [p.text, p.hostIp?.value, p.published?.value, p.target?.value, p.known, p.range.startLine])).toEqual([
      ["3000", undefined, undefined, "3000", true, 4],
      ["10.0.0.5:8080:80", "10.0.0.5", "8080", "80", true, 5],
    ]);
  });

  it.each([
    ["/var/run/docker.sock:/var/run/docker.sock:ro", "bind", "/var/run/docker.sock", true, undefined],
    ["./data:/data", "bind", "./data", false, undefined],
    ["~/cache:/cache:rw", "bind", "~/cache", false, undefined],
    ["C:\\data:/data", "bind", "C:\\data", false, undefined],
    ["dbdata:/var/lib/postgresql/data", "volume", "dbdata", false, undefined],
    ["/mnt:/mnt:ro,rshared", "bind", "/mnt", true, "rshared"],
    ["/anonymous", "volume", undefined, undefined, undefined],
    ["${HOST_DIR}:/data", undefined, undefined, false, undefined],
  ])("reads the volume %s", (text, type, source, readOnly, propagation) => {
    const v = only(`services:\n  web:\n    volumes:\n      - "${text.replace(/\\/g, "\\\\")}"\n`).volumes[0];
    expect([v?.type, v?.source?.value, v?.readOnly, v?.propagation?.value]).toEqual([type, source, readOnly, propagation]);
  });

  it("reads long-syntax volumes, devices, health checks and memory limits", () => {
    const s = only(`services:
  web:
    volumes:
      - type: bind
        source: /
        target: /host
        read_only: true
        bind: { propagation: shared }
    devices:
      - /dev/sda:/dev/xvda:rwm
      - source: /dev/ttyUSB0
        target: /dev/ttyUSB0
    healthcheck:
      test: NONE
    deploy:
      resources:
        limits: { memory: 512M }
`);
    expect(s.volumes.map((v) => [v.type, v.source?.value, v.target?.value, v.readOnly, v.propagation?.value])).toEqual([["bind", "/", "/host", true, "shared"]]);
    expect(s.devices.map((d) => d.value)).toEqual(["/dev/sda:/dev/xvda:rwm", "/dev/ttyUSB0"]);
    expect(s.healthcheckDisabled).toEqual({ value: true, known: true, range: { startLine: 14, endLine: 14 } });
    expect(s.memoryLimit?.value).toBe("512M");
  });

  it("warns about services it cannot read, and reads nothing from other YAML", () => {
    expect(composeAdapter.parse("services:\n  - web\n", "compose.yml").warnings).toEqual([{ line: 2, message: "`services` is not a mapping of service names: no service read" }]);
    expect(composeAdapter.parse("services:\n  web:\n  db:\n    image: postgres:16.3\n", "compose.yml")).toMatchObject({
      models: [{ name: "db" }],
      warnings: [{ line: 2, message: "service web is not a mapping: not read" }],
    });
    expect(composeAdapter.parse("volumes:\n  data: {}\n", "compose.yml")).toEqual({ models: [], blocks: [], warnings: [] });
    expect(composeAdapter.parse("", "compose.yml")).toEqual({ models: [], blocks: [], warnings: [] });
  });
});

describe("compose adapter: hostile input", () => {
  it("names the file and line of a syntax error", () => {
    expect(() => composeAdapter.parse("services:\n  web:\n    image: [a\n", "compose.yml")).toThrow(InputError);
    expect(() => composeAdapter.parse("services:\n  web:\n    image: a\n    image: b\n", "compose.yml")).toThrow(/^compose\.yml:4: invalid YAML: /);
  });

  it("refuses an alias bomb quickly", () => {
    const rows = ['x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) rows.push(`x-${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(",")}]`);
    const started = Date.now();
    expect(() => composeAdapter.parse(`${rows.join("\n")}\nservices:\n  web:\n    environment: *j\n`, "bomb.yml")).toThrow(/^bomb\.yml:1: YAML document rejected/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("bounds deep nesting", () => {
    const deepFlow = `services:\n  web:\n    labels: ${"[".repeat(5000)}${"]".repeat(5000)}\n`;
    expect(() => composeAdapter.parse(deepFlow, "deep.yml")).toThrow(InputError);
    let block = "services:\n  web:\n    image: nginx:1.25.4\n    x-deep:\n";
    for (let i = 0; i < 200; i++) block += `${" ".repeat(6 + i * 2)}k${i}:\n`;
    expect(services(block)[0]?.image?.value).toBe("nginx:1.25.4");
  });

  it("on any input, returns models or throws InputError, nothing else", () => {
    const piece = fc.constantFrom(
      "services:\n", "  web:\n", "    image: x\n", "    ports:\n", "      - ", "\"80:80\"\n", "    volumes:\n", "/a:/b:ro\n",
      "    environment:\n", "      A: ${B}\n", "<<: *a\n", "&a ", "*a\n", "[", "]", "{", "}", ": ", "- ", "  ", "'", '"', "# c\n", "\n", "---\n",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 5 })), { maxLength: 40 }), (parts) => {
        try {
          const parsed = composeAdapter.parse(`services:\n${parts.join("")}`, "f.yml");
          for (const m of parsed.models) expect(m.range.startLine).toBeGreaterThanOrEqual(1);
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
        }
      }),
      { numRuns: 300 },
    );
  });
});
