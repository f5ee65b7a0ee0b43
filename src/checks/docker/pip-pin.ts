import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { maskedSnippet, maskUrlCredentials, parseArgs, pipArgs } from "./args.js";
import { runCommands } from "./run.js";
import { boundedKey, quoteList, runInstructions } from "./util.js";

// pip options that take the next word as their value.
export const PIP_SPEC = {
  short: "rceiftC",
  long: new Set([
    "--requirement", "--constraint", "--editable", "--index-url", "--extra-index-url", "--find-links", "--target", "--prefix",
    "--root", "--platform", "--python-version", "--implementation", "--abi", "--trusted-host", "--src", "--upgrade-strategy",
    "--progress-bar", "--log", "--proxy", "--retries", "--timeout", "--exists-action", "--cert", "--client-cert", "--cache-dir",
    "--config-settings", "--global-option", "--no-binary", "--only-binary", "--report", "--python", "--root-user-action",
    "--use-feature", "--use-deprecated",
  ]),
};

/** Whether a requirement given on the command line fixes one version; undefined when it is a file, an archive or a variable. */
function pinned(spec: string): boolean | undefined {
  if (spec.includes("$") || /^[./~]/.test(spec) || /\.(?:whl|zip|tar\.gz|tgz|tar\.bz2)$/i.test(spec)) return undefined;
  if (/^git\+|^(?:hg|svn|bzr)\+/i.test(spec)) {
    // A VCS URL is pinned by `@ref` after the repository path (not the `user@` of the host).
    const path = spec.replace(/^[^:]+:\/\//, "").replace(/^[^/@]*@/, "").replace(/#.*$/, "");
    return path.includes("@");
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) return undefined;
  const eq = /===?\s*([^,;\s]+)/.exec(spec);
  return eq !== null && !(eq[1] as string).includes("*") && !/[<>~!]/.test(spec.replace(/===?/, ""));
}

/** The requirement operands of `pip install`, with `name @ url` direct references left out. */
function requirements(operands: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < operands.length; i++) {
    if (operands[i + 1] === "@") {
      i += 2;
      continue;
    }
    out.push(operands[i] as string);
  }
  return out;
}

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-034",
  title: "pip install without exact versions",
  severity: "low",
  description:
    "Packages named on the `pip install` command line without `==version` (or with a range such as `>=2`) resolve " +
    "to the newest release on the day of the build: images built from one Dockerfile differ, a broken or hijacked " +
    "release is picked up at the next build, and nothing records which version went in. VCS URLs count as pinned " +
    "with an `@ref`. Requirement files (-r), constraints, local paths, archives and variables are not judged.",
  appliesTo: "dockerfile.Dockerfile",
  references: { hadolint: "DL3013" },
  remediation: {
    text: "Pin each package (`flask==3.0.2`), or better install from a requirements or lock file with exact versions and hashes (`pip install --require-hashes -r requirements.txt`).",
    fix: "COPY requirements.txt /tmp/\nRUN pip install --no-cache-dir --require-hashes -r /tmp/requirements.txt",
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM python:3.12-slim
RUN pip install --no-cache-dir flask gunicorn==22.0.0`,
        `FROM python:3.12-slim
RUN python3 -m pip install --no-cache-dir "requests>=2.31"`,
        `FROM python:3.12-slim
RUN pip install --no-cache-dir --upgrade pip setuptools wheel`,
        `FROM python:3.12-slim
RUN pip3 install --no-cache-dir git+https://github.com/example/lib.git#egg=lib`,
      ],
      good: [
        `FROM python:3.12-slim
RUN pip install --no-cache-dir flask==3.0.2 "gunicorn[gevent]==22.0.0"`,
        `FROM python:3.12-slim
COPY requirements.txt constraints.txt /tmp/
RUN pip install --no-cache-dir -r /tmp/requirements.txt -c /tmp/constraints.txt`,
        `FROM python:3.12-slim
COPY dist/app-1.0.0-py3-none-any.whl /tmp/
RUN pip install --no-cache-dir /tmp/app-1.0.0-py3-none-any.whl . \\
 && pip install --no-cache-dir git+https://github.com/example/lib.git@v1.4.2#egg=lib "lib2 @ https://files.example.com/lib2-1.0.tar.gz"`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const ins of runInstructions(model)) {
      const loose: string[] = [];
      for (const cmd of runCommands(ins)) {
        const args = pipArgs(cmd);
        if (!args) continue;
        const parsed = parseArgs(args, PIP_SPEC);
        if (parsed.operands[0] !== "install") continue;
        loose.push(...requirements(parsed.operands.slice(1)).filter((r) => pinned(r) === false).map(maskUrlCredentials));
      }
      const unique = [...new Set(loose)];
      if (unique.length === 0) continue;
      out.push(
        fail(ins, `pip install of ${quoteList(unique)} without an exact version`, {
          key: boundedKey(`pip install ${[...unique].sort().join(" ")}`),
          ...maskedSnippet(ins),
        }),
      );
    }
    return out;
  },
});
