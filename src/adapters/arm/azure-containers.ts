// ARM onto AKS clusters and container registries.
import type { AksCluster, ContainerRegistry } from "../../models/azure.js";
import type { ArmIndex, ArmResource } from "./types.js";
import { base, boolOf, enabledOf, orDefault, prop, stringOf, stringsOf } from "./util.js";

function cluster(r: ArmResource): AksCluster {
  const at = r.range;
  const aad = prop(r, "properties.aadProfile");
  return {
    ...base(r, "azure.aks.Cluster"),
    rbacEnabled: orDefault(boolOf(prop(r, "properties.enableRBAC")), true, at),
    entraIntegration: aad?.t === "unknown" ? { value: undefined, known: false, range: aad.range } : { value: aad !== undefined, known: true, range: aad?.range ?? at },
    networkPolicy: orDefault(stringOf(prop(r, "properties.networkProfile.networkPolicy")), "none", at),
    privateCluster: orDefault(boolOf(prop(r, "properties.apiServerAccessProfile.enablePrivateCluster")), false, at),
    authorizedIpRanges: stringsOf(prop(r, "properties.apiServerAccessProfile.authorizedIPRanges")),
    localAccountsDisabled: orDefault(boolOf(prop(r, "properties.disableLocalAccounts")), false, at),
    monitoring: orDefault(boolOf(prop(r, "properties.addonProfiles.omsagent.enabled")), false, at),
  };
}

function registry(r: ArmResource): ContainerRegistry {
  const at = r.range;
  return {
    ...base(r, "azure.containerregistry.Registry"),
    adminUserEnabled: orDefault(boolOf(prop(r, "properties.adminUserEnabled")), false, at),
    anonymousPull: orDefault(boolOf(prop(r, "properties.anonymousPullEnabled")), false, at),
    publicNetworkAccess: orDefault(enabledOf(prop(r, "properties.publicNetworkAccess")), true, at),
  };
}

export const armContainerMappers = [
  (index: ArmIndex) => index.ofType("Microsoft.ContainerService/managedClusters").map(cluster),
  (index: ArmIndex) => index.ofType("Microsoft.ContainerRegistry/registries").map(registry),
];
