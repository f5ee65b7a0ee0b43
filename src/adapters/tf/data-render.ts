// Data sources whose outputs the evaluator computes from their own arguments, as the provider
// would render them without calling any API: an IAM policy document written as blocks.
import type { TfBlock } from "../terraform-hcl.js";
import { GOOGLE_IAM_POLICY_OUTPUTS, GOOGLE_IAM_POLICY_TYPE, googleIamPolicyValue } from "./google-iam-policy.js";
import { POLICY_DOCUMENT_OUTPUTS, POLICY_DOCUMENT_TYPE, policyDocumentValue } from "./policy-document.js";
import type { V } from "./value.js";

export interface RenderedData {
  /** The attributes that hold the rendered value (all the same value). */
  outputs: ReadonlySet<string>;
  render(b: TfBlock): V;
}

export const RENDERED_DATA: ReadonlyMap<string, RenderedData> = new Map([
  [POLICY_DOCUMENT_TYPE, { outputs: POLICY_DOCUMENT_OUTPUTS, render: policyDocumentValue }],
  [GOOGLE_IAM_POLICY_TYPE, { outputs: GOOGLE_IAM_POLICY_OUTPUTS, render: googleIamPolicyValue }],
]);
