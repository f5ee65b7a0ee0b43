// The Gcp checks, one module each, in id order.
import type { Check } from "../types.js";

export const gcpChecks: readonly Check[] = [];
