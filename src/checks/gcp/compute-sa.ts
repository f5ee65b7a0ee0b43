// Which service account a VM runs as, as far as the source tells.
import type { ComputeInstance } from "../../models/gcp.js";
import type { Val } from "../../models/value.js";
import { isDefaultServiceAccount, isKnown } from "./util.js";

const DEFAULT_SA_DATA = "data.google_compute_default_service_account.";

/** Where the VM is set to run as the Compute Engine default service account, if it certainly is. */
export function defaultAccount(vm: ComputeInstance): { range: Val<unknown>["range"] } | undefined {
  const sa = vm.serviceAccount;
  if (!sa) return undefined;
  if (!sa.email) return { range: sa.range };
  if (isKnown(sa.email) && isDefaultServiceAccount(sa.email.value)) return sa.email;
  if (sa.emailRef?.startsWith(DEFAULT_SA_DATA)) return sa.email;
  return undefined;
}

const FULL_SCOPES = ["cloud-platform", "https://www.googleapis.com/auth/cloud-platform"];

/** The scope entry that grants access to every Cloud API, if any. */
export function fullAccessScope(vm: ComputeInstance): Val<string> | undefined {
  return vm.serviceAccount?.scopes.find((s) => isKnown(s) && FULL_SCOPES.includes(s.value.trim()));
}
