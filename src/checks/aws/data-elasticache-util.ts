import type { ElastiCacheGroup } from "../../models/aws-data.js";
import type { Val } from "../../models/value.js";
import type { SourceRange } from "../types.js";
import { is } from "./data-util.js";

/**
 * Where to report an encryption setting of a replication group: written false, or not written on
 * Redis (the default engine), where it defaults to off. Valkey groups and groups whose engine
 * could not be read are only reported when the setting is written false.
 */
export function encryptionOffAt(g: ElastiCacheGroup, v: Val<boolean> | undefined): SourceRange | undefined {
  if (v !== undefined) return is(v, false) ? v.range : undefined;
  const redis = g.engine === undefined || is(g.engine, "redis");
  return redis ? g.range : undefined;
}
