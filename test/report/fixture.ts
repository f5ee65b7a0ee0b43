// A small realistic report for the renderer tests, and a synthetic large one for the scale tests.
import { summarize } from "../../src/core/model.js";
import type { Finding, Report, Severity } from "../../src/core/model.js";
import type { CheckMeta } from "../../src/checks/types.js";

/** A title that tries to close the HTML data block and run script. */
export const HOSTILE_TITLE = `</script><script>alert(1)</script> & "quoted" 'single' <!-- x`;
/** Control characters (ESC, SOH, a line separator) and non-ASCII text in one message. */
export const HOSTILE_MESSAGE = "ENV value \u001b[31mred\u001b[0m with \u0001 SOH, \u2028 LS, Grüße 守り 🚀 & <b>bold</b>";

export function findings(): Finding[] {
  return [
    {
      // Listed first on purpose: the HTML sort test needs a report order that is not worst-first.
      id: "f0000000000000000000000000000001",
      ruleId: "MAM-DF-010",
      kind: "misconfiguration",
      severity: "low",
      title: "ADD used where COPY would do",
      message: "ADD fetches remote URLs and unpacks archives; COPY only copies.",
      location: { path: "Dockerfile", startLine: 6, endLine: 6 },
      snippet: "ADD app.tar.gz /srv/",
      remediation: { text: "Use COPY for local files.", fix: "COPY app.tar.gz /srv/" },
      references: { hadolint: "DL3020", checkov: "CKV_DOCKER_4" },
    },
    {
      id: "f0000000000000000000000000000002",
      ruleId: "MAM-DF-001",
      kind: "secret",
      severity: "critical",
      title: "Secret in ENV instruction",
      message: "ENV sets AWS_SECRET_ACCESS_KEY to a literal value, which is kept in the image history for anyone who pulls it.",
      description: "Values set with ENV are stored in the image configuration and every layer after it.",
      location: { path: "Dockerfile", startLine: 3, endLine: 3, address: "stage builder" },
      snippet: "ENV AWS_SECRET_ACCESS_KEY=****************",
      remediation: {
        text: "Pass secrets at build time with a BuildKit secret mount (RUN --mount=type=secret) and never write them into the image; rotate the exposed key.",
        fix: "RUN --mount=type=secret,id=aws ./deploy.sh",
      },
      references: { checkov: "CKV_DOCKER_10", trivy: ["AVD-DS-0031", "AVD-DS-0032"] },
      compliance: [{ framework: "cis-docker-1.6", control: "4.10" }],
      isNew: true,
    },
    {
      id: "f0000000000000000000000000000003",
      ruleId: "MAM-DF-002",
      kind: "misconfiguration",
      severity: "high",
      title: "Container runs as root",
      message: "No USER instruction: processes in the container run as root.",
      location: { path: "Dockerfile", startLine: 1, endLine: 9 },
      remediation: { text: "Add a USER instruction with a non-root user after the packages are installed." },
    },
    {
      id: "f0000000000000000000000000000004",
      ruleId: "MAM-DF-003",
      kind: "misconfiguration",
      severity: "medium",
      title: "Base image uses the latest tag",
      location: { path: "Dockerfile", startLine: 1, endLine: 1 },
      remediation: { text: "Pin the base image to a version or digest." },
      suppressed: { reason: "pinned by digest in the CI pipeline", source: ".mamoriignore:3" },
    },
    {
      id: "f0000000000000000000000000000005",
      ruleId: "MAM-DF-002",
      kind: "misconfiguration",
      severity: "high",
      title: "Container runs as root",
      location: { path: "tools/Dockerfile", startLine: 2, endLine: 2 },
      suppressed: { reason: "build-only image", source: "inline:tools/Dockerfile:1", expires: "2030-01-01" },
    },
    {
      id: "f0000000000000000000000000000006",
      ruleId: "MAM-AWS-S3-001",
      kind: "misconfiguration",
      severity: "high",
      title: "S3 bucket allows public read",
      message: "The bucket ACL grants READ to AllUsers.",
      location: {
        resource: { provider: "aws", type: "s3.Bucket", id: "arn:aws:s3:::acme-logs", account: "123456789012", region: "eu-west-1" },
      },
      remediation: { text: "Block public access on the bucket and on its account." },
      references: { prowler: "s3_bucket_public_access", cis: "AWS 2.1.5" },
      compliance: [{ framework: "cis-aws-3.0", control: "2.1.5" }],
    },
    {
      id: "f0000000000000000000000000000007",
      ruleId: "MAM-DF-004",
      kind: "misconfiguration",
      severity: "medium",
      title: HOSTILE_TITLE,
      message: HOSTILE_MESSAGE,
      location: { path: "app/Dockerfile dev", startLine: 12, endLine: 13, startColumn: 5, endColumn: 20 },
      remediation: { text: "Fix <it> & \"quote\" it; the averyveryveryverylongunbreakabletokenthatcannotbewrappedanywhereatallbecauseithasnospaces stays whole." },
    },
    {
      id: "f0000000000000000000000000000008",
      ruleId: "CVE-2024-0727",
      kind: "vulnerability",
      severity: "info",
      title: "openssl: denial of service via null dereference in PKCS12 parsing",
      location: { path: "usr/lib/x86_64-linux-gnu/libssl.so.3" },
      package: { name: "openssl", version: "3.0.11-1", ecosystem: "Debian:12", purl: "pkg:deb/debian/openssl@3.0.11-1" },
      vulnerability: { id: "CVE-2024-0727", aliases: ["GHSA-9v9h-cgj8-h64p"], fixedVersions: ["3.0.13-1~deb12u1"] },
    },
  ];
}

export function sampleReport(): Report {
  const fs = findings();
  return {
    schemaVersion: 1,
    tool: { name: "mamori", version: "0.1.0" },
    scannedAt: "2025-03-01T12:00:00.000Z",
    targets: [{ type: "iac", name: "." }],
    packages: [{ name: "openssl", version: "3.0.11-1", ecosystem: "Debian:12", purl: "pkg:deb/debian/openssl@3.0.11-1" }],
    findings: fs,
    summary: summarize(fs),
    history: {
      previousScanAt: "2025-02-28T09:30:00.000Z",
      newCount: 2,
      fixedCount: 1,
      fixed: [{ id: "f00000000000000000000000000000ff", ruleId: "MAM-DF-005", severity: "low", title: "apt cache kept", location: { path: "Dockerfile", startLine: 4 } }],
    },
    warnings: [{ path: "broken.tf", message: "could not parse: unexpected token '}' at line 7" }],
  };
}

export function emptyReport(): Report {
  return {
    schemaVersion: 1,
    tool: { name: "mamori", version: "0.1.0" },
    scannedAt: "2025-03-01T12:00:00.000Z",
    targets: [{ type: "iac", name: "." }],
    findings: [],
    summary: summarize([]),
  };
}

/** Metadata as the check registry would give it, for the rules that have it. */
export const RULE_META: Record<string, CheckMeta> = {
  "MAM-DF-001": {
    id: "MAM-DF-001",
    title: "Secret in ENV instruction",
    severity: "critical",
    kind: "secret",
    description: "A secret set with ENV stays in the image configuration.",
    appliesTo: "dockerfile.Dockerfile",
    remediation: { text: "Use a BuildKit secret mount.", fix: "RUN --mount=type=secret,id=aws ./deploy.sh" },
    references: { checkov: "CKV_DOCKER_10" },
    examples: {},
  },
};

export const ruleMeta = (id: string): CheckMeta | undefined => RULE_META[id];

const SEVERITY_CYCLE: Severity[] = ["critical", "high", "medium", "low", "info"];

/** `n` findings spread over many files and rules, some suppressed, all with hostile-ish text. */
export function manyFindings(n: number): Report {
  const fs: Finding[] = [];
  for (let i = 0; i < n; i++) {
    fs.push({
      id: i.toString(16).padStart(32, "0"),
      ruleId: `MAM-DF-${String(i % 40).padStart(3, "0")}`,
      kind: i % 3 === 0 ? "vulnerability" : "misconfiguration",
      severity: SEVERITY_CYCLE[i % 5]!,
      title: `Synthetic finding ${i} </script> & "q"`,
      message: `Message ${i}: line ${i % 500} has a problem`,
      location: { path: `dir${i % 100}/Dockerfile`, startLine: (i % 500) + 1, endLine: (i % 500) + 1 },
      remediation: { text: "Do the right thing." },
      ...(i % 50 === 0 ? { suppressed: { reason: "accepted", source: ".mamoriignore:1" } } : {}),
    });
  }
  return { ...emptyReport(), findings: fs, summary: summarize(fs) };
}
