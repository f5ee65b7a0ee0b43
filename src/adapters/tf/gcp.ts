// Terraform mappers for this group of models. Each mapper is one pure function over the module's resources.
import type { TfMapper } from "./types.js";

export const gcpMappers: readonly TfMapper[] = [];
