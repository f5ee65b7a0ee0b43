import type { VirtualMachine } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { ARM_SSH_ONLY, armLinuxVm, tfLinuxVm } from "./vm-examples.js";
import { isKnown } from "./util.js";

export default defineCheck<VirtualMachine>({
  id: "MAM-AZ-090",
  title: "Linux virtual machine allows password sign-in",
  severity: "high",
  description:
    "`disable_password_authentication = false` on a Linux VM or scale set (ARM: `linuxConfiguration." +
    "disablePasswordAuthentication: false`, or left out with an `adminPassword`). SSH then accepts passwords, which " +
    "are guessed, sprayed and reused, where keys are not.",
  appliesTo: "azure.compute.VirtualMachine",
  references: { checkov: ["CKV_AZURE_1", "CKV_AZURE_149"], trivy: "AVD-AZU-0039" },
  remediation: {
    text: "Sign in with SSH keys (or Entra ID login for Linux) and disable password authentication.",
    fix: 'disable_password_authentication = true\n\nadmin_ssh_key {\n  username   = "azureuser"\n  public_key = file("~/.ssh/id_ed25519.pub")\n}',
  },
  examples: {
    terraform: {
      bad: [
        tfLinuxVm("admin_password                  = var.admin_password\ndisable_password_authentication = false\nencryption_at_host_enabled      = true"),
        `resource "azurerm_virtual_machine" "legacy" {
  name                  = "storefront-legacy"
  location              = "westeurope"
  resource_group_name   = "storefront"
  network_interface_ids = [azurerm_network_interface.legacy.id]
  vm_size               = "Standard_D2s_v5"

  os_profile {
    computer_name  = "legacy"
    admin_username = "azureuser"
    admin_password = var.admin_password
  }

  os_profile_linux_config {
    disable_password_authentication = false
  }
}`,
      ],
      good: [
        tfLinuxVm('encryption_at_host_enabled = true\n\nadmin_ssh_key {\n  username   = "azureuser"\n  public_key = var.ssh_key\n}'),
      ],
    },
    arm: {
      bad: [
        armLinuxVm(`"adminPassword": "[parameters('adminPassword')]", "linuxConfiguration": { "disablePasswordAuthentication": false }`),
        armLinuxVm(`"adminPassword": "[parameters('adminPassword')]", "linuxConfiguration": { "provisionVMAgent": true }`),
      ],
      good: [armLinuxVm(ARM_SSH_ONLY)],
    },
  },
  evaluate(vm) {
    if (vm.os !== "linux" || !isKnown(vm.passwordAuthentication, true)) return undefined;
    return fail(vm.passwordAuthentication, `${vm.address} accepts SSH password sign-in`, { key: `${vm.address} password-auth` });
  },
});
