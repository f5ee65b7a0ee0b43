import type { VirtualMachine } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { ARM_SSH_ONLY, armLinuxVm, tfLinuxVm } from "./vm-examples.js";
import { isKnown } from "./util.js";

export default defineCheck<VirtualMachine>({
  id: "MAM-AZ-091",
  title: "Virtual machine does not encrypt at host",
  severity: "low",
  description:
    "`encryption_at_host_enabled` is false or left out (ARM: `securityProfile.encryptionAtHost`). Managed disks are " +
    "encrypted at rest in storage, but the VM's temporary disk and the disk caches on the host are not; with " +
    "encryption at host, data is encrypted before it leaves the VM's host.",
  appliesTo: "azure.compute.VirtualMachine",
  references: { checkov: "CKV_AZURE_151" },
  remediation: {
    text: "Enable encryption at host (the EncryptionAtHost feature must be registered on the subscription once).",
    fix: "encryption_at_host_enabled = true",
  },
  examples: {
    terraform: {
      bad: [tfLinuxVm('admin_ssh_key {\n  username   = "azureuser"\n  public_key = var.ssh_key\n}')],
      good: [tfLinuxVm('encryption_at_host_enabled = true\n\nadmin_ssh_key {\n  username   = "azureuser"\n  public_key = var.ssh_key\n}')],
    },
    arm: {
      bad: [armLinuxVm(ARM_SSH_ONLY)],
      good: [armLinuxVm(ARM_SSH_ONLY, `"securityProfile": { "encryptionAtHost": true }`)],
    },
  },
  evaluate(vm) {
    if (!isKnown(vm.encryptionAtHost, false)) return undefined;
    return fail(vm.encryptionAtHost, `${vm.address} does not encrypt at host`, { key: `${vm.address} encryption-at-host` });
  },
});
