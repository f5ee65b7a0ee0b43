// Two shapes cover nearly every built-in rule: a token that announces itself (a fixed prefix
// such as `ghp_`), and a value that only the provider's name written before it identifies
// (`ALGOLIA_ADMIN_KEY = "..."`). These helpers write the shared parts of both once.
import type { Severity } from "../../core/model.js";
import type { SecretAllowlist, SecretExamples, SecretRule, SecretValidator } from "../types.js";

/** Documentation values and template variables, never real secrets: applied to every built-in rule. */
export const PLACEHOLDERS: SecretAllowlist = {
  description: "placeholders, template variables and documentation examples",
  stopwords: ["example", "xxxxxx", "******", "placeholder", "changeme", "change_me", "your_", "your-", "<your", "redacted", "dummy"],
  regexes: [
    "^\\$\\{?[A-Za-z_][A-Za-z0-9_]*\\}?$",
    "^%[A-Za-z_][A-Za-z0-9_]*%$",
    "^<[^<>]*>$",
    "^\\{\\{[^{}]*\\}\\}$",
  ],
};

interface Common {
  /** MAM-SEC-NNN: never reused, never renumbered. */
  id: string;
  slug: string;
  title: string;
  /** Default "high". */
  severity?: Severity;
  gitleaks?: string | string[];
  entropy?: number;
  allowlists?: SecretAllowlist[];
  path?: string;
  validate?: SecretValidator;
  description?: string;
  examples: SecretExamples;
}

/**
 * Bytes searched after a keyword. Most tokens are far shorter; rules with longer ones say so. Kept
 * tight because minified files put megabytes on one line and every keyword there opens a window.
 */
const TOKEN_MAX_LENGTH = 256;
const NAMED_MAX_LENGTH = 384;

function common(r: Common): Omit<SecretRule, "keywords"> {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    severity: r.severity ?? "high",
    ...(r.entropy !== undefined ? { entropy: r.entropy } : {}),
    allowlists: [PLACEHOLDERS, ...(r.allowlists ?? [])],
    ...(r.path !== undefined ? { path: r.path } : {}),
    ...(r.validate !== undefined ? { validate: r.validate } : {}),
    ...(r.description !== undefined ? { description: r.description } : {}),
    ...(r.gitleaks !== undefined ? { references: { gitleaks: r.gitleaks } } : {}),
    examples: r.examples,
  };
}

/** A token recognisable by its own form; `keywords` are the fixed parts every match contains. */
export function token(
  r: Common & {
    keywords: string[];
    regex: string;
    secretGroup?: number;
    scope?: "line" | "block";
    maxLength?: number;
    keywordOffset?: number;
    generic?: boolean;
  },
): SecretRule {
  return {
    ...common(r),
    keywords: r.keywords,
    regex: r.regex,
    ...(r.secretGroup !== undefined ? { secretGroup: r.secretGroup } : {}),
    ...(r.scope !== undefined ? { scope: r.scope } : {}),
    maxLength: r.maxLength ?? TOKEN_MAX_LENGTH,
    ...(r.keywordOffset !== undefined ? { keywordOffset: r.keywordOffset } : {}),
    ...(r.generic !== undefined ? { generic: r.generic } : {}),
  };
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
}

/** How an assignment, a YAML or JSON key, an XML element or a call argument leads to its value. */
const ASSIGN = `[\\w.\\-]{0,40}?[ \\t'"]{0,3}(?:=>|:=|[=:,>])[ \\t'"\\x60]{0,5}`;
/** The value ends where a token character cannot follow. */
const VALUE_END = `(?:[^0-9A-Za-z_+/=\\-]|$)`;

/**
 * A value that only the provider's name before it identifies: `<name><rest of key> = <value>`.
 * `names` are the lower-case words (they are the keywords); `nameRegex` replaces them in the regex
 * when the name has variants. `value` is RE2 without capturing groups.
 */
export function named(r: Common & { names: string[]; nameRegex?: string; value: string; maxLength?: number }): SecretRule {
  const name = r.nameRegex ?? r.names.map(escape).join("|");
  return {
    ...common({ entropy: 3, ...r }),
    keywords: r.names,
    regex: `(?i:${name})${ASSIGN}(${r.value})${VALUE_END}`,
    secretGroup: 1,
    maxLength: r.maxLength ?? NAMED_MAX_LENGTH,
  };
}

export const UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
/** After a token: not another character of a token. */
export const END = VALUE_END;
