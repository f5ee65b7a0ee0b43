// Small manifests the checks' examples are built from, so each example shows only what matters.

/** Indents every line of a block by `n` spaces. */
function indent(block: string, n: number): string {
  const pad = " ".repeat(n);
  return block
    .split("\n")
    .map((l) => (l === "" ? l : pad + l))
    .join("\n");
}

export interface PodParts {
  name?: string;
  /** Pod spec lines other than `containers` (`hostPID: true`, `securityContext:` ...), unindented. */
  spec?: string;
  /** Lines added to the (first) container, unindented. */
  container?: string;
  /** `metadata.annotations` lines, unindented (`key: value`). */
  annotations?: string;
  image?: string;
}

/** A Pod with one container. */
export function pod(parts: PodParts = {}): string {
  const name = parts.name ?? "api";
  const lines = ["apiVersion: v1", "kind: Pod", "metadata:", `  name: ${name}`, "  namespace: shop"];
  if (parts.annotations) lines.push("  annotations:", indent(parts.annotations, 4));
  lines.push("spec:");
  if (parts.spec) lines.push(indent(parts.spec, 2));
  lines.push("  containers:", `    - name: ${name}`, `      image: ${parts.image ?? `registry.example.com/${name}:1.8.2`}`);
  if (parts.container) lines.push(indent(parts.container, 6));
  return lines.join("\n");
}

/** A Deployment whose pod template has one container. */
export function deployment(parts: PodParts = {}): string {
  const name = parts.name ?? "web";
  const lines = [
    "apiVersion: apps/v1",
    "kind: Deployment",
    "metadata:",
    `  name: ${name}`,
    "  namespace: shop",
    "spec:",
    "  selector:",
    `    matchLabels: { app: ${name} }`,
    "  template:",
    "    metadata:",
    `      labels: { app: ${name} }`,
  ];
  if (parts.annotations) lines.push("      annotations:", indent(parts.annotations, 8));
  lines.push("    spec:");
  if (parts.spec) lines.push(indent(parts.spec, 6));
  lines.push("      containers:", `        - name: ${name}`, `          image: ${parts.image ?? `registry.example.com/${name}:2.3.0`}`);
  if (parts.container) lines.push(indent(parts.container, 10));
  return lines.join("\n");
}
