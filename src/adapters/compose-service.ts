// One Compose service, from the value tree onto `compose.Service`: the short syntaxes of volumes
// (`./data:/data:ro`), ports (`127.0.0.1:8080:80/tcp`) and environment lists (`NAME=value`) are
// split here, each part known only when no variable is interpolated into it.
import type { SourceRange } from "../checks/types.js";
import type { ComposeEnv, ComposePort, ComposeService, ComposeVolume } from "../models/compose.js";
import type { IacNode, Val } from "../models/value.js";
import { mapLimits } from "./compose-limits.js";
import { at, boolOf, itemsOf, stringOf, stringsOf, unknownVal } from "./values.js";

/** `${VAR}`, `${VAR:-default}`, `$VAR`; `$$` is a literal dollar sign. */
const INTERPOLATION = /\$(?:\{|[A-Za-z_])/;

export function isInterpolated(s: string): boolean {
  return INTERPOLATION.test(s.replace(/\$\$/g, ""));
}

/** A string as written: known, or interpolated (the unknown node keeps the text in `ref`). */
function raw(n: IacNode | undefined): { text: string; range: SourceRange } | undefined {
  if (n?.t === "prim" && (typeof n.value === "string" || typeof n.value === "number")) return { text: String(n.value), range: n.range };
  if (n?.t === "unknown" && n.ref !== undefined) return { text: n.ref, range: n.range };
  return undefined;
}

/** A part of a short syntax, known unless a variable is interpolated into it. */
function part(text: string, range: SourceRange): Val<string> {
  return isInterpolated(text) ? unknownVal(range) : { value: text.replace(/\$\$/g, "$"), known: true, range };
}

const PROPAGATION = /^r?(?:shared|slave|private)$/;

function shortVolume(text: string, range: SourceRange): ComposeVolume {
  // A Windows drive letter is not a separator: `C:\data:/data`.
  const drive = /^[A-Za-z]:[\\/]/.test(text) ? text.slice(0, 2) : "";
  const parts = text.slice(drive.length).split(":");
  parts[0] = drive + (parts[0] ?? "");
  if (parts.length === 1) return { range, type: "volume", target: part(parts[0] ?? "", range) };
  const [src = "", dst = "", mode] = parts;
  const modes = (mode ?? "").split(",");
  const propagation = modes.find((m) => PROPAGATION.test(m));
  const vol: ComposeVolume = { range, source: part(src, range), target: part(dst, range) };
  if (!isInterpolated(src)) vol.type = /^(?:[/.~]|[A-Za-z]:[\\/])/.test(src) ? "bind" : "volume";
  if (!isInterpolated(mode ?? "")) vol.readOnly = modes.includes("ro");
  if (propagation) vol.propagation = part(propagation, range);
  return vol;
}

function longVolume(n: IacNode & { t: "object" }): ComposeVolume {
  const type = stringOf(n.entries.get("type"));
  const source = stringOf(n.entries.get("source"));
  const target = stringOf(n.entries.get("target"));
  const readOnly = boolOf(n.entries.get("read_only"));
  const propagation = stringOf(at(n, "bind.propagation"));
  const vol: ComposeVolume = { range: n.range };
  if (type?.known) vol.type = type.value;
  if (source) vol.source = source;
  if (target) vol.target = target;
  if (!readOnly) vol.readOnly = false;
  else if (readOnly.known) vol.readOnly = readOnly.value === true;
  if (propagation) vol.propagation = propagation;
  return vol;
}

function volume(n: IacNode): ComposeVolume {
  if (n.t === "object") return longVolume(n);
  const s = raw(n);
  return s ? shortVolume(s.text, s.range) : { range: n.range };
}

const PORT = /^\d+(?:-\d+)?$/;

function shortPort(text: string, range: SourceRange): ComposePort {
  let rest = text.trim().replace(/\/(?:tcp|udp|sctp)$/i, "");
  let hostIp: string | undefined;
  if (rest.startsWith("[")) {
    const end = rest.indexOf("]");
    hostIp = rest.slice(1, end);
    rest = rest.slice(end + 1).replace(/^:/, "");
  }
  const parts = rest.split(":");
  if (hostIp === undefined && parts.length >= 3) hostIp = parts.splice(0, parts.length - 2).join(":");
  const target = parts[parts.length - 1] ?? "";
  const published = parts.length === 2 ? (parts[0] ?? "") : undefined;
  const known = !isInterpolated(text) && PORT.test(target) && (published === undefined || published === "" || PORT.test(published));
  const port: ComposePort = { range, text, known, target: part(target, range) };
  if (hostIp !== undefined) port.hostIp = part(hostIp, range);
  if (published !== undefined) port.published = part(published, range);
  return port;
}

function port(n: IacNode): ComposePort {
  if (n.t === "prim" && typeof n.value === "number") return { range: n.range, text: String(n.value), known: true, target: { value: String(n.value), known: true, range: n.range } };
  if (n.t === "object") {
    const target = stringOf(n.entries.get("target"));
    const published = stringOf(n.entries.get("published"));
    const hostIp = stringOf(n.entries.get("host_ip"));
    const known = [target, published, hostIp].every((v) => v === undefined || v.known) && target !== undefined;
    const text = [hostIp?.value, published?.value, target?.value].filter((v) => v !== undefined).join(":");
    return { range: n.range, text, known, ...(target ? { target } : {}), ...(published ? { published } : {}), ...(hostIp ? { hostIp } : {}) };
  }
  const s = raw(n);
  return s ? shortPort(s.text, s.range) : { range: n.range, text: "", known: false };
}

function environment(n: IacNode | undefined): ComposeEnv[] {
  if (n?.t === "object") {
    return [...n.entries].map(([name, v]): ComposeEnv => {
      if (v.t === "prim" && v.value === null) return { name, style: "map", range: v.range };
      const value = v.t === "prim" ? { value: String(v.value), known: true, range: v.range } : unknownVal<string>(v.range);
      return { name, style: "map", range: v.range, value };
    });
  }
  if (n?.t !== "list") return [];
  return n.items.flatMap((item): ComposeEnv[] => {
    const s = raw(item);
    if (!s) return [];
    const eq = s.text.indexOf("=");
    const name = eq < 0 ? s.text : s.text.slice(0, eq);
    if (isInterpolated(name)) return [];
    return [{ name, style: "list", range: s.range, ...(eq < 0 ? {} : { value: part(s.text.slice(eq + 1), s.range) }) }];
  });
}

function healthcheckDisabled(n: IacNode | undefined): Val<boolean> | undefined {
  if (n?.t !== "object") return undefined;
  const disable = boolOf(n.entries.get("disable"));
  if (disable?.known && disable.value === true) return disable;
  const test = n.entries.get("test");
  const first = test?.t === "list" ? test.items[0] : test;
  if (first?.t === "prim" && first.value === "NONE") return { value: true, known: true, range: first.range };
  return disable;
}

function devices(n: IacNode | undefined): Val<string>[] {
  return itemsOf(n).map((d) => {
    if (d.t === "object") return stringOf(d.entries.get("source")) ?? unknownVal<string>(d.range);
    return stringOf(d) ?? unknownVal<string>(d.range);
  });
}

/** The model of one service; undefined when its value is not a mapping. */
export function mapService(name: string, tree: IacNode, range: SourceRange, keyRange: SourceRange): ComposeService | undefined {
  if (tree.t !== "object") return undefined;
  const e = (key: string): IacNode | undefined => tree.entries.get(key);
  const svc: ComposeService = {
    modelType: "compose.Service",
    address: `services.${name}`,
    name,
    range,
    keyRange,
    extends: e("extends") !== undefined,
    build: e("build") !== undefined,
    capAdd: stringsOf(e("cap_add")),
    capDrop: stringsOf(e("cap_drop")),
    securityOpt: stringsOf(e("security_opt")),
    devices: devices(e("devices")),
    volumes: itemsOf(e("volumes")).map(volume),
    ports: itemsOf(e("ports")).map(port),
    environment: environment(e("environment")),
    sysctls: [],
  };
  mapLimits(tree, svc);
  const strings = { image: "image", user: "user", networkMode: "network_mode", pid: "pid", ipc: "ipc", uts: "uts", usernsMode: "userns_mode" } as const;
  for (const [field, key] of Object.entries(strings) as [keyof typeof strings, string][]) {
    const v = stringOf(e(key));
    if (v) svc[field] = v;
  }
  const privileged = boolOf(e("privileged"));
  if (privileged) svc.privileged = privileged;
  const readOnly = boolOf(e("read_only"));
  if (readOnly) svc.readOnly = readOnly;
  const health = healthcheckDisabled(e("healthcheck"));
  if (health) svc.healthcheckDisabled = health;
  const memory = stringOf(e("mem_limit")) ?? stringOf(at(tree, "deploy.resources.limits.memory"));
  if (memory) svc.memoryLimit = memory;
  return svc;
}
