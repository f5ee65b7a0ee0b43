// The Azure checks (Terraform and ARM), one module each, in id order: MAM-AZ-001 to 099.
import type { Check } from "../types.js";
import acrAdminUser from "./acr-admin-user.js";
import acrAnonymousPull from "./acr-anonymous-pull.js";
import acrPublicNetwork from "./acr-public-network.js";
import aksApiPublic from "./aks-api-public.js";
import aksEntra from "./aks-entra.js";
import aksLocalAccounts from "./aks-local-accounts.js";
import aksMonitoring from "./aks-monitoring.js";
import aksNetworkPolicy from "./aks-network-policy.js";
import aksRbac from "./aks-rbac.js";
import appClientCerts from "./app-client-certs.js";
import appFtp from "./app-ftp.js";
import appHttp2 from "./app-http2.js";
import appHttpsOnly from "./app-https-only.js";
import appManagedIdentity from "./app-managed-identity.js";
import appMinTls from "./app-min-tls.js";
import appRemoteDebugging from "./app-remote-debugging.js";
import cosmosLocalAuth from "./cosmos-local-auth.js";
import cosmosMetadataWrite from "./cosmos-metadata-write.js";
import cosmosNetwork from "./cosmos-network.js";
import keyvaultAuditLogging from "./keyvault-audit-logging.js";
import keyvaultKeyExpiry from "./keyvault-key-expiry.js";
import keyvaultNetworkAcl from "./keyvault-network-acl.js";
import keyvaultPurgeProtection from "./keyvault-purge-protection.js";
import keyvaultRbac from "./keyvault-rbac.js";
import keyvaultSecretContentType from "./keyvault-secret-content-type.js";
import keyvaultSecretExpiry from "./keyvault-secret-expiry.js";
import monitorActivityLogCategories from "./monitor-activity-log-categories.js";
import monitorLogCategories from "./monitor-log-categories.js";
import monitorLogRetention from "./monitor-log-retention.js";
import mysqlSsl from "./mysql-ssl.js";
import nsgAllPorts from "./nsg-all-ports.js";
import nsgRdp from "./nsg-rdp.js";
import nsgSsh from "./nsg-ssh.js";
import nsgUdp from "./nsg-udp.js";
import postgresqlConnectionThrottling from "./postgresql-connection-throttling.js";
import postgresqlLogCheckpoints from "./postgresql-log-checkpoints.js";
import postgresqlLogConnections from "./postgresql-log-connections.js";
import postgresqlSsl from "./postgresql-ssl.js";
import rdbmsFirewallAnyIp from "./rdbms-firewall-any-ip.js";
import rdbmsFirewallAzureServices from "./rdbms-firewall-azure-services.js";
import rdbmsMinTls from "./rdbms-min-tls.js";
import rdbmsPublicNetwork from "./rdbms-public-network.js";
import sqlAuditRetention from "./sql-audit-retention.js";
import sqlAuditing from "./sql-auditing.js";
import sqlEntraAdmin from "./sql-entra-admin.js";
import sqlFirewallAnyIp from "./sql-firewall-any-ip.js";
import sqlFirewallAzureServices from "./sql-firewall-azure-services.js";
import sqlMinTls from "./sql-min-tls.js";
import sqlPublicNetwork from "./sql-public-network.js";
import sqlTde from "./sql-tde.js";
import storageBlobPublicAccess from "./storage-blob-public-access.js";
import storageBlobSoftDelete from "./storage-blob-soft-delete.js";
import storageContainerPublic from "./storage-container-public.js";
import storageHttpsOnly from "./storage-https-only.js";
import storageInfrastructureEncryption from "./storage-infrastructure-encryption.js";
import storageMinTls from "./storage-min-tls.js";
import storageNetworkDefaultAllow from "./storage-network-default-allow.js";
import storageTrustedServices from "./storage-trusted-services.js";
import vmEncryptionAtHost from "./vm-encryption-at-host.js";
import vmPasswordAuth from "./vm-password-auth.js";

export const azureChecks: readonly Check[] = [
  storageHttpsOnly,
  storageMinTls,
  storageBlobPublicAccess,
  storageNetworkDefaultAllow,
  storageTrustedServices,
  storageInfrastructureEncryption,
  storageBlobSoftDelete,
  storageContainerPublic,
  nsgRdp,
  nsgSsh,
  nsgAllPorts,
  nsgUdp,
  keyvaultPurgeProtection,
  keyvaultNetworkAcl,
  keyvaultRbac,
  keyvaultSecretExpiry,
  keyvaultKeyExpiry,
  keyvaultSecretContentType,
  sqlFirewallAnyIp,
  sqlFirewallAzureServices,
  sqlPublicNetwork,
  sqlMinTls,
  sqlAuditing,
  sqlAuditRetention,
  sqlEntraAdmin,
  sqlTde,
  appHttpsOnly,
  appMinTls,
  appFtp,
  appManagedIdentity,
  appClientCerts,
  appHttp2,
  appRemoteDebugging,
  aksRbac,
  aksNetworkPolicy,
  aksApiPublic,
  aksLocalAccounts,
  aksEntra,
  aksMonitoring,
  monitorLogRetention,
  monitorLogCategories,
  postgresqlSsl,
  mysqlSsl,
  rdbmsPublicNetwork,
  rdbmsMinTls,
  rdbmsFirewallAnyIp,
  rdbmsFirewallAzureServices,
  postgresqlLogCheckpoints,
  postgresqlLogConnections,
  postgresqlConnectionThrottling,
  cosmosNetwork,
  cosmosLocalAuth,
  cosmosMetadataWrite,
  acrAdminUser,
  acrAnonymousPull,
  acrPublicNetwork,
  vmPasswordAuth,
  vmEncryptionAtHost,
  keyvaultAuditLogging,
  monitorActivityLogCategories,
];
