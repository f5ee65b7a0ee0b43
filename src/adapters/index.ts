// The IaC adapters, and how a file or an example format finds its adapter.
import type { ExampleFormat } from "../checks/types.js";
import { armAdapter } from "./arm.js";
import { cloudFormationAdapter } from "./cloudformation.js";
import { composeAdapter } from "./compose.js";
import { dockerfileAdapter } from "./dockerfile.js";
import { parseImageConfigText } from "./image-config.js";
import { kubernetesAdapter } from "./kubernetes.js";
import { terraformAdapter } from "./terraform.js";
import { terraformPlanAdapter } from "./tfplan.js";
import type { Adapter } from "./types.js";

/** Image configs come from images, never from files found by a walk: it wants no path. */
const imageConfigAdapter: Adapter = { format: "image", wants: () => false, parse: parseImageConfigText };

// Order matters where wants() overlap: the Kubernetes adapter takes every .yaml/.yml file, so a
// more specific YAML adapter (compose, CloudFormation) must come before it.
// The plan adapter comes after the HCL one (the "terraform" example format is HCL) and before
// CloudFormation (both take .json, each by its content).
export const adapters: readonly Adapter[] = [
  dockerfileAdapter,
  imageConfigAdapter,
  terraformAdapter,
  terraformPlanAdapter,
  armAdapter,
  cloudFormationAdapter,
  composeAdapter,
  kubernetesAdapter,
];

/** The adapter that wants this path (`/`-separated), by name alone. */
export function adapterFor(path: string): Adapter | undefined {
  return adapters.find((a) => a.wants(path));
}

/**
 * The adapter for a file, by name and then by content: the first adapter that wants the path and
 * either has no sniff() or recognises the text. Undefined for a file no adapter reads (a `.json`
 * that is neither a template nor a plan).
 */
export function adapterForText(path: string, text: string): Adapter | undefined {
  return adapters.find((a) => a.wants(path) && (!a.sniff || a.sniff(text)));
}

export function adapterForFormat(format: ExampleFormat): Adapter | undefined {
  return adapters.find((a) => a.format === format);
}

/** The formats `--input-format` accepts: every adapter that reads files (image configs come from images). */
export const IAC_INPUT_FORMATS = ["dockerfile", "terraform", "cloudformation", "kubernetes", "compose", "arm"] as const satisfies readonly ExampleFormat[];
export type IacInputFormat = (typeof IAC_INPUT_FORMATS)[number];
