// What the ARM adapter hands to mappers: every resource of the template (nested child resources
// included, their type and name composed with the parent's), its values evaluated as far as they
// are certain. resourceId() values stay unknown with `ref` set to the resource path they name
// (`Microsoft.Sql/servers/srv`), the same path a resource's `path` has, so mappers can join them.
import type { ResourceModel, SourceRange } from "../../checks/types.js";
import type { IacNode } from "../../models/value.js";

export interface ArmResource {
  /** Full type as written, child types composed: `Microsoft.Sql/servers/firewallRules`. */
  type: string;
  /** Full name when known (`srv/AllowAll`). */
  name?: string;
  /**
   * The resource path (`Microsoft.Sql/servers/srv/firewallRules/AllowAll`); a parameter without
   * a value stays in it as `[parameters('x')]`, so two uses of it still compare equal. Undefined
   * when the name cannot be worked out.
   */
  path?: string;
  /** What findings name the resource by: the path, or the type and the name as written. */
  address: string;
  apiVersion?: string;
  /** The resource's object in the template. */
  range: SourceRange;
  /** The resource's top-level entries (`properties`, `kind`, `sku`, `identity`, ...), evaluated; without `resources`. */
  entries: Map<string, IacNode>;
  /** The resource this one is nested in, for a child declared inside its parent. */
  parent?: ArmResource;
  /** What the template that declares the resource deploys to, from its `$schema`. */
  deploymentScope?: "resourceGroup" | "subscription" | "managementGroup" | "tenant";
}

/** Children of one resource, and where a child that could not be tied to any parent is. */
export interface ArmChildren {
  children: ArmResource[];
  unplaced?: SourceRange;
}

export interface ArmIndex {
  readonly resources: readonly ArmResource[];
  /** Resources of one full type (case-insensitive), in template order. */
  ofType(type: string): readonly ArmResource[];
  /** Child resources of `parent` of the child type (`firewallRules`), nested or declared apart. */
  children(parent: ArmResource, childType: string): ArmChildren;
  /** The resource a child belongs to, when it is nested in it or its path extends the parent's. */
  parentOf(child: ArmResource): ArmResource | undefined;
}

/** Turns the resources it knows into models. Pure: same index, same models. */
export type ArmMapper = (index: ArmIndex) => ResourceModel[];
