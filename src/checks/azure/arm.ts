// Check examples in ARM: a deployment template around the resources an example is about.

const indent = (text: string, by: string): string =>
  text
    .split("\n")
    .map((l) => (l === "" ? l : by + l))
    .join("\n");

/**
 * A deployment template holding `resources` (JSON objects written at column 0), with optional
 * `parameters` and `variables` sections (their JSON object bodies).
 */
export function armTemplate(resources: readonly string[], sections: { parameters?: string; variables?: string } = {}): string {
  const head = ['  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",', '  "contentVersion": "1.0.0.0",'];
  if (sections.parameters) head.push(`  "parameters": ${indent(sections.parameters, "  ").trimStart()},`);
  if (sections.variables) head.push(`  "variables": ${indent(sections.variables, "  ").trimStart()},`);
  return `{\n${head.join("\n")}\n  "resources": [\n${resources.map((r) => indent(r, "    ")).join(",\n")}\n  ]\n}`;
}
