// Load balancer facts shared by the ELB checks.
import type { Listener, LoadBalancer } from "../../models/aws-compute.js";
import { isKnown } from "./util.js";

/** Application load balancers, which is what a load balancer is when its type is not written. */
export function isApplication(lb: LoadBalancer | Listener): boolean {
  return lb.lbType === undefined || isKnown(lb.lbType, "application");
}

export function isGateway(lb: LoadBalancer): boolean {
  return isKnown(lb.lbType, "gateway");
}

/** A setting that is off: written as false, or not written (every one of them defaults to off). */
export function isOff(v: { known: boolean; value?: boolean | undefined } | undefined): boolean {
  return v === undefined || (v.known && v.value === false);
}

// ELB policies that accept nothing older than TLS 1.2; every other predefined policy also accepts TLS 1.0 or 1.1.
const TLS12_OR_LATER = /^ELBSecurityPolicy-(?:TLS-1-2-|FS-1-2-|TLS13-1-2-|TLS13-1-3-)/;

export function isOutdatedPolicy(policy: string): boolean {
  return policy.startsWith("ELBSecurityPolicy-") && !TLS12_OR_LATER.test(policy);
}
