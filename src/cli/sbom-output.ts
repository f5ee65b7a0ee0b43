import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { describeFsError, InputError } from "../core/errors.js";
import { cyclonedxJson, spdxJson, type Inventory } from "../report/sbom/index.js";

export async function writeSbom(inv: Inventory, format: "cyclonedx-json" | "spdx-json", output: string | undefined, cwd: string): Promise<void> {
  const text = format === "cyclonedx-json" ? cyclonedxJson(inv) : spdxJson(inv);
  if (output === undefined) {
    process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
    return;
  }
  try {
    await writeFile(resolve(cwd, output), text.endsWith("\n") ? text : `${text}\n`);
  } catch (e) {
    throw new InputError(describeFsError(output, e));
  }
}
