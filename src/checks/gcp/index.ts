// The Google Cloud checks (Terraform today), one module each, in id order: MAM-GCP-001 to 099.
import type { Check } from "../types.js";
import auditConfig from "./audit-config.js";
import bigqueryPublic from "./bigquery-public.js";
import computeDefaultSa from "./compute-default-sa.js";
import computeDefaultSaFullAccess from "./compute-default-sa-full-access.js";
import computeIpForwarding from "./compute-ip-forwarding.js";
import computeOsloginDisabled from "./compute-oslogin-disabled.js";
import computeProjectSshKeys from "./compute-project-ssh-keys.js";
import computePublicIp from "./compute-public-ip.js";
import computeRawDiskKey from "./compute-raw-disk-key.js";
import computeSerialPort from "./compute-serial-port.js";
import computeShieldedVm from "./compute-shielded-vm.js";
import dnsDnssec from "./dns-dnssec.js";
import dnsRsasha1 from "./dns-rsasha1.js";
import firewallAllPorts from "./firewall-all-ports.js";
import firewallLogging from "./firewall-logging.js";
import firewallRdp from "./firewall-rdp.js";
import firewallSsh from "./firewall-ssh.js";
import gkeBasicAuth from "./gke-basic-auth.js";
import gkeClientCertificate from "./gke-client-certificate.js";
import gkeLegacyAbac from "./gke-legacy-abac.js";
import gkeLoggingMonitoring from "./gke-logging-monitoring.js";
import gkeMasterAuthorizedNetworks from "./gke-master-authorized-networks.js";
import gkeNetworkPolicy from "./gke-network-policy.js";
import gkePoolAutoRepair from "./gke-pool-auto-repair.js";
import gkePoolAutoUpgrade from "./gke-pool-auto-upgrade.js";
import gkePoolDefaultSa from "./gke-pool-default-sa.js";
import gkePoolImage from "./gke-pool-image.js";
import gkePoolLegacyMetadata from "./gke-pool-legacy-metadata.js";
import gkePoolMetadataExposed from "./gke-pool-metadata-exposed.js";
import gkePoolSecureBoot from "./gke-pool-secure-boot.js";
import gkePrivateNodes from "./gke-private-nodes.js";
import gkeReleaseChannel from "./gke-release-channel.js";
import gkeShieldedNodes from "./gke-shielded-nodes.js";
import gkeWorkloadIdentity from "./gke-workload-identity.js";
import iamBasicRoles from "./iam-basic-roles.js";
import iamDefaultSa from "./iam-default-sa.js";
import iamPublicMember from "./iam-public-member.js";
import iamSaAdmin from "./iam-sa-admin.js";
import iamSaImpersonation from "./iam-sa-impersonation.js";
import iamSaKey from "./iam-sa-key.js";
import kmsPublic from "./kms-public.js";
import kmsRotation from "./kms-rotation.js";
import projectDefaultNetwork from "./project-default-network.js";
import projectOslogin from "./project-oslogin.js";
import projectSerialPort from "./project-serial-port.js";
import proxyDefaultSslPolicy from "./proxy-default-ssl-policy.js";
import pubsubCmk from "./pubsub-cmk.js";
import sqlAuthorizedNetworks from "./sql-authorized-networks.js";
import sqlBackups from "./sql-backups.js";
import sqlMysqlLocalInfile from "./sql-mysql-local-infile.js";
import sqlPgLogCheckpoints from "./sql-pg-log-checkpoints.js";
import sqlPgLogConnections from "./sql-pg-log-connections.js";
import sqlPgLogDisconnections from "./sql-pg-log-disconnections.js";
import sqlPgLogLockWaits from "./sql-pg-log-lock-waits.js";
import sqlPgLogMinDuration from "./sql-pg-log-min-duration.js";
import sqlPgLogTempFiles from "./sql-pg-log-temp-files.js";
import sqlPgPgaudit from "./sql-pg-pgaudit.js";
import sqlPublicIp from "./sql-public-ip.js";
import sqlSqlserverContainedAuth from "./sql-sqlserver-contained-auth.js";
import sqlSqlserverCrossDbChaining from "./sql-sqlserver-cross-db-chaining.js";
import sqlSqlserverExternalScripts from "./sql-sqlserver-external-scripts.js";
import sqlSsl from "./sql-ssl.js";
import sslPolicyMinTls from "./ssl-policy-min-tls.js";
import sslPolicyWeakCiphers from "./ssl-policy-weak-ciphers.js";
import storageLogging from "./storage-logging.js";
import storagePublic from "./storage-public.js";
import storagePublicAccessPrevention from "./storage-public-access-prevention.js";
import storageSelfLogging from "./storage-self-logging.js";
import storageUniformAccess from "./storage-uniform-access.js";
import storageVersioning from "./storage-versioning.js";
import subnetFlowLogs from "./subnet-flow-logs.js";
import subnetPrivateGoogleAccess from "./subnet-private-google-access.js";
import sqlSqlserverTrace3625 from "./sql-sqlserver-trace-3625.js";
import sqlSqlserverRemoteAccess from "./sql-sqlserver-remote-access.js";
import sqlPgLogStatement from "./sql-pg-log-statement.js";
import sqlPgLogErrorVerbosity from "./sql-pg-log-error-verbosity.js";
import sqlMysqlSkipShowDatabase from "./sql-mysql-skip-show-database.js";
import loggingBucketLocked from "./logging-bucket-locked.js";
import computeConfidentialVm from "./compute-confidential-vm.js";

export const gcpChecks: readonly Check[] = [
  storagePublic,
  storageUniformAccess,
  storagePublicAccessPrevention,
  storageVersioning,
  storageLogging,
  storageSelfLogging,
  computeSerialPort,
  computeOsloginDisabled,
  computeProjectSshKeys,
  computeIpForwarding,
  computePublicIp,
  computeDefaultSa,
  computeDefaultSaFullAccess,
  computeShieldedVm,
  computeRawDiskKey,
  projectOslogin,
  projectSerialPort,
  projectDefaultNetwork,
  firewallSsh,
  firewallRdp,
  firewallAllPorts,
  firewallLogging,
  subnetFlowLogs,
  subnetPrivateGoogleAccess,
  sslPolicyMinTls,
  sslPolicyWeakCiphers,
  proxyDefaultSslPolicy,
  iamBasicRoles,
  iamSaImpersonation,
  iamSaAdmin,
  iamDefaultSa,
  iamPublicMember,
  iamSaKey,
  auditConfig,
  sqlAuthorizedNetworks,
  sqlPublicIp,
  sqlSsl,
  sqlBackups,
  sqlMysqlLocalInfile,
  sqlPgLogCheckpoints,
  sqlPgLogConnections,
  sqlPgLogDisconnections,
  sqlPgLogLockWaits,
  sqlPgLogTempFiles,
  sqlPgLogMinDuration,
  sqlPgPgaudit,
  sqlSqlserverExternalScripts,
  sqlSqlserverCrossDbChaining,
  sqlSqlserverContainedAuth,
  gkeLegacyAbac,
  gkeMasterAuthorizedNetworks,
  gkePrivateNodes,
  gkeNetworkPolicy,
  gkeWorkloadIdentity,
  gkeShieldedNodes,
  gkeClientCertificate,
  gkeBasicAuth,
  gkeLoggingMonitoring,
  gkeReleaseChannel,
  gkePoolAutoRepair,
  gkePoolAutoUpgrade,
  gkePoolLegacyMetadata,
  gkePoolImage,
  gkePoolMetadataExposed,
  gkePoolSecureBoot,
  gkePoolDefaultSa,
  kmsRotation,
  kmsPublic,
  dnsDnssec,
  dnsRsasha1,
  bigqueryPublic,
  pubsubCmk,
  sqlMysqlSkipShowDatabase,
  sqlPgLogErrorVerbosity,
  sqlPgLogStatement,
  sqlSqlserverRemoteAccess,
  sqlSqlserverTrace3625,
  computeConfidentialVm,
  loggingBucketLocked,
];
