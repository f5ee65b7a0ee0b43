// Terraform onto projects and the resource hierarchy's IAM: role grants at project, folder and
// organization level (member, binding and whole-policy resources), service account keys and audit
// configuration.
import type { AuditConfig, IamGrant, IamScope, Project, ServiceAccountKey } from "../../models/gcp.js";
import { policyBindings } from "./gcp-policy.js";
import { boolAt, childrenOf, grantedMembers, stringsAt } from "./gcp-util.js";
import type { TfMapper, TfResource } from "./types.js";
import { base, stringOf, unknownVal } from "./util.js";

const SCOPES: readonly IamScope[] = ["project", "folder", "organization"];

function project(r: TfResource): Project {
  const m: Project = base(r, "gcp.resourcemanager.Project");
  const auto = boolAt(r.block, "auto_create_network");
  if (auto) m.autoCreateNetwork = auto;
  return m;
}

function grant(scope: IamScope, r: TfResource): IamGrant {
  const members = grantedMembers(r);
  const m: IamGrant = { ...base(r, "gcp.iam.Grant"), scope, members: members.map((x) => x.member) };
  const role = members[0]?.role ?? stringOf(r.block.attrs.get("role"));
  if (role) m.role = role;
  return m;
}

/** `google_{project,folder,organization}_iam_policy`: one grant per binding of its policy. */
function policyGrants(scope: IamScope, r: TfResource): IamGrant[] {
  return policyBindings(r.block.attrs.get("policy_data")).map((b) => ({ ...base(r, "gcp.iam.Grant"), scope, role: b.role, members: b.members }));
}

function auditConfig(scope: IamScope, r: TfResource): AuditConfig {
  const logConfigs = childrenOf(r.block, "audit_log_config").map((c) => {
    if ("unreadable" in c) return { logType: unknownVal<string>(c.unreadable), exemptedMembers: [], range: c.unreadable };
    const logType = stringOf(c.block.attrs.get("log_type"));
    const entry = { exemptedMembers: stringsAt(c.block, "exempted_members"), range: c.block.range };
    return logType ? { ...entry, logType } : entry;
  });
  const m: AuditConfig = { ...base(r, "gcp.iam.AuditConfig"), scope, logConfigs };
  const service = stringOf(r.block.attrs.get("service"));
  if (service) m.service = service;
  return m;
}

function serviceAccountKey(r: TfResource): ServiceAccountKey {
  return { ...base(r, "gcp.iam.ServiceAccountKey"), uploaded: r.block.attrs.has("public_key_data") };
}

export const gcpIamMappers: readonly TfMapper[] = [
  (index) => index.ofType("google_project").map(project),
  (index) => SCOPES.flatMap((s) => ["member", "binding"].flatMap((k) => index.ofType(`google_${s}_iam_${k}`).map((r) => grant(s, r)))),
  (index) => SCOPES.flatMap((s) => index.ofType(`google_${s}_iam_policy`).flatMap((r) => policyGrants(s, r))),
  (index) => SCOPES.flatMap((s) => index.ofType(`google_${s}_iam_audit_config`).map((r) => auditConfig(s, r))),
  (index) => index.ofType("google_service_account_key").map(serviceAccountKey),
];
