// Calls of the RPM-family package managers (yum, dnf, microdnf, tdnf) and zypper, split into
// subcommand, options and operands, for the checks on their clean-up, prompts and upgrades.
import type { DockerInstruction } from "../../adapters/dockerfile.js";
import { parseArgs, type ParsedArgs } from "./args.js";
import { runCommands, type RunCommand } from "./run.js";

export const YUM_FAMILY: ReadonlySet<string> = new Set(["yum", "dnf", "dnf5", "microdnf", "tdnf"]);

const YUM_SPEC = {
  short: "cxdeR",
  long: new Set(["--config", "--installroot", "--releasever", "--setopt", "--enablerepo", "--disablerepo", "--exclude", "--repo", "--repoid", "--debuglevel", "--errorlevel", "--forcearch"]),
};
const ZYPPER_SPEC = { short: "cRrDt", long: new Set(["--root", "--config", "--repo", "--type", "--from", "--reposd-dir", "--cache-dir", "--raw-cache-dir"]) };

export interface RpmCall {
  command: RunCommand;
  tool: string;
  /** `install`, `clean`, ...; `group install` reads as `group`. */
  subcommand: string;
  args: ParsedArgs;
  /** Operands after the subcommand: package names for install. */
  operands: string[];
}

/** yum-family and zypper calls of a RUN, in order. */
export function rpmCalls(ins: DockerInstruction): RpmCall[] {
  return runCommands(ins)
    .filter((c) => YUM_FAMILY.has(c.name) || c.name === "zypper")
    .map((command) => {
      const args = parseArgs(command.argv.slice(1), command.name === "zypper" ? ZYPPER_SPEC : YUM_SPEC);
      const [subcommand = "", ...operands] = args.operands;
      return { command, tool: command.name, subcommand, args, operands };
    });
}

export const YUM_INSTALLS: ReadonlySet<string> = new Set(["install", "in", "reinstall", "groupinstall", "localinstall", "update", "upgrade", "downgrade", "distro-sync", "group", "module"]);
export const ZYPPER_INSTALLS: ReadonlySet<string> = new Set(["install", "in", "update", "up", "patch", "dist-upgrade", "dup", "source-install", "si"]);

/** Whether the call installs or upgrades packages (and so fills the package cache). */
export function installs(call: RpmCall): boolean {
  return (call.tool === "zypper" ? ZYPPER_INSTALLS : YUM_INSTALLS).has(call.subcommand);
}
