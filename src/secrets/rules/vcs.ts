// Source hosting and its automation: GitHub, GitLab, Bitbucket, Atlassian, Gitter, Sourcegraph.
import type { SecretRule } from "../types.js";
import { END, named, token } from "./build.js";
import { ALNUM, B64URL, fake, HEX } from "./fake.js";

/** GitHub tokens: a three-letter type prefix and 36 base-62 characters. */
const github = (id: string, slug: string, title: string, prefixes: string[], gitleaks: string): SecretRule =>
  token({
    id,
    slug,
    title,
    gitleaks,
    keywords: prefixes.map((p) => `${p}_`),
    regex: `\\b((?:${prefixes.join("|")})_[0-9A-Za-z]{36})${END}`,
    entropy: 3,
    examples: {
      match: prefixes.map((p) => `GITHUB_TOKEN=${p}_${fake(ALNUM, 36, p)}`),
      noMatch: [`${prefixes[0]}_${fake(ALNUM, 20, "short")}`, `${prefixes[0]}_${"0".repeat(36)}`],
    },
  });

/** GitLab tokens: a `gl...-` prefix naming the token type and a fixed-length body. */
const gitlab = (id: string, slug: string, title: string, prefix: string, alphabet: string, length: number, gitleaks: string): SecretRule =>
  token({
    id,
    slug,
    title,
    gitleaks,
    keywords: [prefix.toLowerCase()],
    regex: `\\b(${prefix}[${alphabet.replace(/-$/, "\\-")}]{${length}})${END}`,
    entropy: 3,
    examples: {
      match: [`GITLAB_TOKEN=${prefix}${fake(alphabet, length, prefix)}`],
      noMatch: [`${prefix}${fake(alphabet, length - 8, "short")}`],
    },
  });

/** The usual GitLab token body: base-62 plus "_" and "-" (the trailing "-" is literal). */
const GL_BODY = "0-9A-Za-z_-";

export const VCS_RULES: SecretRule[] = [
  github("MAM-SEC-200", "github-pat", "GitHub personal access token (classic)", ["ghp"], "github-pat"),
  github("MAM-SEC-201", "github-oauth-token", "GitHub OAuth access token", ["gho"], "github-oauth"),
  github("MAM-SEC-202", "github-app-token", "GitHub App token", ["ghu", "ghs"], "github-app-token"),
  github("MAM-SEC-203", "github-refresh-token", "GitHub refresh token", ["ghr"], "github-refresh-token"),
  token({
    id: "MAM-SEC-204",
    slug: "github-fine-grained-pat",
    title: "GitHub fine-grained personal access token",
    gitleaks: "github-fine-grained-pat",
    keywords: ["github_pat_"],
    regex: `\\b(github_pat_[A-Za-z0-9_]{82})${END}`,
    entropy: 3,
    examples: {
      match: [`token: github_pat_${fake(ALNUM, 22, "fg")}_${fake(ALNUM, 59, "fg2")}`],
      noMatch: [`github_pat_${fake(ALNUM, 40, "fg-s")}`],
    },
  }),
  token({
    id: "MAM-SEC-210",
    slug: "gitlab-pat",
    maxLength: 512,
    title: "GitLab personal access token",
    gitleaks: ["gitlab-pat", "gitlab-pat-routable"],
    keywords: ["glpat-"],
    // Classic tokens have a 20-character body; routable ones a longer body, a dot and a 9-character suffix.
    regex: `\\b(glpat-(?:[0-9A-Za-z_\\-]{27,}\\.[0-9a-z]{9}|[0-9A-Za-z_\\-]{20}))${END}`,
    entropy: 3,
    examples: {
      match: [`GITLAB_TOKEN=glpat-${fake(ALNUM, 20, "glpat")}`, `token = "glpat-${fake(B64URL, 36, "glpat-r")}.01${fake("0-9a-z", 7, "glpat-s")}"`],
      noMatch: [`glpat-${fake(ALNUM, 12, "glpat-short")}`],
    },
  }),
  gitlab("MAM-SEC-211", "gitlab-pipeline-trigger-token", "GitLab pipeline trigger token", "glptt-", "0-9a-f", 40, "gitlab-ptt"),
  token({
    id: "MAM-SEC-212",
    slug: "gitlab-runner-registration-token",
    title: "GitLab runner registration token",
    gitleaks: "gitlab-rrt",
    keywords: ["gr1348941"],
    regex: `\\b(GR1348941[A-Za-z0-9_\\-]{20})${END}`,
    entropy: 3,
    examples: { match: [`REGISTRATION_TOKEN=GR1348941${fake(B64URL, 20, "rrt")}`], noMatch: [`GR1348941${fake(ALNUM, 8, "rrt-s")}`] },
  }),
  token({
    id: "MAM-SEC-213",
    slug: "gitlab-runner-token",
    maxLength: 512,
    title: "GitLab runner authentication token",
    gitleaks: ["gitlab-runner-authentication-token", "gitlab-runner-authentication-token-routable"],
    keywords: ["glrt-"],
    regex: `\\b(glrt-(?:t[0-9]_[0-9A-Za-z_\\-]{27,}\\.[0-9a-z]{9}|[0-9A-Za-z_\\-]{20}))${END}`,
    entropy: 3,
    examples: { match: [`token = "glrt-${fake(ALNUM, 20, "glrt")}"`], noMatch: [`glrt-${fake(ALNUM, 10, "glrt-s")}`] },
  }),
  gitlab("MAM-SEC-214", "gitlab-deploy-token", "GitLab deploy token", "gldt-", GL_BODY, 20, "gitlab-deploy-token"),
  gitlab("MAM-SEC-215", "gitlab-feed-token", "GitLab feed token", "glft-", GL_BODY, 20, "gitlab-feed-token"),
  gitlab("MAM-SEC-216", "gitlab-incoming-mail-token", "GitLab incoming mail token", "glimt-", GL_BODY, 25, "gitlab-incoming-mail-token"),
  gitlab("MAM-SEC-217", "gitlab-agent-token", "GitLab agent for Kubernetes token", "glagent-", GL_BODY, 50, "gitlab-kubernetes-agent-token"),
  gitlab("MAM-SEC-218", "gitlab-oauth-app-secret", "GitLab OAuth application secret", "gloas-", GL_BODY, 64, "gitlab-oauth-app-secret"),
  gitlab("MAM-SEC-219", "gitlab-scim-token", "GitLab SCIM token", "glsoat-", GL_BODY, 20, "gitlab-scim-token"),
  gitlab("MAM-SEC-220", "gitlab-feature-flag-token", "GitLab feature flags client token", "glffct-", GL_BODY, 20, "gitlab-feature-flag-client-token"),
  token({
    id: "MAM-SEC-221",
    slug: "gitlab-ci-job-token",
    title: "GitLab CI/CD job token",
    gitleaks: "gitlab-cicd-job-token",
    keywords: ["glcbt-"],
    regex: `\\b(glcbt-[0-9A-Za-z]{1,5}_[0-9A-Za-z_\\-]{20})${END}`,
    entropy: 3,
    examples: { match: [`CI_JOB_TOKEN=glcbt-64_${fake(ALNUM, 20, "glcbt")}`], noMatch: [`glcbt-64_${fake(ALNUM, 8, "glcbt-s")}`] },
  }),
  token({
    id: "MAM-SEC-222",
    slug: "gitlab-session-cookie",
    title: "GitLab session cookie",
    severity: "medium",
    gitleaks: "gitlab-session-cookie",
    keywords: ["_gitlab_session="],
    regex: `_gitlab_session=([0-9a-z]{32})${END}`,
    entropy: 3,
    examples: { match: [`Cookie: _gitlab_session=${fake("0-9a-z", 32, "gls")}`], noMatch: [`_gitlab_session=${fake("0-9a-z", 10, "gls-s")}`] },
  }),
  named({
    id: "MAM-SEC-230",
    slug: "bitbucket-client-secret",
    title: "Bitbucket OAuth client secret",
    gitleaks: ["bitbucket-client-secret", "bitbucket-client-id"],
    names: ["bitbucket"],
    value: "[A-Za-z0-9=_\\-]{64}",
    examples: { match: [`BITBUCKET_CLIENT_SECRET=${fake(B64URL, 64, "bb")}`], noMatch: [`BITBUCKET_WORKSPACE=team`] },
  }),
  named({
    id: "MAM-SEC-231",
    slug: "atlassian-api-token",
    title: "Atlassian (Jira, Confluence) API token",
    gitleaks: "atlassian-api-token",
    names: ["atlassian", "confluence", "jira"],
    value: "[A-Za-z0-9]{20}[A-Fa-f0-9]{4}",
    entropy: 3.5,
    examples: { match: [`JIRA_API_TOKEN=${fake(ALNUM, 20, "jira")}${fake(HEX, 4, "jira")}`], noMatch: [`JIRA_URL=https://jira.internal`] },
  }),
  token({
    id: "MAM-SEC-232",
    slug: "atlassian-api-token-v2",
    title: "Atlassian API token",
    gitleaks: "atlassian-api-token",
    keywords: ["atatt3"],
    regex: `\\b(ATATT3[A-Za-z0-9_=\\-]{186})${END}`,
    entropy: 3.5,
    examples: { match: [`ATLASSIAN_TOKEN=ATATT3${fake(B64URL, 186, "atatt")}`], noMatch: [`ATATT3${fake(B64URL, 40, "atatt-s")}`] },
  }),
  named({
    id: "MAM-SEC-233",
    slug: "gitter-token",
    title: "Gitter access token",
    gitleaks: "gitter-access-token",
    names: ["gitter"],
    value: "[A-Za-z0-9_\\-]{40}",
    examples: { match: [`GITTER_TOKEN=${fake(B64URL, 40, "gitter")}`], noMatch: [`GITTER_ROOM=org/room`] },
  }),
  token({
    id: "MAM-SEC-234",
    slug: "sourcegraph-token",
    title: "Sourcegraph access token",
    gitleaks: "sourcegraph-access-token",
    keywords: ["sgp_"],
    regex: `\\b(sgp_(?:(?:[a-fA-F0-9]{16}|local)_)?[a-fA-F0-9]{40})${END}`,
    entropy: 3,
    examples: { match: [`SRC_ACCESS_TOKEN=sgp_${fake(HEX, 16, "sgp")}_${fake(HEX, 40, "sgp2")}`], noMatch: [`sgp_${fake(HEX, 20, "sgp-s")}`] },
  }),
];
