// azurerm onto the compute models: App Service web and function apps (legacy and current
// resources), AKS clusters (provider 2.x and 3.x+ spellings), container registries, virtual
// machines and scale sets, and activity log profiles.
import type { AksCluster, ContainerRegistry, LogProfile, VirtualMachine, WebApp } from "../../models/azure.js";
import type { Val } from "../../models/value.js";
import { attrOf, blockPresent, boolAttr, isBlock, nested, nestedAttr, orDefault } from "./azure-util.js";
import type { TfIndex, TfResource } from "./types.js";
import { base, boolOf, numberOf, stringOf, stringsOf, unknownVal } from "./util.js";

const APPS: readonly [string, WebApp["kind"]][] = [
  ["azurerm_app_service", "web"],
  ["azurerm_linux_web_app", "web"],
  ["azurerm_windows_web_app", "web"],
  ["azurerm_function_app", "function"],
  ["azurerm_linux_function_app", "function"],
  ["azurerm_windows_function_app", "function"],
];

function identity(r: TfResource): Val<boolean> {
  const present = blockPresent(r.block, "identity");
  if (!present.known || !present.value) return present;
  const type = stringOf(nestedAttr(r.block, ["identity"], "type"));
  if (!type) return present;
  return type.known ? { ...type, value: /assigned/i.test(type.value ?? "") } : unknownVal(type.range);
}

function app(r: TfResource, kind: WebApp["kind"]): WebApp {
  const b = r.block;
  const at = b.range;
  const site = (...names: string[]) => nestedAttr(b, ["site_config"], ...names);
  const m: WebApp = {
    ...base(r, "azure.appservice.App"),
    kind,
    httpsOnly: orDefault(boolAttr(b, "https_only"), false, at),
    http2: orDefault(boolOf(site("http2_enabled")), false, at),
    clientCertEnabled: orDefault(boolAttr(b, "client_certificate_enabled", "client_cert_enabled"), false, at),
    remoteDebugging: orDefault(boolOf(site("remote_debugging_enabled")), false, at),
    managedIdentity: identity(r),
  };
  const tls = stringOf(site("minimum_tls_version", "min_tls_version"));
  if (tls) m.minTlsVersion = tls;
  const ftps = stringOf(site("ftps_state"));
  if (ftps) m.ftpsState = ftps;
  return m;
}

function anyBlock(r: TfResource, paths: readonly (readonly string[])[]): Val<boolean> {
  for (const path of paths) {
    let cur: TfResource["block"] | undefined = r.block;
    for (const type of path) {
      const next = nested(cur, type);
      if (next && !isBlock(next)) return unknownVal(next.unknown);
      cur = next;
      if (!cur) break;
    }
    if (cur) {
      const enabled = boolOf(cur.attrs.get("enabled"));
      return enabled ?? { value: true, known: true, range: cur.range };
    }
  }
  return { value: false, known: true, range: r.block.range };
}

function cluster(r: TfResource): AksCluster {
  const b = r.block;
  const at = b.range;
  const ranges = attrOf(b, "api_server_authorized_ip_ranges") ?? nestedAttr(b, ["api_server_access_profile"], "authorized_ip_ranges");
  return {
    ...base(r, "azure.aks.Cluster"),
    rbacEnabled: orDefault(boolAttr(b, "role_based_access_control_enabled") ?? boolOf(nestedAttr(b, ["role_based_access_control"], "enabled")), true, at),
    entraIntegration: anyBlock(r, [["azure_active_directory_role_based_access_control"], ["role_based_access_control", "azure_active_directory"]]),
    networkPolicy: orDefault(stringOf(nestedAttr(b, ["network_profile"], "network_policy")), "none", at),
    privateCluster: orDefault(boolAttr(b, "private_cluster_enabled"), false, at),
    authorizedIpRanges: stringsOf(ranges),
    localAccountsDisabled: orDefault(boolAttr(b, "local_account_disabled"), false, at),
    monitoring: anyBlock(r, [["oms_agent"], ["addon_profile", "oms_agent"]]),
  };
}

function registry(r: TfResource): ContainerRegistry {
  const b = r.block;
  const at = b.range;
  return {
    ...base(r, "azure.containerregistry.Registry"),
    adminUserEnabled: orDefault(boolAttr(b, "admin_enabled"), false, at),
    anonymousPull: orDefault(boolAttr(b, "anonymous_pull_enabled"), false, at),
    publicNetworkAccess: orDefault(boolAttr(b, "public_network_access_enabled"), true, at),
  };
}

const VMS: readonly [string, VirtualMachine["os"], boolean][] = [
  ["azurerm_linux_virtual_machine", "linux", false],
  ["azurerm_windows_virtual_machine", "windows", false],
  ["azurerm_linux_virtual_machine_scale_set", "linux", true],
  ["azurerm_windows_virtual_machine_scale_set", "windows", true],
  ["azurerm_virtual_machine", undefined, false],
];

function vm(r: TfResource, os: VirtualMachine["os"], scaleSet: boolean): VirtualMachine {
  const b = r.block;
  const m: VirtualMachine = { ...base(r, "azure.compute.VirtualMachine"), scaleSet };
  if (r.type === "azurerm_virtual_machine") {
    // The legacy resource: the OS is the profile block it has; encryption at host is not offered.
    const linux = nested(b, "os_profile_linux_config");
    if (linux) m.os = "linux";
    else if (nested(b, "os_profile_windows_config")) m.os = "windows";
    const disable = boolOf(nestedAttr(b, ["os_profile_linux_config"], "disable_password_authentication"));
    if (disable) m.passwordAuthentication = disable.known ? { ...disable, value: !disable.value } : disable;
    return m;
  }
  if (os) m.os = os;
  m.encryptionAtHost = orDefault(boolAttr(b, "encryption_at_host_enabled"), false, b.range);
  if (os === "linux") {
    const disable = boolAttr(b, "disable_password_authentication");
    m.passwordAuthentication = disable ? (disable.known ? { ...disable, value: !disable.value } : disable) : { value: false, known: true, range: b.range };
  }
  return m;
}

function logProfile(r: TfResource): LogProfile {
  const m: LogProfile = { ...base(r, "azure.monitor.LogProfile"), categories: stringsOf(r.block.attrs.get("categories")) };
  const enabled = boolOf(nestedAttr(r.block, ["retention_policy"], "enabled"));
  const days = numberOf(nestedAttr(r.block, ["retention_policy"], "days"));
  if (enabled) m.retentionEnabled = enabled;
  if (days) m.retentionDays = days;
  return m;
}

export const tfComputeMappers = [
  (index: TfIndex) => APPS.flatMap(([type, kind]) => index.ofType(type).map((r) => app(r, kind))),
  (index: TfIndex) => index.ofType("azurerm_kubernetes_cluster").map(cluster),
  (index: TfIndex) => index.ofType("azurerm_container_registry").map(registry),
  (index: TfIndex) => VMS.flatMap(([type, os, scaleSet]) => index.ofType(type).map((r) => vm(r, os, scaleSet))),
  (index: TfIndex) => index.ofType("azurerm_monitor_log_profile").map(logProfile),
];
