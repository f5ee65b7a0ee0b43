// `mamori scan <kind>`: iac now; the other kinds come with their issues and say so.
import { IAC_INPUT_FORMATS } from "../adapters/index.js";
import { Option, type Command } from "commander";
import { NotAvailableError } from "../core/errors.js";
import { contextOf } from "./context.js";
import { setExitCode } from "./exit.js";
import { addScanOptions } from "./scan-options.js";
import type { SbomScanFlags } from "./scan-sbom.js";
import type { ArtifactFlags } from "./scan-artifact.js";
import type { IacScanFlags, OrderedArg } from "./scan-iac.js";

const LATER: { kind: string; usage: string; summary: string; issue: string }[] = [
  { kind: "cloud", usage: "", summary: "scan a cloud account or a saved snapshot", issue: "cloud posture management (CSPM)" },
  { kind: "k8s", usage: "", summary: "scan a Kubernetes cluster or a saved snapshot", issue: "cluster scanning" },
  { kind: "host", usage: "", summary: "scan a host root for hardening, integrity, packages and malware", issue: "workload protection (CWPP)" },
];

function addArtifactOptions(cmd: Command): Command {
  return cmd
    .option("--scanners <list>", "what to look for: vuln,secret,malware,config,license (default: all but license, which needs a policy)")
    .option("--secret-config <file>", "a gitleaks TOML configuration for the secret scanner")
    .option("--malware-rules <dir...>", "directories of YARA rules to use beside the built-in ones")
    .option("--hash-list <file...>", "known-bad SHA-256 lists (one digest per line)")
    .option("--vex <file...>", "OpenVEX or CycloneDX VEX documents")
    .option("--ignore-unfixed", "leave out vulnerabilities that have no fix yet")
    .addOption(new Option("--detection <mode>", "judge language packages inside OS packages by the distribution (distro) or upstream").choices(["distro", "upstream"]));
}

const POLICY_HELP = "custom policies (YAML with a CEL condition) in a directory or file, run on the IaC files; repeatable";
const repeatable = (v: string, all: string[]): string[] => [...all, v];

// --var and --var-file apply in the order given, across both options, as in Terraform.
let argOrder = 0;
const inOrder = (value: string, all: OrderedArg[]): OrderedArg[] => [...all, { n: argOrder++, value }];

export function register(program: Command): void {
  const scan = program.command("scan").description("scan a target and report findings");

  const iac = scan
    .command("iac")
    .description("scan infrastructure-as-code: Terraform (HCL and plan JSON), CloudFormation and SAM, ARM, Kubernetes (manifests, Helm and Kustomize output), Dockerfile and docker-compose")
    .argument("<path>", "a file, a directory, or - for standard input");
  addScanOptions(iac)
    .addOption(new Option("--input-format <format>", "format of standard input or of a file whose name does not tell").choices(IAC_INPUT_FORMATS))
    .option("--max-file-size <size>", "skip files larger than this (bytes, or 512KB, 10MB)")
    .option("--policy <dir>", POLICY_HELP, repeatable, [] as string[])
    .option("--honor-peer-skips", "also honour Checkov, tfsec, Trivy and KICS skip comments")
    .addOption(new Option("--fix [mode]", "fix what can be fixed mechanically: diff prints a unified diff (the report goes to stderr or --output), write changes the files").choices(["diff", "write"]).preset("diff"))
    .option("--var <name=value>", "set a Terraform input variable of the root modules; repeatable", inOrder, [] as OrderedArg[])
    .option("--var-file <file>", "read Terraform input variables from a .tfvars or .tfvars.json file; repeatable, later wins", inOrder, [] as OrderedArg[])
    .action(async (path: string, flags: IacScanFlags, cmd: Command) => {
      const { runIacScan } = await import("./scan-iac.js");
      setExitCode(await runIacScan(path, flags, contextOf(cmd)));
    });

  const sbom = scan
    .command("sbom")
    .description("match the packages of a CycloneDX (1.4–1.6) or SPDX (2.2–2.3) JSON SBOM against the vulnerability database")
    .argument("<file>", "the SBOM");
  addScanOptions(sbom)
    .option("--vex <file...>", "OpenVEX or CycloneDX VEX documents: not-affected and fixed statements suppress findings")
    .option("--ignore-unfixed", "leave out vulnerabilities that have no fix yet")
    .addOption(new Option("--detection <mode>", "judge language packages inside OS packages by the distribution's advisories (distro) or upstream ones").choices(["distro", "upstream"]))
    .action(async (path: string, flags: SbomScanFlags, cmd: Command) => {
      const { runSbomScan } = await import("./scan-sbom.js");
      setExitCode(await runSbomScan(path, flags, contextOf(cmd)));
    });

  const image = scan
    .command("image")
    .description("scan a container image: a docker-archive, an OCI layout (dir or tar), a root filesystem directory, or a registry reference")
    .argument("<image>", "path or registry reference (registry.example.com/team/app:1.2)");
  addArtifactOptions(addScanOptions(image))
    .option("--platform <os/arch>", "the platform to pick from a multi-platform image (linux/arm64)")
    .option("--insecure", "plain HTTP to a registry on the loopback address")
    .option("--ca-file <file>", "extra CA certificates (PEM) to trust for the registry")
    .option("--username <user>", "registry user")
    .option("--password <password>", "registry password (or use Docker's config.json)")
    .option("--docker-config <file>", "Docker config.json with registry credentials (default ~/.docker/config.json)")
    .action(async (ref: string, flags: ArtifactFlags, cmd: Command) => {
      const { runArtifactScan } = await import("./scan-artifact.js");
      setExitCode(await runArtifactScan("image", ref, flags, contextOf(cmd)));
    });

  const fs = scan
    .command("fs")
    .description("scan a source tree or unpacked filesystem: packages, vulnerabilities, secrets, malware, IaC")
    .argument("<dir>", "the directory");
  addArtifactOptions(addScanOptions(fs))
    .option("--policy <dir>", POLICY_HELP, repeatable, [] as string[])
    .action(async (dir: string, flags: ArtifactFlags, cmd: Command) => {
      const { runArtifactScan } = await import("./scan-artifact.js");
      setExitCode(await runArtifactScan("fs", dir, flags, contextOf(cmd)));
    });

  for (const later of LATER) {
    const cmd = scan.command(later.kind).description(`${later.summary} (not available yet)`);
    if (later.usage) cmd.argument(later.usage.replace("<", "[").replace(">", "]"));
    if (later.kind === "cloud") cmd.option("--provider <provider>", "aws, azure or gcp").option("--snapshot <file>", "a saved snapshot");
    if (later.kind === "k8s") cmd.option("--kubeconfig <file>", "kubeconfig").option("--snapshot <file>", "a saved snapshot");
    if (later.kind === "host") cmd.option("--root <dir>", "the host root");
    addScanOptions(cmd).action(() => {
      throw new NotAvailableError(`mamori scan ${later.kind}`, later.issue);
    });
  }
}
