// Shared by the Compose checks: example files, and reading the values services carry.
import type { ComposeService } from "../../models/compose.js";
import type { Val } from "../../models/value.js";

/** A Compose file with one service `name`, its image and the given lines (unindented, YAML). */
export function composeFile(name: string, lines: string, image = `registry.example.com/${name}:1.4.2`): string {
  const body = lines
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => `    ${l}`)
    .join("\n");
  return `services:\n  ${name}:\n    image: ${image}${body ? `\n${body}` : ""}`;
}

export function isKnown<T>(v: Val<T> | undefined): v is Val<T> & { value: T } {
  return v !== undefined && v.known && v.value !== undefined;
}

export function knownTrue(v: Val<boolean> | undefined): v is Val<boolean> & { value: true } {
  return isKnown(v) && v.value === true;
}

/** `service web`: how messages name a service. */
export function serviceLabel(s: ComposeService): string {
  return `service ${s.name}`;
}

/** A `security_opt` entry split into option and value: `seccomp:unconfined`, `label=disable`, `no-new-privileges`. */
export function securityOption(entry: string): { option: string; value: string } {
  const i = entry.search(/[:=]/);
  return i < 0 ? { option: entry.trim().toLowerCase(), value: "" } : { option: entry.slice(0, i).trim().toLowerCase(), value: entry.slice(i + 1).trim() };
}

/** A host namespace mode (`network_mode`, `pid`, `ipc`, `uts`, `userns_mode`) that is the host's own. */
export function isHostMode(v: Val<string> | undefined): v is Val<string> & { value: string } {
  return isKnown(v) && v.value.trim().toLowerCase() === "host";
}
