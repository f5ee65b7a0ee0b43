// Terraform (azurerm) mappers onto the Azure models. Each mapper is one pure function over the module's resources.
import { tfComputeMappers } from "./azure-compute.js";
import { tfDataMappers } from "./azure-data.js";
import { tfDiagnosticMappers } from "./azure-diagnostics.js";
import { tfNetworkMappers } from "./azure-network.js";
import { tfStorageMappers } from "./azure-storage.js";
import type { TfMapper } from "./types.js";

export const azureMappers: readonly TfMapper[] = [...tfStorageMappers, ...tfNetworkMappers, ...tfDataMappers, ...tfComputeMappers, ...tfDiagnosticMappers];
