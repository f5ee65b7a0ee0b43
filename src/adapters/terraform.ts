// Terraform adapter: the resources of a file, evaluated as far as they are certain, handed to the
// mappers (src/adapters/tf) that build typed models. Settings that Terraform lets users write as
// separate resources are joined to their resource by reference within the same file.
import type { ResourceModel } from "../checks/types.js";
import { parseHcl } from "./terraform-hcl.js";
import { mapTerraform } from "./tf/index.js";
import type { TfResource } from "./tf/types.js";
import type { Adapter, ParsedFile } from "./types.js";

function wants(path: string): boolean {
  return /\.tf$/i.test(path);
}

function parse(text: string, path: string): ParsedFile {
  const blocks = parseHcl(text, path);
  const resources: TfResource[] = blocks
    .filter((b) => b.type === "resource" && b.labels.length === 2)
    .map((b) => {
      const type = b.labels[0] ?? "";
      const name = b.labels[1] ?? "";
      return { type, name, address: `${type}.${name}`, block: b };
    });
  const models: ResourceModel[] = mapTerraform(resources);
  models.sort((x, y) => x.range.startLine - y.range.startLine);
  return { models, blocks: blocks.map((b) => b.range), warnings: [] };
}

export const terraformAdapter: Adapter = { format: "terraform", wants, parse };
