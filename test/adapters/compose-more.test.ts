// The Compose service settings added for limits, restarts, cgroups and sysctls: read with their
// lines, interpolated values unknown, absent settings left undefined.
import { describe, expect, it } from "vitest";
import { composeAdapter } from "../../src/adapters/compose.js";
import type { ComposeService } from "../../src/models/compose.js";

function only(lines: string): ComposeService {
  const body = lines.split("\n").map((l) => `    ${l}`).join("\n");
  const s = composeAdapter.parse(`services:\n  app:\n    image: app:1\n${body}\n`, "docker-compose.yml").models[0] as ComposeService | undefined;
  if (!s) throw new Error("no service");
  return s;
}

const brief = (v: { value?: unknown; known: boolean; range: { startLine: number } } | undefined) =>
  v === undefined ? undefined : v.known ? [v.value, v.range.startLine] : ["?", v.range.startLine];

describe("compose limits", () => {
  it.each([
    ["pids_limit: 100", [100, 4]],
    ["pids_limit: -1", [-1, 4]],
    ['pids_limit: "${PIDS}"', ["?", 4]],
    ["deploy:\n  resources:\n    limits:\n      pids: 50", [50, 7]],
    ["read_only: true", undefined],
  ])("pids: %s", (lines, want) => {
    expect(brief(only(lines).pidsLimit)).toEqual(want);
  });

  it.each([
    ['cpus: "0.5"', 4],
    ["cpu_shares: 512", 4],
    ["cpu_quota: 50000", 4],
    ['deploy:\n  resources:\n    limits:\n      cpus: "1"', 7],
    ["mem_limit: 1g", undefined],
  ])("cpu: %s", (lines, line) => {
    expect(only(lines).cpuLimit?.range.startLine).toBe(line);
  });

  it("reads restart and deploy.restart_policy", () => {
    const s = only('restart: "on-failure:5"\ndeploy:\n  restart_policy:\n    condition: any\n    max_attempts: 3');
    expect(brief(s.restart)).toEqual(["on-failure:5", 4]);
    expect(brief(s.restartPolicy?.condition)).toEqual(["any", 7]);
    expect(brief(s.restartPolicy?.maxAttempts)).toEqual([3, 8]);
    expect(only("read_only: true").restartPolicy).toBeUndefined();
  });

  it("reads cgroup placement", () => {
    const s = only("cgroup_parent: /system.slice\ncgroup: host");
    expect(brief(s.cgroupParent)).toEqual(["/system.slice", 4]);
    expect(brief(s.cgroup)).toEqual(["host", 5]);
  });

  it.each([
    ["sysctls:\n  net.ipv4.ip_forward: 1\n  net.core.somaxconn: ${N}", [["net.ipv4.ip_forward", ["1", 5]], ["net.core.somaxconn", ["?", 6]]]],
    ["sysctls:\n  - net.ipv4.ip_forward=1\n  - net.core.somaxconn=${N}\n  - ${NAME}=1\n  - kernel.msgmax", [["net.ipv4.ip_forward", ["1", 5]], ["net.core.somaxconn", ["?", 6]], ["kernel.msgmax", undefined]]],
    ["read_only: true", []],
  ])("sysctls: %s", (lines, want) => {
    expect(only(lines).sysctls.map((x) => [x.name, brief(x.value)])).toEqual(want);
  });
});
