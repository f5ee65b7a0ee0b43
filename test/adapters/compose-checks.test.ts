// The Compose checks on realistic files: each finding on the line of the offending value (or of
// the service's key when a setting is missing), values that cannot be known left alone, and
// credentials never shown.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { composeAdapter } from "../../src/adapters/compose.js";
import { composeChecks } from "../../src/checks/compose/index.js";
import { CheckSet } from "../../src/checks/engine.js";

const checks = new CheckSet(composeChecks);

function run(text: string) {
  return checks.run(composeAdapter.parse(text, "docker-compose.yml").models, "docker-compose.yml");
}

function pairs(text: string): string[] {
  return run(text)
    .map((r) => `${r.check.id}:${r.violation.range.startLine}`)
    .sort();
}

describe("compose checks", () => {
  it("demo/compose/docker-compose.yml", () => {
    expect(pairs(readFileSync("demo/compose/docker-compose.yml", "utf8"))).toEqual([
      "MAM-DC-001:31", // monitor: privileged
      "MAM-DC-002:35", // monitor: docker.sock
      "MAM-DC-003:36", // monitor: / mounted
      "MAM-DC-004:33", // monitor: network_mode host
      "MAM-DC-005:32", // monitor: pid host
      "MAM-DC-010:38", // monitor: seccomp unconfined
      "MAM-DC-013:18", // db: no no-new-privileges
      "MAM-DC-013:29", // monitor
      "MAM-DC-013:8", // web
      "MAM-DC-014:12", // web: 80 on every interface
      "MAM-DC-014:22", // db: 5432 on every interface
      "MAM-DC-015:15", // web: SESSION_SECRET written in the file
      "MAM-DC-016:18", // db: writable root
      "MAM-DC-016:29", // monitor
      "MAM-DC-016:8", // web
      "MAM-DC-018:10", // web: :latest (the worker builds its own)
      "MAM-DC-019:18", // db: no memory limit
      "MAM-DC-019:29", // monitor
      "MAM-DC-019:8", // web
      "MAM-DC-023:18", // db: no process limit
      "MAM-DC-023:29", // monitor
      "MAM-DC-023:40", // worker
      "MAM-DC-023:8", // web
      "MAM-DC-024:18", // db: no CPU limit or share
      "MAM-DC-024:29", // monitor
      "MAM-DC-024:40", // worker
      "MAM-DC-024:8", // web
    ]);
  });

  it("test/fixtures/compose: variables, anchors and extends", () => {
    const results = run(readFileSync("test/fixtures/compose/docker-compose.yml", "utf8"));
    expect(results.map((r) => `${r.check.id}:${r.violation.range.startLine}`).sort()).toEqual([
      "MAM-DC-003:24", // api: /etc/ssl/certs, read-only
      "MAM-DC-003:38", // worker: /var/lib/docker/volumes
      "MAM-DC-006:58", // edge: ipc host
      "MAM-DC-007:57", // edge: userns_mode host
      "MAM-DC-008:56", // edge: uts host
      "MAM-DC-009:34", // worker: NET_ADMIN (the interpolated capability is not judged)
      "MAM-DC-011:52", // edge: apparmor=unconfined
      "MAM-DC-012:53", // edge: label:disable
      "MAM-DC-013:44", // edge: its own security_opt replaces the merged one
      "MAM-DC-014:16", // api: long syntax without host_ip (the interpolated one is not judged)
      "MAM-DC-014:49", // edge: 443
      "MAM-DC-014:50", // edge: [::]:80
      "MAM-DC-015:21", // api: JWT_SECRET is a literal ($$ escapes the dollar)
      "MAM-DC-016:47", // edge: read_only: false overrides the anchor
      "MAM-DC-017:55", // edge: healthcheck disabled
      "MAM-DC-020:59", // edge: user root
      "MAM-DC-021:36", // worker: /dev/kvm
      "MAM-DC-022:42", // worker: rshared
      "MAM-DC-023:10", // api: no process limit (worker extends: not judged)
      "MAM-DC-023:44", // edge
      "MAM-DC-024:10", // api: no CPU limit or share
      "MAM-DC-024:44", // edge
    ]);
    const severity = (id: string, line: number) => results.find((r) => r.check.id === id && r.violation.range.startLine === line)?.violation.severity;
    expect(severity("MAM-DC-003", 24)).toBe("medium");
    expect(severity("MAM-DC-003", 38)).toBeUndefined();
    expect(severity("MAM-DC-009", 34)).toBe("high");
  });

  it("keys name the setting, never a line", () => {
    const keys = run(readFileSync("demo/compose/docker-compose.yml", "utf8")).map((r) => r.violation.key ?? "");
    expect(keys).toContain("socket /var/run/docker.sock");
    expect(keys).toContain("port 5432:5432");
    for (const k of keys) expect(k).not.toMatch(/line \d+/);
  });
});

const PLANTED = ["Pl4nted-S3cret-Value-0001", "abc", "Pl4nted S3cret with spaces", "pl4nted=with=equals"];

describe("credentials never leak into violations", () => {
  it.each(PLANTED.flatMap((s, i) => [
    { n: i + 1, style: "map", secret: s, text: `services:\n  app:\n    image: app:1.0.0\n    environment:\n      APP_SECRET: ${JSON.stringify(s)}\n` },
    { n: i + 1, style: "list", secret: s, text: `services:\n  app:\n    image: app:1.0.0\n    environment:\n      - ${JSON.stringify(`APP_SECRET=${s}`)}\n` },
  ]))("planted secret #$n ($style)", ({ secret, text }) => {
    const results = run(text);
    const found = results.filter((r) => r.check.id === "MAM-DC-015");
    expect(found).toHaveLength(1);
    expect(found[0]?.violation.snippet).toMatch(/APP_SECRET[:=] ?\*|APP_SECRET[:=] ?\w{4}\*/);
    for (const { violation: v } of results) {
      for (const field of [v.message, v.key ?? "", v.snippet ?? "", v.fix ?? ""]) expect(field).not.toContain(secret);
    }
  });
});
