// PyPI versions, ordered by PEP 440 through `@renovatebot/pep440` (epochs, pre-, post- and
// development releases, local versions, normalisation such as "1.0-1" = "1.0.post1").
import { compare, valid } from "@renovatebot/pep440";
import type { VersionScheme } from "../types.js";
import { MAX_VERSION_LENGTH, ParseCache, invalidVersion } from "./common.js";

// The library parses with a regular expression on every call: remember which strings it accepted.
const validity = new ParseCache<boolean>();

function check(v: string): boolean {
  return v.length > 0 && v.length <= MAX_VERSION_LENGTH && v === v.trim() && valid(v) !== null;
}

function isPep440(v: string): boolean {
  return validity.get(v, check);
}

export const pep440Scheme: VersionScheme = {
  name: "pep440",
  compare(a, b) {
    if (!isPep440(a)) throw invalidVersion("pep440", a);
    if (!isPep440(b)) throw invalidVersion("pep440", b);
    const r = compare(a, b);
    return r < 0 ? -1 : r > 0 ? 1 : 0;
  },
  isValid: isPep440,
};
