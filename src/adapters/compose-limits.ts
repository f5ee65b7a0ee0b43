// A Compose service's resource limits, restart policy, cgroup placement and sysctls: the
// settings that bound what one container can take from, or change on, the host.
import type { ComposeService } from "../models/compose.js";
import type { IacNode, Val } from "../models/value.js";
import { at, numberOf, stringOf, unknownVal } from "./values.js";

type Limits = Pick<ComposeService, "pidsLimit" | "cpuLimit" | "restart" | "restartPolicy" | "cgroupParent" | "cgroup" | "sysctls">;

/** `${VAR}`, `$VAR`; `$$` is a literal dollar sign. */
const interpolated = (s: string): boolean => /\$(?:\{|[A-Za-z_])/.test(s.replace(/\$\$/g, ""));

function sysctls(n: IacNode | undefined): Limits["sysctls"] {
  if (n?.t === "object") {
    return [...n.entries].map(([name, v]) => ({ name, value: stringOf(v) ?? unknownVal<string>(v.range), range: v.range }));
  }
  if (n?.t !== "list") return [];
  return n.items.flatMap((item) => {
    const text = item.t === "prim" && typeof item.value === "string" ? item.value : item.t === "unknown" ? item.ref : undefined;
    if (text === undefined) return [];
    const eq = text.indexOf("=");
    const name = (eq < 0 ? text : text.slice(0, eq)).trim();
    if (interpolated(name)) return [];
    const rest = eq < 0 ? undefined : text.slice(eq + 1).trim();
    const value: Val<string> | undefined = rest === undefined ? undefined : interpolated(rest) ? unknownVal(item.range) : { value: rest, known: true, range: item.range };
    return [{ name, range: item.range, ...(value ? { value } : {}) }];
  });
}

/** Fills in `svc`'s limits from the service's value tree. */
export function mapLimits(tree: IacNode, svc: Limits): void {
  const e = (key: string): IacNode | undefined => (tree.t === "object" ? tree.entries.get(key) : undefined);
  const pids = numberOf(e("pids_limit")) ?? numberOf(at(tree, "deploy.resources.limits.pids"));
  const pidsNode = e("pids_limit") ?? at(tree, "deploy.resources.limits.pids");
  if (pids) svc.pidsLimit = pids;
  else if (pidsNode) svc.pidsLimit = unknownVal(pidsNode.range);
  const cpu = ["cpus", "cpu_shares", "cpu_quota"].map(e).find((n) => n !== undefined) ?? at(tree, "deploy.resources.limits.cpus");
  if (cpu) svc.cpuLimit = { value: true, known: true, range: cpu.range };
  const restart = stringOf(e("restart"));
  if (restart) svc.restart = restart;
  const policy = at(tree, "deploy.restart_policy");
  if (policy) {
    svc.restartPolicy = { range: policy.range };
    const condition = stringOf(at(policy, "condition"));
    if (condition) svc.restartPolicy.condition = condition;
    const max = numberOf(at(policy, "max_attempts"));
    if (max) svc.restartPolicy.maxAttempts = max;
  }
  const parent = stringOf(e("cgroup_parent"));
  if (parent) svc.cgroupParent = parent;
  const cgroup = stringOf(e("cgroup"));
  if (cgroup) svc.cgroup = cgroup;
  svc.sysctls = sysctls(e("sysctls"));
}
