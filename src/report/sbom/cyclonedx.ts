// CycloneDX 1.6 JSON through the CycloneDX library, which knows the specification's shape and
// serializes to it (https://cyclonedx.org/docs/1.6/json/).
import { randomUUID } from "node:crypto";
import { Enums, Models, Serialize, SPDX, Spec } from "@cyclonedx/cyclonedx-library";
import { normalizeLicense } from "../../packages/license/index.js";
import type { Package } from "../../packages/types.js";
import { assignIds, dependencyEdges } from "./refs.js";
import type { Inventory, SbomOptions } from "./types.js";

const SUBJECT_TYPES: Record<Inventory["subject"]["type"], Enums.ComponentType> = {
  container: Enums.ComponentType.Container,
  application: Enums.ComponentType.Application,
  file: Enums.ComponentType.File,
};

const SUBJECT_REF = "mamori:subject";

export function cyclonedxJson(inv: Inventory, options: SbomOptions = {}): string {
  const bom = new Models.Bom();
  bom.serialNumber = `urn:uuid:${options.uuid ?? randomUUID()}`;
  const tool = new Models.Component(Enums.ComponentType.Application, "mamori", { version: inv.toolVersion });
  const subject = new Models.Component(SUBJECT_TYPES[inv.subject.type], inv.subject.name, {
    bomRef: SUBJECT_REF,
    ...(inv.subject.version !== undefined ? { version: inv.subject.version } : {}),
  });
  bom.metadata = new Models.Metadata({
    timestamp: options.now ?? new Date(),
    tools: new Models.Tools({ components: new Models.ComponentRepository([tool]) }),
    component: subject,
  });

  if (inv.os) {
    bom.components.add(
      new Models.Component(Enums.ComponentType.OperatingSystem, inv.os.family, { version: inv.os.version, bomRef: "mamori:os" }),
    );
  }
  const ids = assignIds(inv.packages, (p) => p.purl);
  const components = inv.packages.map((p, i) => component(p, ids[i] as string));
  for (const c of components) bom.components.add(c);

  // Dependencies point at the other components' BomRef objects, which the serializer writes as refs.
  const byId = new Map(components.map((c, i) => [ids[i] as string, c]));
  for (const [from, to] of dependencyEdges(inv, ids)) {
    const c = byId.get(from);
    for (const target of to) {
      const t = byId.get(target);
      if (c && t) c.dependencies.add(t.bomRef);
    }
  }

  const serializer = new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6));
  return serializer.serialize(bom, { sortLists: true, space: 2 });
}

function component(p: Package, ref: string): Models.Component {
  const c = new Models.Component(Enums.ComponentType.Library, p.name, { version: p.version, purl: p.purl, bomRef: ref });
  const license = p.license === undefined ? undefined : normalizeLicense(p.license);
  if (license !== undefined) {
    // A single listed id is written as a license id, anything else (expressions, LicenseRefs) as an expression.
    c.licenses.add(SPDX.isSupportedSpdxId(license) ? new Models.SpdxLicense(license) : new Models.LicenseExpression(license));
  }
  if (p.path !== undefined) c.properties.add(new Models.Property("mamori:path", p.path));
  if (p.layer !== undefined) c.properties.add(new Models.Property("mamori:layer", p.layer));
  return c;
}
