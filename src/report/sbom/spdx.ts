// SPDX 2.3 JSON (https://spdx.github.io/spdx-spec/v2.3/). Written by hand: no maintained JavaScript
// library writes SPDX 2.3 documents (the npm SPDX packages parse license expressions or target
// SPDX 3), and the subset an SBOM needs is a few plain objects.
import { createHash, randomUUID } from "node:crypto";
import { normalizeLicense } from "../../packages/license/index.js";
import type { Package } from "../../packages/types.js";
import { assignIds, dependencyEdges } from "./refs.js";
import type { Inventory, SbomOptions } from "./types.js";

const DOCUMENT_ID = "SPDXRef-DOCUMENT";
const SUBJECT_ID = "SPDXRef-Subject";
const OS_ID = "SPDXRef-OperatingSystem";
const NOASSERTION = "NOASSERTION";

const PURPOSES: Record<Inventory["subject"]["type"], string> = {
  container: "CONTAINER",
  application: "APPLICATION",
  file: "FILE",
};

interface SpdxPackage {
  SPDXID: string;
  name: string;
  versionInfo?: string;
  downloadLocation: string;
  filesAnalyzed: boolean;
  licenseConcluded?: string;
  licenseDeclared?: string;
  copyrightText?: string;
  sourceInfo?: string;
  primaryPackagePurpose?: string;
  externalRefs?: { referenceCategory: string; referenceType: string; referenceLocator: string }[];
}

interface Relationship {
  spdxElementId: string;
  relationshipType: "DESCRIBES" | "CONTAINS" | "DEPENDS_ON";
  relatedSpdxElement: string;
}

export function spdxJson(inv: Inventory, options: SbomOptions = {}): string {
  const uuid = options.uuid ?? randomUUID();
  const ids = assignIds(inv.packages, packageId);
  const refs = new Set<string>();
  const packages: SpdxPackage[] = [subjectPackage(inv)];
  const relationships: Relationship[] = [{ spdxElementId: DOCUMENT_ID, relationshipType: "DESCRIBES", relatedSpdxElement: SUBJECT_ID }];
  if (inv.os) {
    packages.push({
      SPDXID: OS_ID,
      name: inv.os.family,
      versionInfo: inv.os.version,
      downloadLocation: NOASSERTION,
      filesAnalyzed: false,
      primaryPackagePurpose: "OPERATING-SYSTEM",
    });
    relationships.push({ spdxElementId: SUBJECT_ID, relationshipType: "CONTAINS", relatedSpdxElement: OS_ID });
  }
  inv.packages.forEach((p, i) => {
    const id = ids[i] as string;
    packages.push(spdxPackage(p, id, refs));
    relationships.push({ spdxElementId: SUBJECT_ID, relationshipType: "CONTAINS", relatedSpdxElement: id });
  });
  for (const [from, to] of dependencyEdges(inv, ids)) {
    for (const target of to) relationships.push({ spdxElementId: from, relationshipType: "DEPENDS_ON", relatedSpdxElement: target });
  }
  const doc: Record<string, unknown> = {
    spdxVersion: "SPDX-2.3",
    dataLicense: "CC0-1.0",
    SPDXID: DOCUMENT_ID,
    name: inv.subject.name,
    documentNamespace: `https://spdx.org/spdxdocs/mamori/${encodeURIComponent(inv.subject.name)}-${uuid}`,
    creationInfo: {
      // SPDX wants UTC to the second, without fractions.
      created: (options.now ?? new Date()).toISOString().replace(/\.\d+Z$/, "Z"),
      creators: [`Tool: mamori-${inv.toolVersion}`],
    },
    packages,
    relationships,
  };
  // Every LicenseRef used must be defined in the document; Mamori has the name, not the text.
  if (refs.size > 0) {
    doc.hasExtractedLicensingInfos = [...refs].sort().map((id) => ({
      licenseId: id,
      name: id.slice("LicenseRef-".length),
      extractedText: `The package declares the license "${id.slice("LicenseRef-".length)}"; its text was not collected.`,
    }));
  }
  return JSON.stringify(doc, null, 2);
}

function subjectPackage(inv: Inventory): SpdxPackage {
  const p: SpdxPackage = {
    SPDXID: SUBJECT_ID,
    name: inv.subject.name,
    downloadLocation: NOASSERTION,
    filesAnalyzed: false,
    primaryPackagePurpose: PURPOSES[inv.subject.type],
  };
  if (inv.subject.version !== undefined) p.versionInfo = inv.subject.version;
  return p;
}

/** SPDXRef-Package-<name>-<hash>: readable, and the hash of the purl keeps names that sanitize alike apart. */
function packageId(p: Package): string {
  const name = p.name.replace(/[^A-Za-z0-9.-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 64);
  const hash = createHash("sha256").update(`${p.purl}\0${p.path ?? ""}`).digest("hex").slice(0, 12);
  return `SPDXRef-Package-${name || "unnamed"}-${hash}`;
}

function spdxPackage(p: Package, id: string, refs: Set<string>): SpdxPackage {
  const normalized = p.license === undefined ? undefined : normalizeLicense(p.license);
  // A license in another SPDX document (read from an SBOM) would need that document referenced here.
  const license = normalized?.includes("DocumentRef-") ? undefined : normalized;
  for (const ref of license?.match(/LicenseRef-[A-Za-z0-9.-]+/g) ?? []) refs.add(ref);
  const out: SpdxPackage = {
    SPDXID: id,
    name: p.name,
    versionInfo: p.version,
    downloadLocation: NOASSERTION,
    filesAnalyzed: false,
    // The declared license is what the package says; Mamori concludes nothing beyond it.
    licenseConcluded: NOASSERTION,
    licenseDeclared: license ?? NOASSERTION,
    copyrightText: NOASSERTION,
    externalRefs: [{ referenceCategory: "PACKAGE-MANAGER", referenceType: "purl", referenceLocator: p.purl }],
  };
  if (p.path !== undefined) out.sourceInfo = `found in ${p.path}${p.layer !== undefined ? ` (layer ${p.layer})` : ""}`;
  return out;
}
