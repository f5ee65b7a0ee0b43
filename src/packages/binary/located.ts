// A package found in a file, with the purl, path and layer every detector sets the same way.
import type { FileEntry } from "../../artifacts/types.js";
import { purlFor } from "../purl.js";
import type { Package } from "../types.js";

/** `inner` names a place inside the file, such as a nested archive: "app.war!/WEB-INF/lib/x.jar". */
export function packageIn(file: FileEntry, p: { name: string; version: string; ecosystem: string }, inner?: string): Package {
  const pkg: Package = { name: p.name, version: p.version, ecosystem: p.ecosystem, purl: purlFor(p), path: inner ?? file.path };
  if (file.layer !== undefined) pkg.layer = file.layer.digest;
  return pkg;
}
