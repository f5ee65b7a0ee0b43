// Linux capability sets the capability checks share: what is dangerous (MAM-K8S-008), what the Pod
// Security Standards' baseline profile allows to add (MAM-K8S-021), and what the restricted one does
// (MAM-K8S-029). Each added capability is reported by exactly one of the three checks.

/** `cap_sys_admin` and `SYS_ADMIN` are the same capability. */
export function normalizeCapability(cap: string): string {
  return cap.trim().toUpperCase().replace(/^CAP_/, "");
}

/** Capabilities that amount to root on the node, or to control of its network. */
export const DANGEROUS_CAPABILITIES: ReadonlySet<string> = new Set([
  "ALL", "SYS_ADMIN", "NET_ADMIN", "SYS_MODULE", "SYS_PTRACE", "SYS_RAWIO", "DAC_READ_SEARCH", "BPF", "SYS_BOOT",
]);

/** The capabilities the baseline profile lets a container add (the container runtimes' default set). */
export const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE",
  "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
]);

/** The only capability the restricted profile lets a container add. */
export const RESTRICTED_CAPABILITY = "NET_BIND_SERVICE";
