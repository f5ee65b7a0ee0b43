// Custom policies: YAML files with a CEL condition over a normalized model, run as checks.
export { policyCheck, type PolicyCheck } from "./check.js";
export { testPolicyExamples, type ExampleResult } from "./examples.js";
export { loadPolicies, type LoadOptions } from "./load.js";
export { readPolicy, type PolicySpec } from "./read.js";
