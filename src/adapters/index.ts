// The IaC adapters, and how a file or an example format finds its adapter.
import type { ExampleFormat } from "../checks/types.js";
import { dockerfileAdapter } from "./dockerfile.js";
import type { Adapter } from "./types.js";

export const adapters: readonly Adapter[] = [dockerfileAdapter];

/** The adapter that wants this path (`/`-separated), by name alone. */
export function adapterFor(path: string): Adapter | undefined {
  return adapters.find((a) => a.wants(path));
}

export function adapterForFormat(format: ExampleFormat): Adapter | undefined {
  return adapters.find((a) => a.format === format);
}
