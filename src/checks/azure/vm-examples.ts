// Example building blocks shared by the virtual machine checks.
import { armTemplate } from "./arm.js";

/** An azurerm_linux_virtual_machine with extra lines. */
export function tfLinuxVm(extra: string): string {
  return `resource "azurerm_linux_virtual_machine" "worker" {
  name                  = "storefront-worker"
  resource_group_name   = "storefront"
  location              = "westeurope"
  size                  = "Standard_D2s_v5"
  admin_username        = "azureuser"
  network_interface_ids = [azurerm_network_interface.worker.id]
${extra
  .split("\n")
  .map((l) => (l ? `  ${l}` : l))
  .join("\n")}

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "0001-com-ubuntu-server-jammy"
    sku       = "22_04-lts-gen2"
    version   = "latest"
  }
}`;
}

/** An ARM Linux virtual machine with the given `osProfile` entries and extra properties. */
export function armLinuxVm(osProfile: string, properties = ""): string {
  return armTemplate(
    [
      `{
  "type": "Microsoft.Compute/virtualMachines",
  "apiVersion": "2023-03-01",
  "name": "storefront-worker",
  "location": "westeurope",
  "properties": {
    "hardwareProfile": { "vmSize": "Standard_D2s_v5" },
    "osProfile": { "computerName": "worker", "adminUsername": "azureuser", ${osProfile} },
    "storageProfile": { "imageReference": { "publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts-gen2", "version": "latest" } },
    "networkProfile": { "networkInterfaces": [{ "id": "[resourceId('Microsoft.Network/networkInterfaces', 'worker-nic')]" }] }${properties ? `,\n    ${properties}` : ""}
  }
}`,
    ],
    { parameters: `{ "adminPassword": { "type": "securestring" }, "sshKey": { "type": "string" } }` },
  );
}

export const ARM_SSH_ONLY = `"linuxConfiguration": { "disablePasswordAuthentication": true, "ssh": { "publicKeys": [{ "path": "/home/azureuser/.ssh/authorized_keys", "keyData": "[parameters('sshKey')]" }] } }`;
