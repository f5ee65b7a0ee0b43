// Platforms of multi-platform images ("linux/arm64/v8"), named the way users and OCI indexes do,
// with the common aliases folded (x86_64 is amd64, aarch64 is arm64).
import { InputError } from "../../core/errors.js";

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

const ARCH_ALIASES: Readonly<Record<string, { architecture: string; variant?: string }>> = {
  x86_64: { architecture: "amd64" },
  "x86-64": { architecture: "amd64" },
  aarch64: { architecture: "arm64" },
  armhf: { architecture: "arm", variant: "v7" },
  armel: { architecture: "arm", variant: "v6" },
  i386: { architecture: "386" },
  i686: { architecture: "386" },
};

/** Variants a platform has when none is written. */
const DEFAULT_VARIANTS: Readonly<Record<string, string>> = { arm64: "v8", arm: "v7" };

export function normalizePlatform(p: Platform): Required<Platform> {
  const alias = ARCH_ALIASES[p.architecture.toLowerCase()];
  const architecture = alias?.architecture ?? p.architecture.toLowerCase();
  const variant = p.variant || alias?.variant || DEFAULT_VARIANTS[architecture] || "";
  return { os: p.os.toLowerCase(), architecture, variant };
}

export function parsePlatform(text: string): Platform {
  const parts = text.split("/");
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !/^[A-Za-z0-9_.-]+$/.test(p))) {
    throw new InputError(`--platform ${JSON.stringify(text)}: expected os/arch[/variant], e.g. linux/amd64 or linux/arm64/v8`);
  }
  const [os = "", architecture = "", variant] = parts;
  return variant ? { os, architecture, variant } : { os, architecture };
}

export function formatPlatform(p: Platform): string {
  return [p.os, p.architecture, p.variant].filter(Boolean).join("/");
}

/** Does `have` satisfy `want`? A variant that is not asked for matches any. */
export function platformMatches(want: Platform, have: Platform): boolean {
  const w = normalizePlatform(want);
  const h = normalizePlatform(have);
  return w.os === h.os && w.architecture === h.architecture && (!want.variant || w.variant === h.variant);
}

const DEFAULT_PLATFORM: Platform = { os: "linux", architecture: "amd64" };

/**
 * Picks one of the images of a multi-platform index: the asked platform, else linux/amd64, else
 * the only one. `what` names the index in errors, which list the platforms there are.
 */
export function choosePlatform<T>(candidates: readonly { platform?: Platform; item: T }[], want: Platform | undefined, what: string): T {
  const listed = (): string => [...new Set(candidates.map((c) => (c.platform ? formatPlatform(c.platform) : "unknown")))].join(", ");
  if (want) {
    const found = candidates.find((c) => c.platform && platformMatches(want, c.platform));
    if (!found) throw new InputError(`${what}: no image for platform ${formatPlatform(want)}; it has ${listed()}`);
    return found.item;
  }
  if (candidates.length === 1 && candidates[0]) return candidates[0].item;
  const amd64 = candidates.find((c) => c.platform && platformMatches(DEFAULT_PLATFORM, c.platform));
  if (amd64) return amd64.item;
  throw new InputError(`${what}: several platforms (${listed()}); choose one with --platform`);
}
