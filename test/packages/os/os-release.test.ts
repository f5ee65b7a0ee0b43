// OS detection: os-release files as each distribution ships them (trimmed to the fields that
// matter, quoting kept), the older per-distribution files, and how pickOs chooses and completes.
import { describe, expect, it } from "vitest";
import type { OsInfo } from "../../../src/artifacts/types.js";
import { osReleaseAnalyzer, parseKeyValues, pickOs, readOsFile } from "../../../src/packages/os/os-release.js";
import { memoryFile } from "./helpers.js";

const OS_RELEASE: [label: string, text: string, expected: OsInfo][] = [
  [
    "Debian 12",
    `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
`,
    { family: "debian", version: "12", codename: "bookworm", prettyName: "Debian GNU/Linux 12 (bookworm)", ecosystem: "Debian:12" },
  ],
  [
    "Debian testing (no VERSION_ID)",
    `PRETTY_NAME="Debian GNU/Linux trixie/sid"
NAME="Debian GNU/Linux"
VERSION_CODENAME=trixie
ID=debian
`,
    { family: "debian", version: "", codename: "trixie", prettyName: "Debian GNU/Linux trixie/sid", ecosystem: "Debian:13" },
  ],
  [
    "Google distroless (Debian base-files)",
    `PRETTY_NAME="Distroless"
NAME="Debian GNU/Linux"
ID="debian"
VERSION_ID="12"
VERSION="Debian GNU/Linux 12 (bookworm)"
HOME_URL="https://github.com/GoogleContainerTools/distroless"
`,
    { family: "debian", version: "12", prettyName: "Distroless", ecosystem: "Debian:12" },
  ],
  [
    "Ubuntu 22.04",
    `PRETTY_NAME="Ubuntu 22.04.4 LTS"
NAME="Ubuntu"
VERSION_ID="22.04"
VERSION="22.04.4 LTS (Jammy Jellyfish)"
VERSION_CODENAME=jammy
ID=ubuntu
ID_LIKE=debian
UBUNTU_CODENAME=jammy
`,
    { family: "ubuntu", version: "22.04", codename: "jammy", prettyName: "Ubuntu 22.04.4 LTS", ecosystem: "Ubuntu:22.04" },
  ],
  [
    "Alpine 3.20",
    `NAME="Alpine Linux"
ID=alpine
VERSION_ID=3.20.3
PRETTY_NAME="Alpine Linux v3.20"
HOME_URL="https://alpinelinux.org/"
`,
    { family: "alpine", version: "3.20.3", prettyName: "Alpine Linux v3.20", ecosystem: "Alpine:v3.20" },
  ],
  [
    "Alpine edge",
    `NAME="Alpine Linux"
ID=alpine
VERSION_ID=3.21.0_alpha20240807
PRETTY_NAME="Alpine Linux edge"
`,
    { family: "alpine", version: "3.21.0_alpha20240807", prettyName: "Alpine Linux edge", ecosystem: "Alpine:v3.21" },
  ],
  [
    "AlmaLinux 9",
    `NAME="AlmaLinux"
VERSION="9.4 (Seafoam Ocelot)"
ID="almalinux"
ID_LIKE="rhel centos fedora"
VERSION_ID="9.4"
PLATFORM_ID="platform:el9"
PRETTY_NAME="AlmaLinux 9.4 (Seafoam Ocelot)"
`,
    { family: "almalinux", version: "9.4", prettyName: "AlmaLinux 9.4 (Seafoam Ocelot)", ecosystem: "AlmaLinux:9" },
  ],
  [
    "Rocky Linux 9",
    `NAME="Rocky Linux"
VERSION="9.3 (Blue Onyx)"
ID="rocky"
ID_LIKE="rhel centos fedora"
VERSION_ID="9.3"
PRETTY_NAME="Rocky Linux 9.3 (Blue Onyx)"
`,
    { family: "rocky", version: "9.3", prettyName: "Rocky Linux 9.3 (Blue Onyx)", ecosystem: "Rocky Linux:9" },
  ],
  [
    "Red Hat Enterprise Linux 9 (UBI)",
    `NAME="Red Hat Enterprise Linux"
VERSION="9.4 (Plow)"
ID="rhel"
ID_LIKE="fedora"
VERSION_ID="9.4"
PRETTY_NAME="Red Hat Enterprise Linux 9.4 (Plow)"
CPE_NAME="cpe:/o:redhat:enterprise_linux:9::baseos"
`,
    { family: "rhel", version: "9.4", prettyName: "Red Hat Enterprise Linux 9.4 (Plow)", ecosystem: "Red Hat:enterprise_linux:9.4" },
  ],
  [
    "Wolfi",
    `ID=wolfi
NAME="Wolfi"
PRETTY_NAME="Wolfi"
VERSION_ID="20230201"
`,
    { family: "wolfi", version: "20230201", prettyName: "Wolfi", ecosystem: "Wolfi" },
  ],
  [
    "Chainguard",
    `ID=chainguard
NAME="Chainguard"
PRETTY_NAME="Chainguard"
VERSION_ID="20230214"
`,
    { family: "chainguard", version: "20230214", prettyName: "Chainguard", ecosystem: "Chainguard" },
  ],
  [
    "SUSE Linux Enterprise Server 15 SP6 (BCI)",
    `NAME="SLES"
VERSION="15-SP6"
VERSION_ID="15.6"
PRETTY_NAME="SUSE Linux Enterprise Server 15 SP6"
ID="sles"
ID_LIKE="suse"
`,
    { family: "sles", version: "15.6", prettyName: "SUSE Linux Enterprise Server 15 SP6", ecosystem: "SUSE:Linux Enterprise Server 15 SP6" },
  ],
  [
    "openSUSE Leap 15.6",
    `NAME="openSUSE Leap"
VERSION="15.6"
ID="opensuse-leap"
ID_LIKE="suse opensuse"
VERSION_ID="15.6"
PRETTY_NAME="openSUSE Leap 15.6"
`,
    { family: "opensuse-leap", version: "15.6", prettyName: "openSUSE Leap 15.6", ecosystem: "openSUSE:Leap 15.6" },
  ],
  [
    "openSUSE Tumbleweed",
    `NAME="openSUSE Tumbleweed"
ID="opensuse-tumbleweed"
ID_LIKE="opensuse suse"
VERSION_ID="20240610"
PRETTY_NAME="openSUSE Tumbleweed"
`,
    { family: "opensuse-tumbleweed", version: "20240610", prettyName: "openSUSE Tumbleweed", ecosystem: "openSUSE:Tumbleweed" },
  ],
  [
    "openEuler 22.03 LTS SP3",
    `NAME="openEuler"
VERSION="22.03 (LTS-SP3)"
ID="openEuler"
VERSION_ID="22.03"
PRETTY_NAME="openEuler 22.03 (LTS-SP3)"
`,
    { family: "openeuler", version: "22.03", prettyName: "openEuler 22.03 (LTS-SP3)", ecosystem: "openEuler:22.03-LTS-SP3" },
  ],
  [
    "Photon OS 5",
    `NAME="VMware Photon OS"
VERSION="5.0"
ID=photon
VERSION_ID=5.0
PRETTY_NAME="VMware Photon OS/Linux"
`,
    { family: "photon", version: "5.0", prettyName: "VMware Photon OS/Linux", ecosystem: "Photon OS:5.0" },
  ],
  [
    "CentOS 7 (no OSV ecosystem)",
    `NAME="CentOS Linux"
VERSION="7 (Core)"
ID="centos"
VERSION_ID="7"
PRETTY_NAME="CentOS Linux 7 (Core)"
`,
    { family: "centos", version: "7", prettyName: "CentOS Linux 7 (Core)" },
  ],
  [
    "Amazon Linux 2023 (no OSV ecosystem)",
    `NAME="Amazon Linux"
VERSION="2023"
ID="amzn"
VERSION_ID="2023"
PRETTY_NAME="Amazon Linux 2023.4.20240528"
`,
    { family: "amzn", version: "2023", prettyName: "Amazon Linux 2023.4.20240528" },
  ],
];

describe("os-release", () => {
  it.each(OS_RELEASE)("%s", (_label, text, expected) => {
    expect(readOsFile("etc/os-release", text)).toEqual(expected);
    expect(readOsFile("usr/lib/os-release", text)).toEqual(expected);
  });

  it("reads shell quoting, escapes and comments as os-release(5) defines them", () => {
    const kv = parseKeyValues(`# comment
ID=debian
NAME="Say \\"hi\\" \\\\ \\$HOME"
VARIANT='single quoted # not a comment'
BAD LINE
=nokey
EMPTY=
`);
    expect(Object.fromEntries(kv)).toEqual({ ID: "debian", NAME: 'Say "hi" \\ $HOME', VARIANT: "single quoted # not a comment", EMPTY: "" });
  });

  it("a file without ID says nothing", () => {
    expect(readOsFile("etc/os-release", 'NAME="Linux"\n')).toBeUndefined();
    expect(readOsFile("etc/os-release", "../usr/lib/os-release")).toBeUndefined();
  });
});

describe("older release files", () => {
  const rows: [string, string, OsInfo | undefined][] = [
    ["etc/alpine-release", "3.18.4\n", { family: "alpine", version: "3.18.4", ecosystem: "Alpine:v3.18" }],
    ["etc/debian_version", "12.5\n", { family: "debian", version: "12.5", ecosystem: "Debian:12" }],
    ["etc/debian_version", "trixie/sid\n", { family: "debian", version: "", codename: "trixie", ecosystem: "Debian:13" }],
    ["etc/debian_version", "bookworm/sid\n", { family: "debian", version: "", codename: "bookworm", ecosystem: "Debian:12" }],
    ["etc/debian_version", "something else\n", undefined],
    [
      "etc/redhat-release",
      "Red Hat Enterprise Linux release 8.9 (Ootpa)\n",
      { family: "rhel", version: "8.9", codename: "Ootpa", prettyName: "Red Hat Enterprise Linux release 8.9 (Ootpa)", ecosystem: "Red Hat:enterprise_linux:8.9" },
    ],
    [
      "etc/centos-release",
      "CentOS Linux release 7.9.2009 (Core)\n",
      { family: "centos", version: "7.9.2009", codename: "Core", prettyName: "CentOS Linux release 7.9.2009 (Core)" },
    ],
    [
      "etc/rocky-release",
      "Rocky Linux release 8.9 (Green Obsidian)\n",
      { family: "rocky", version: "8.9", codename: "Green Obsidian", prettyName: "Rocky Linux release 8.9 (Green Obsidian)", ecosystem: "Rocky Linux:8" },
    ],
    [
      "etc/almalinux-release",
      "AlmaLinux release 8.10 (Cerulean Leopard)\n",
      { family: "almalinux", version: "8.10", codename: "Cerulean Leopard", prettyName: "AlmaLinux release 8.10 (Cerulean Leopard)", ecosystem: "AlmaLinux:8" },
    ],
    ["etc/redhat-release", "Some Other Linux release 1\n", undefined],
    [
      "etc/lsb-release",
      'DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=20.04\nDISTRIB_CODENAME=focal\nDISTRIB_DESCRIPTION="Ubuntu 20.04.6 LTS"\n',
      { family: "ubuntu", version: "20.04", codename: "focal", prettyName: "Ubuntu 20.04.6 LTS", ecosystem: "Ubuntu:20.04" },
    ],
  ];
  it.each(rows)("%s: %j", (path, text, expected) => {
    expect(readOsFile(path, text)).toEqual(expected);
  });
});

describe("pickOs", () => {
  const osRelease = readOsFile("etc/os-release", 'ID=debian\nPRETTY_NAME="Debian GNU/Linux"\n') as OsInfo;
  const debianVersion = readOsFile("etc/debian_version", "trixie/sid\n") as OsInfo;
  const ubuntu = readOsFile("usr/lib/os-release", "ID=ubuntu\nVERSION_ID=24.04\nVERSION_CODENAME=noble\n") as OsInfo;

  it("prefers etc/os-release to usr/lib/os-release and older files, whatever the order found", () => {
    const alpine = readOsFile("etc/alpine-release", "3.19.1") as OsInfo;
    const full = readOsFile("etc/os-release", "ID=alpine\nVERSION_ID=3.20.0\n") as OsInfo;
    expect(pickOs([{ path: "etc/alpine-release", os: alpine }, { path: "etc/os-release", os: full }])?.ecosystem).toBe("Alpine:v3.20");
    expect(pickOs([{ path: "usr/lib/os-release", os: ubuntu }, { path: "etc/os-release", os: full }])?.family).toBe("alpine");
  });

  it("completes Debian testing's release from etc/debian_version", () => {
    expect(osRelease.ecosystem).toBe("Debian");
    expect(pickOs([{ path: "etc/debian_version", os: debianVersion }, { path: "etc/os-release", os: osRelease }])).toEqual({
      family: "debian",
      version: "",
      codename: "trixie",
      prettyName: "Debian GNU/Linux",
      ecosystem: "Debian:13",
    });
  });

  it("does not complete from a file of another family (Ubuntu ships etc/debian_version)", () => {
    expect(pickOs([{ path: "etc/os-release", os: ubuntu }, { path: "etc/debian_version", os: debianVersion }])).toBe(ubuntu);
  });

  it("keeps the best file's answer as it is when nothing is missing", () => {
    const euler = readOsFile("etc/os-release", 'ID="openEuler"\nVERSION="22.03 (LTS-SP3)"\nVERSION_ID="22.03"\n') as OsInfo;
    expect(pickOs([{ path: "etc/os-release", os: euler }])?.ecosystem).toBe("openEuler:22.03-LTS-SP3");
  });

  it("no file: no OS", () => {
    expect(pickOs([])).toBeUndefined();
  });
});

describe("os-release analyzer", () => {
  it.each([
    ["etc/os-release", 100, 0o100644, true],
    ["usr/lib/os-release", 100, 0o644, true],
    ["etc/debian_version", 10, 0o100644, true],
    ["etc/os-release", 22, 0o120777, false], // symbolic link to usr/lib/os-release
    ["etc/os-release", 1024 * 1024, 0o100644, false],
    ["opt/etc/os-release", 100, 0o100644, false],
  ])("wants %s (size %d, mode %o): %s", (path, size, mode, wanted) => {
    expect(osReleaseAnalyzer.wants(path, size, mode)).toBe(wanted);
  });

  it("reports the OS of a file", async () => {
    const out = await osReleaseAnalyzer.analyze(memoryFile("etc/os-release", "ID=alpine\nVERSION_ID=3.20.3\n"), { source: "t" });
    expect(out).toEqual({ os: { family: "alpine", version: "3.20.3", ecosystem: "Alpine:v3.20" } });
  });
});
