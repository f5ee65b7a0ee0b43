import type { SqlServer } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armSqlServer, tfSqlServer } from "./sql-examples.js";

export default defineCheck<SqlServer>({
  id: "MAM-AZ-036",
  title: "Azure SQL server has no Microsoft Entra administrator",
  severity: "medium",
  description:
    "No Entra ID (Azure AD) administrator is set: no `azuread_administrator` block or " +
    "`azurerm_sql_active_directory_administrator` resource (ARM: `administrators`, inline or as a child). Only SQL " +
    "logins can then be used: passwords kept in each database, outside central identity with its MFA, conditional " +
    "access and offboarding. Files with an administrator that cannot be tied to a server are not reported.",
  appliesTo: "azure.sql.Server",
  compliance: [{ framework: "cis-azure-2.1", control: "4.1.4" }],
  remediation: {
    text: "Set an Entra ID group as the server administrator, and prefer Entra-only authentication.",
    fix: "azuread_administrator {\n  login_username              = \"sql-admins\"\n  object_id                   = var.sql_admins_group_id\n  azuread_authentication_only = true\n}",
  },
  examples: {
    terraform: {
      bad: [tfSqlServer('minimum_tls_version = "1.2"')],
      good: [
        tfSqlServer('minimum_tls_version = "1.2"\n\nazuread_administrator {\n  login_username = "sql-admins"\n  object_id      = "11111111-1111-1111-1111-111111111111"\n}'),
      ],
    },
    arm: {
      bad: [armSqlServer(`"minimalTlsVersion": "1.2"`)],
      good: [
        armSqlServer(`"minimalTlsVersion": "1.2",\n    "administrators": { "administratorType": "ActiveDirectory", "login": "sql-admins", "sid": "11111111-1111-1111-1111-111111111111", "tenantId": "00000000-0000-0000-0000-000000000000" }`),
        armSqlServer(`"minimalTlsVersion": "1.2"`, [
          `{
  "type": "administrators",
  "apiVersion": "2021-11-01",
  "name": "ActiveDirectory",
  "dependsOn": ["storefront-sql"],
  "properties": { "administratorType": "ActiveDirectory", "login": "sql-admins", "sid": "11111111-1111-1111-1111-111111111111", "tenantId": "00000000-0000-0000-0000-000000000000" }
}`,
        ]),
      ],
    },
  },
  evaluate(s) {
    if (s.entraAdmin) return undefined;
    return fail(s.range, `${s.address} has no Microsoft Entra administrator`, { key: `${s.address} entra-admin` });
  },
});
