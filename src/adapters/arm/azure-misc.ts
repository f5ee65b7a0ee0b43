// ARM onto activity log profiles and Cosmos DB accounts.
import type { CosmosAccount, LogProfile } from "../../models/azure.js";
import type { Val } from "../../models/value.js";
import type { ArmIndex, ArmResource } from "./types.js";
import { base, boolOf, child, enabledOf, numberOf, orDefault, prop, stringOf, stringsOf } from "./util.js";

function logProfile(r: ArmResource): LogProfile {
  const m: LogProfile = { ...base(r, "azure.monitor.LogProfile"), categories: stringsOf(prop(r, "properties.categories")) };
  const enabled = boolOf(prop(r, "properties.retentionPolicy.enabled"));
  const days = numberOf(prop(r, "properties.retentionPolicy.days"));
  if (enabled) m.retentionEnabled = enabled;
  if (days) m.retentionDays = days;
  return m;
}

function ipRules(r: ArmResource): Val<string>[] {
  const rules = prop(r, "properties.ipRules");
  if (!rules) return [];
  if (rules.t !== "list") return [{ value: undefined, known: false, range: rules.range }];
  return rules.items.map((i) => (i.t === "object" ? stringOf(child(i, "ipAddressOrRange")) : stringOf(i)) ?? { value: undefined, known: false, range: i.range });
}

function cosmos(r: ArmResource): CosmosAccount {
  const at = r.range;
  return {
    ...base(r, "azure.cosmosdb.Account"),
    publicNetworkAccess: orDefault(enabledOf(prop(r, "properties.publicNetworkAccess")), true, at),
    ipRules: ipRules(r),
    virtualNetworkFilter: orDefault(boolOf(prop(r, "properties.isVirtualNetworkFilterEnabled")), false, at),
    localAuthDisabled: orDefault(boolOf(prop(r, "properties.disableLocalAuth")), false, at),
    keyMetadataWriteDisabled: orDefault(boolOf(prop(r, "properties.disableKeyBasedMetadataWriteAccess")), false, at),
  };
}

export const armMiscMappers = [
  (index: ArmIndex) => index.ofType("Microsoft.Insights/logprofiles").map(logProfile),
  (index: ArmIndex) => index.ofType("Microsoft.DocumentDB/databaseAccounts").map(cosmos),
];
