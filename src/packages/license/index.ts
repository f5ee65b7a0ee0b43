// Package licenses: declared licenses as SPDX expressions, Debian copyright files, and the policy.
export { normalizeLicense, allOf as allLicenses, licenseRef, MAX_LICENSE_CHARS } from "./normalize.js";
export { dpkgCopyrightLicenses } from "./dpkg-copyright.js";
export {
  evaluateLicenses,
  compileLicensePolicy,
  LICENSE_DENIED_RULE,
  LICENSE_NOT_ALLOWED_RULE,
  type LicensePolicy,
} from "./policy.js";
