// The Compose checks, one module each, in id order.
import type { Check } from "../types.js";
import apparmorUnconfined from "./apparmor-unconfined.js";
import capabilities from "./capabilities.js";
import devices from "./devices.js";
import dockerSocket from "./docker-socket.js";
import healthcheckDisabled from "./healthcheck-disabled.js";
import imageTag from "./image-tag.js";
import ipcHost from "./ipc-host.js";
import memoryLimit from "./memory-limit.js";
import mountPropagation from "./mount-propagation.js";
import networkHost from "./network-host.js";
import noNewPrivileges from "./no-new-privileges.js";
import pidHost from "./pid-host.js";
import portsAllInterfaces from "./ports-all-interfaces.js";
import privileged from "./privileged.js";
import readOnly from "./read-only.js";
import rootUser from "./root-user.js";
import seccompUnconfined from "./seccomp-unconfined.js";
import secretEnv from "./secret-env.js";
import selinuxDisabled from "./selinux-disabled.js";
import sensitiveMount from "./sensitive-mount.js";
import userns from "./userns-host.js";
import utsHost from "./uts-host.js";
import cgroup from "./cgroup.js";
import cpuLimit from "./cpu-limit.js";
import pidsLimit from "./pids-limit.js";
import restartPolicy from "./restart-policy.js";
import sysctlsNetwork from "./sysctls-network.js";

export const composeChecks: readonly Check[] = [
  privileged,
  dockerSocket,
  sensitiveMount,
  networkHost,
  pidHost,
  ipcHost,
  userns,
  utsHost,
  capabilities,
  seccompUnconfined,
  apparmorUnconfined,
  selinuxDisabled,
  noNewPrivileges,
  portsAllInterfaces,
  secretEnv,
  readOnly,
  healthcheckDisabled,
  imageTag,
  memoryLimit,
  rootUser,
  devices,
  mountPropagation,
  pidsLimit,
  cpuLimit,
  restartPolicy,
  cgroup,
  sysctlsNetwork,
];
