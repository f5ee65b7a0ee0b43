// The Kubernetes checks, one module each, in id order.
import type { Check } from "../types.js";
import apparmorUnconfined from "./apparmor-unconfined.js";
import automountToken from "./automount-token.js";
import { clusterRoleBindingAnonymous, roleBindingAnonymous } from "./binding-anonymous.js";
import { clusterRoleBindingDefaultSa, roleBindingDefaultSa } from "./binding-default-sa.js";
import capabilitiesAdded from "./capabilities-added.js";
import capabilitiesBaseline from "./capabilities-baseline.js";
import capabilitiesDropAll from "./capabilities-drop-all.js";
import capabilitiesRestricted from "./capabilities-restricted.js";
import clusterAdminBinding from "./cluster-admin-binding.js";
import defaultNamespace from "./default-namespace.js";
import externalIps from "./external-ips.js";
import hostIpc from "./host-ipc.js";
import hostNetwork from "./host-network.js";
import hostPath from "./host-path.js";
import hostPid from "./host-pid.js";
import hostPort from "./host-port.js";
import hostProcess from "./host-process.js";
import imageDigest from "./image-digest.js";
import imageTag from "./image-tag.js";
import ingressTls from "./ingress-tls.js";
import lbSourceRanges from "./lb-source-ranges.js";
import namespaceNetworkPolicy from "./namespace-network-policy.js";
import namespacePss from "./namespace-pss.js";
import netpolAllowAll from "./netpol-allow-all.js";
import privilegeEscalation from "./privilege-escalation.js";
import privileged from "./privileged.js";
import probesIdentical from "./probes-identical.js";
import probes from "./probes.js";
import procMount from "./proc-mount.js";
import pullPolicyLatest from "./pull-policy-latest.js";
import { clusterRoleEscalate, roleEscalate } from "./rbac-escalate.js";
import rbacNodeProxy from "./rbac-node-proxy.js";
import { clusterRolePodCreate, rolePodCreate } from "./rbac-pod-create.js";
import { clusterRoleSecrets, roleSecrets } from "./rbac-secrets.js";
import { clusterRoleWildcard, roleWildcard } from "./rbac-wildcard.js";
import readOnlyRoot from "./read-only-root.js";
import resourceLimits from "./resource-limits.js";
import resourceRequests from "./resource-requests.js";
import rootGroup from "./root-group.js";
import runAsRoot from "./run-as-root.js";
import saDefaultAutomount from "./sa-default-automount.js";
import seccompRequired from "./seccomp-required.js";
import seccompUnconfined from "./seccomp-unconfined.js";
import secretEnv from "./secret-env.js";
import secretEnvRef from "./secret-env-ref.js";
import selinuxOptions from "./selinux-options.js";
import serviceNodePort from "./service-nodeport.js";
import shareProcessNamespace from "./share-process-namespace.js";
import unsafeSysctls from "./unsafe-sysctls.js";
import volumeTypes from "./volume-types.js";

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
  hostProcess,
  capabilitiesBaseline,
  apparmorUnconfined,
  selinuxOptions,
  procMount,
  seccompUnconfined,
  unsafeSysctls,
  volumeTypes,
  seccompRequired,
  capabilitiesRestricted,
  rootGroup,
  roleSecrets,
  clusterRoleSecrets,
  rolePodCreate,
  clusterRolePodCreate,
  roleEscalate,
  clusterRoleEscalate,
  roleBindingAnonymous,
  clusterRoleBindingAnonymous,
  roleBindingDefaultSa,
  clusterRoleBindingDefaultSa,
  automountToken,
  saDefaultAutomount,
  defaultNamespace,
  netpolAllowAll,
  lbSourceRanges,
  externalIps,
  ingressTls,
  imageDigest,
  pullPolicyLatest,
  resourceRequests,
  probesIdentical,
  shareProcessNamespace,
  namespacePss,
  rbacNodeProxy,
  secretEnvRef,
  namespaceNetworkPolicy,
];
