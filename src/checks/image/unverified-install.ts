import { fail } from "../define.js";
import { runCommands, type RunCommand } from "../docker/run.js";
import { instructionKey, quoteList, runInstructions } from "../docker/util.js";
import type { Violation } from "../types.js";
import { defineImageCheck, exampleConfig } from "./types.js";

interface Bypass {
  tools: readonly string[];
  /** Whether one word of the command's arguments turns verification off. */
  word: (w: string) => boolean;
  what: string;
}

// apt options given with -o that turn signature or certificate checks off.
const APT_OFF = [
  /^APT::Get::AllowUnauthenticated=["']?(?:true|1|yes)["']?$/i,
  /^Acquire::AllowInsecureRepositories=["']?(?:true|1|yes)["']?$/i,
  /^Acquire::https?::Verify-Peer=["']?(?:false|0|no)["']?$/i,
];

// Per tool, the options that skip signature or TLS checks (CIS Docker 4.11: only verified packages).
const BYPASSES: readonly Bypass[] = [
  { tools: ["apt-get", "apt"], word: (w) => w === "--allow-unauthenticated" || w === "--allow-insecure-repositories" || w === "--force-yes" || APT_OFF.some((r) => r.test(w)), what: "installs unsigned packages" },
  { tools: ["apk"], word: (w) => w === "--allow-untrusted", what: "installs unsigned packages" },
  { tools: ["yum", "dnf", "microdnf", "tdnf"], word: (w) => w === "--nogpgcheck" || /^--setopt=(?:\S+\.)?gpgcheck=(?:0|false|no)$/i.test(w), what: "installs packages without checking their signatures" },
  { tools: ["rpm"], word: (w) => w === "--nosignature" || w === "--nodigest", what: "installs packages without checking their signatures" },
  { tools: ["zypper"], word: (w) => w === "--no-gpg-checks", what: "installs packages without checking their signatures" },
  { tools: ["pip", "pip3"], word: (w) => w === "--trusted-host" || w.startsWith("--trusted-host="), what: "downloads packages without verifying the server's certificate" },
  { tools: ["curl"], word: (w) => w === "--insecure" || /^-[A-Za-z]*k[A-Za-z]*$/.test(w), what: "downloads without verifying the server's certificate" },
  { tools: ["wget"], word: (w) => w === "--no-check-certificate", what: "downloads without verifying the server's certificate" },
];

// A repository line that trusts whatever it serves, however it gets written (`deb [trusted=yes] ...`).
const TRUSTED_REPO = /\[[^\]]*\btrusted=yes\b[^\]]*\]/;

function bypassesOf(cmd: RunCommand): string[] {
  const found: string[] = [];
  for (const b of BYPASSES) {
    if (!b.tools.includes(cmd.name)) continue;
    const words = cmd.argv.slice(1).filter(b.word);
    if (words.length > 0) found.push(`${cmd.name} ${words.join(" ")} ${b.what}`);
  }
  if (cmd.argv.some((w) => TRUSTED_REPO.test(w))) found.push("an apt source marked [trusted=yes] skips signature checks");
  return found;
}

export default defineImageCheck({
  id: "MAM-IMG-006",
  title: "Packages or downloads installed without verification",
  severity: "medium",
  description:
    "A build step recorded in the image history turned off the check that proves where software comes from: apt " +
    "--allow-unauthenticated or a [trusted=yes] source, apk --allow-untrusted, yum/dnf --nogpgcheck, rpm " +
    "--nosignature, zypper --no-gpg-checks, pip --trusted-host, curl -k, wget --no-check-certificate. Whoever can " +
    "tamper with the mirror, a proxy or the network path chose what went into the image.",
  appliesTo: "image.Config",
  compliance: [{ framework: "cis-docker-1.6", control: "4.11" }],
  remediation: {
    text: "Remove the option, import the repository's signing key (or the CA certificate of the server) instead, and rebuild.",
  },
  examples: {},
  imageExamples: {
    bad: [
      exampleConfig({
        history: [{ created_by: "RUN /bin/sh -c apt-get update && apt-get install -y --allow-unauthenticated libfoo1=1.2-3 # buildkit" }],
      }),
      exampleConfig({ history: [{ created_by: "/bin/sh -c apk add --no-cache --allow-untrusted /tmp/agent-1.4.apk" }] }),
      exampleConfig({
        history: [{ created_by: "/bin/sh -c curl -fsSLk https://downloads.example.com/agent.tar.gz -o /tmp/agent.tar.gz && tar -xzf /tmp/agent.tar.gz -C /opt" }],
      }),
      exampleConfig({
        history: [{ created_by: 'RUN /bin/sh -c echo "deb [trusted=yes] http://apt.example.com/ stable main" > /etc/apt/sources.list.d/example.list # buildkit' }],
      }),
    ],
    good: [
      exampleConfig({
        history: [{ created_by: "RUN /bin/sh -c apt-get update && apt-get install -y --no-install-recommends libfoo1=1.2-3 && rm -rf /var/lib/apt/lists/* # buildkit" }],
      }),
      exampleConfig({ history: [{ created_by: "/bin/sh -c curl -fsSL https://downloads.example.com/agent.tar.gz -o /tmp/agent.tar.gz" }] }),
      exampleConfig({ history: [{ created_by: "/bin/sh -c dnf install -y --setopt=install_weak_deps=False nginx-1.24.0" }] }),
    ],
  },
  evaluate(image) {
    const out: Violation[] = [];
    for (const ins of runInstructions(image.dockerfile)) {
      const found = [...new Set(runCommands(ins).flatMap(bypassesOf))];
      if (found.length > 0) out.push(fail(ins, `${quoteList(found, 3)}`, { key: instructionKey(ins) }));
    }
    return out;
  },
});
