// CloudFormation mappers for this group of models. Each mapper is one pure function over the template's resources.
import type { CfnMapper } from "./types.js";

export const awsDataMappers: readonly CfnMapper[] = [];
