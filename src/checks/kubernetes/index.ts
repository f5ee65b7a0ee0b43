// The Kubernetes checks, one module each, in id order.
import type { Check } from "../types.js";
import capabilitiesAdded from "./capabilities-added.js";
import capabilitiesDropAll from "./capabilities-drop-all.js";
import clusterAdminBinding from "./cluster-admin-binding.js";
import hostIpc from "./host-ipc.js";
import hostNetwork from "./host-network.js";
import hostPath from "./host-path.js";
import hostPid from "./host-pid.js";
import hostPort from "./host-port.js";
import imageTag from "./image-tag.js";
import privilegeEscalation from "./privilege-escalation.js";
import privileged from "./privileged.js";
import probes from "./probes.js";
import { clusterRoleWildcard, roleWildcard } from "./rbac-wildcard.js";
import readOnlyRoot from "./read-only-root.js";
import resourceLimits from "./resource-limits.js";
import runAsRoot from "./run-as-root.js";
import secretEnv from "./secret-env.js";
import serviceNodePort from "./service-nodeport.js";

export const kubernetesChecks: readonly Check[] = [
  privileged,
  privilegeEscalation,
  runAsRoot,
  hostNetwork,
  hostPid,
  hostIpc,
  hostPath,
  capabilitiesAdded,
  capabilitiesDropAll,
  imageTag,
  resourceLimits,
  probes,
  secretEnv,
  readOnlyRoot,
  hostPort,
  roleWildcard,
  clusterRoleWildcard,
  clusterAdminBinding,
  serviceNodePort,
];
