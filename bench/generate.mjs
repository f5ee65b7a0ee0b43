// Generated inputs for benchmarks: varied, realistic-looking Dockerfiles and findings.

const BASES = ["node:20-alpine", "python:3.12-slim", "golang:1.22", "debian:bookworm", "ubuntu:latest", "nginx", "alpine:3.20@sha256:" + "a".repeat(64)];
const PKGS = ["curl", "git", "ca-certificates", "openssl", "libpq5", "build-essential", "jq", "unzip"];

export function generateDockerfile(i) {
  const base = BASES[i % BASES.length];
  const lines = [`# service ${i}`, `ARG VERSION=${i % 7}.${i % 13}.0`, `FROM ${base} AS build`, "WORKDIR /src"];
  const pk = [PKGS[i % PKGS.length], PKGS[(i * 3) % PKGS.length]].join(" ");
  if (i % 2) lines.push(`RUN apt-get update && apt-get install -y ${pk}`);
  else lines.push(`RUN apt-get update \\`, ` && apt-get install -y --no-install-recommends ${pk} \\`, " && rm -rf /var/lib/apt/lists/*");
  if (i % 5 === 0) lines.push("RUN curl -fsSL https://get.example.com/install.sh | sh");
  if (i % 7 === 0) lines.push(`ENV API_TOKEN=tok_${i.toString(16).padStart(12, "0")}`);
  lines.push("COPY . .", "RUN make build", `FROM ${BASES[(i + 3) % BASES.length]}`, "COPY --from=build /src/out /app");
  if (i % 3) lines.push("USER 10001");
  if (i % 4 === 0) lines.push("EXPOSE 22 8080");
  else lines.push("EXPOSE 8080");
  if (i % 6 === 0) lines.push('HEALTHCHECK CMD ["/app/health"]');
  lines.push('ENTRYPOINT ["/app/server"]');
  return lines.join("\n") + "\n";
}

const SEV = ["critical", "high", "medium", "low", "info"];

export function syntheticReport(n) {
  const findings = [];
  for (let i = 0; i < n; i++) {
    findings.push({
      id: i.toString(16).padStart(32, "0"),
      ruleId: `MAM-DF-${String((i % 15) + 1).padStart(3, "0")}`,
      kind: "misconfiguration",
      severity: SEV[i % 5],
      title: `Synthetic finding number ${i % 15} with a realistic title length`,
      message: `Instruction at line ${i % 40} does something the check dislikes: apt-get install of curl, git without a pin`,
      description: "A description of the problem that explains why it matters, in about two sentences of text.",
      location: { path: `services/svc${i % 500}/app${i % 97}/Dockerfile`, startLine: (i % 40) + 1, endLine: (i % 40) + 2 },
      snippet: "RUN apt-get update && apt-get install -y curl git",
      references: { checkov: "CKV_DOCKER_3", trivy: "AVD-DS-0002" },
      compliance: [{ framework: "cis-docker-1.6", control: "4.1" }],
      remediation: { text: "Add a USER instruction with a non-root user.", fix: "USER 10001" },
      ...(i % 50 === 0 ? { suppressed: { reason: "accepted risk", source: ".mamoriignore:3" } } : {}),
    });
  }
  const summary = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const f of findings) if (!f.suppressed) summary[f.severity]++;
  return { schemaVersion: 1, tool: { name: "mamori", version: "bench" }, scannedAt: new Date().toISOString(), targets: [{ type: "iac", name: "bench" }], findings, summary };
}
