// ARM onto virtual machines and scale sets: the operating system, password sign-in for Linux,
// and encryption at host.
import type { VirtualMachine } from "../../models/azure.js";
import type { Val } from "../../models/value.js";
import type { ArmIndex, ArmResource } from "./types.js";
import { base, boolOf, child, orDefault, prop, stringOf } from "./util.js";

function vm(r: ArmResource, scaleSet: boolean): VirtualMachine {
  const root = scaleSet ? "properties.virtualMachineProfile" : "properties";
  const os = prop(r, `${root}.osProfile`);
  const linux = child(os, "linuxConfiguration");
  const windows = child(os, "windowsConfiguration");
  const osType = stringOf(prop(r, `${root}.storageProfile.osDisk.osType`));
  const m: VirtualMachine = {
    ...base(r, "azure.compute.VirtualMachine"),
    scaleSet,
    encryptionAtHost: orDefault(boolOf(prop(r, `${root}.securityProfile.encryptionAtHost`)), false, r.range),
  };
  const kind = linux ? "linux" : windows ? "windows" : osType?.known ? osType.value?.toLowerCase() : undefined;
  if (kind === "linux" || kind === "windows") m.os = kind;
  if (m.os === "linux") {
    const disable = boolOf(child(linux, "disablePasswordAuthentication"));
    let password: Val<boolean> | undefined;
    if (disable) password = disable.known ? { ...disable, value: !disable.value } : { ...disable, value: undefined };
    else if (linux?.t === "unknown") password = { value: undefined, known: false, range: linux.range };
    else if (child(os, "adminPassword")) password = { value: true, known: true, range: (child(os, "adminPassword") as { range: VirtualMachine["range"] }).range };
    if (password) m.passwordAuthentication = password;
  }
  return m;
}

export const armComputeMappers = [
  (index: ArmIndex) => index.ofType("Microsoft.Compute/virtualMachines").map((r) => vm(r, false)),
  (index: ArmIndex) => index.ofType("Microsoft.Compute/virtualMachineScaleSets").map((r) => vm(r, true)),
];
