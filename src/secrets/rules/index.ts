// Mamori's built-in secret rules, in priority order: where two rules find the same secret the
// earlier one is reported, so provider-specific rules come before the generic ones (keys.ts).
import type { SecretRule } from "../types.js";
import { CLOUD_RULES } from "./cloud.js";
import { DEVTOOLS_RULES } from "./devtools.js";
import { KEY_RULES } from "./keys.js";
import { MESSAGING_RULES } from "./messaging.js";
import { PAYMENT_RULES } from "./payments.js";
import { SAAS_RULES } from "./saas.js";
import { VCS_RULES } from "./vcs.js";

export const BUILTIN_SECRET_RULES: readonly SecretRule[] = Object.freeze([
  ...CLOUD_RULES,
  ...VCS_RULES,
  ...MESSAGING_RULES,
  ...PAYMENT_RULES,
  ...SAAS_RULES,
  ...DEVTOOLS_RULES,
  ...KEY_RULES,
]);
