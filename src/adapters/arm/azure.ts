// Every ARM mapper onto the Azure models.
import { armComputeMappers } from "./azure-compute.js";
import { armContainerMappers } from "./azure-containers.js";
import { armDiagnosticMappers } from "./azure-diagnostics.js";
import { armKeyVaultMappers } from "./azure-keyvault.js";
import { armMiscMappers } from "./azure-misc.js";
import { armNetworkMappers } from "./azure-network.js";
import { armRdbmsMappers } from "./azure-rdbms.js";
import { armSqlMappers } from "./azure-sql.js";
import { armStorageMappers } from "./azure-storage.js";
import { armWebMappers } from "./azure-web.js";
import type { ArmMapper } from "./types.js";

export const armAzureMappers: readonly ArmMapper[] = [
  ...armStorageMappers,
  ...armNetworkMappers,
  ...armKeyVaultMappers,
  ...armSqlMappers,
  ...armRdbmsMappers,
  ...armWebMappers,
  ...armContainerMappers,
  ...armMiscMappers,
  ...armComputeMappers,
  ...armDiagnosticMappers,
];
