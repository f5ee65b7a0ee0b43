import type { Subnetwork } from "../../models/gcp.js";
import { isKnown, isOneOf } from "./util.js";

/** Proxy-only and Private Service Connect subnets carry no VM traffic: flow logs and Google access do not apply. */
const NO_VMS = ["REGIONAL_MANAGED_PROXY", "GLOBAL_MANAGED_PROXY", "INTERNAL_HTTPS_LOAD_BALANCER", "PRIVATE_SERVICE_CONNECT"];

/** True when the subnet certainly holds VMs (purpose absent, or known and not a proxy-only kind). */
export function holdsVms(s: Subnetwork): boolean {
  if (!s.purpose) return true;
  return isKnown(s.purpose) && !isOneOf(s.purpose, NO_VMS);
}
