// Which host paths a bind mount exposes: the container runtime's sockets, and the host's system
// directories.
import type { ComposeService, ComposeVolume } from "../../models/compose.js";
import type { Val } from "../../models/value.js";

export const RUNTIME_SOCKET = /\/(?:docker|containerd|crio|podman|cri-dockerd|dockershim)\.sock$/;

const SYSTEM_DIRS = [
  "/boot", "/dev", "/etc", "/lib", "/lib64", "/proc", "/sys", "/usr", "/root", "/run", "/var/run",
  "/var/lib/docker", "/var/lib/containerd", "/var/lib/kubelet",
];
// Read-only files of /etc that containers commonly take from the host to share its clock settings.
const HARMLESS = new Set(["/etc/localtime", "/etc/timezone"]);

/** A host path without `.`/`..` segments and trailing slashes; undefined for relative and home paths. */
export function hostPath(source: string): string | undefined {
  if (!source.startsWith("/")) return undefined;
  const out: string[] = [];
  for (const seg of source.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return `/${out.join("/")}`;
}

/** The bind mounts of the service whose host path is known, with that path normalized. */
export function bindMounts(s: ComposeService): { volume: ComposeVolume; source: Val<string> & { value: string }; path: string }[] {
  return s.volumes.flatMap((volume) => {
    const src = volume.source;
    if (volume.type !== "bind" || !src?.known || src.value === undefined) return [];
    const path = hostPath(src.value);
    return path === undefined ? [] : [{ volume, source: { ...src, value: src.value }, path }];
  });
}

/** `whole` for `/` or a system directory itself, `inside` for a path under one, undefined otherwise. */
export function systemPath(path: string): "whole" | "inside" | undefined {
  if (path === "/") return "whole";
  if (HARMLESS.has(path) || RUNTIME_SOCKET.test(path)) return undefined;
  for (const dir of SYSTEM_DIRS) {
    if (path === dir) return "whole";
    if (path.startsWith(`${dir}/`)) return "inside";
  }
  return undefined;
}
