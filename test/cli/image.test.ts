// `mamori scan image`, `scan fs` and `sbom` as users run them, on the demo image and a source tree.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/core/model.js";
import { readSbom } from "../../src/packages/sbom/index.js";
import { built, notBuiltMessage, repoRoot, runCli } from "../helpers/cli.js";

let work: string;
let image: string;
let env: Record<string, string>;
const FAKE_KEY_ID = ["AKIA", "MAMQRIDEMQ", "234567"].join("");

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "mamori-image-cli-"));
  image = join(work, "storefront.tar");
  execFileSync(process.execPath, [join(repoRoot, "scripts", "build-demo-image.mjs"), image], { stdio: "ignore" });
  env = { MAMORI_HOME: join(work, "home") };
  if (built) expect(runCli(["db", "import", "demo/osv", "--kev", "demo/kev.json"], { env }).code).toBe(0);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!built)(`scan image, scan fs, sbom${built ? "" : ` (skipped: ${notBuiltMessage})`}`, () => {
  it("scan image finds the demo image's packages, vulnerabilities, secrets and configuration problems", () => {
    const r = runCli(["scan", "image", image, "--format", "json"], { env });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.targets).toEqual([{ type: "image", name: image }]);
    const pkgs = new Set((report.packages ?? []).map((p) => `${p.ecosystem}/${p.name}@${p.version}`));
    for (const p of ["Debian:12/libssl3@3.0.11-1~deb12u1", "Debian:12/tar@1.34+dfsg-1.2", "npm/lodash@4.17.20", "npm/minimist@1.2.5", "PyPI/requests@2.28.1"]) expect(pkgs).toContain(p);
    const vulns = new Set(report.findings.filter((f) => f.kind === "vulnerability").map((f) => `${f.ruleId} ${f.package?.name}`));
    for (const v of ["CVE-2021-23337 lodash", "CVE-2021-44906 minimist", "CVE-2023-32681 requests", "CVE-2023-5363 libssl3", "CVE-2005-2541 tar"]) expect(vulns).toContain(v);
    // The AWS key in a file that a later layer deleted is still found, and never shown.
    const key = report.findings.find((f) => f.kind === "secret" && f.location.path === "srv/app/.env");
    expect(key?.message).toMatch(/deleted in layer 3/);
    expect(r.stdout).not.toContain(FAKE_KEY_ID);
    expect(r.stdout).not.toContain("demo-Passw0rd-not-real");
    // The image configuration, through the Dockerfile checks on its history.
    const config = new Set(report.findings.filter((f) => f.ruleId.startsWith("MAM-DF-")).map((f) => f.ruleId));
    for (const id of ["MAM-DF-001", "MAM-DF-005", "MAM-DF-015", "MAM-DF-007"]) expect(config).toContain(id);
    // The ENV password is one finding (the Dockerfile check's), not one more from the generic secret rule.
    const envPassword = report.findings.filter((f) => f.kind === "secret" && /Env|history/.test(f.location.path ?? "") && f.ruleId !== "MAM-DF-005");
    expect(envPassword).toEqual([]);
  });

  it("a rescan reads every layer from the cache and reports nothing new", () => {
    const first = runCli(["scan", "image", image, "--format", "json", "--debug"], { env });
    const second = runCli(["scan", "image", image, "--format", "json", "--debug"], { env });
    expect(second.stderr).toMatch(/3 layers from the cache/);
    const a = JSON.parse(first.stdout) as Report;
    const b = JSON.parse(second.stdout) as Report;
    expect(b.history).toMatchObject({ newCount: 0, fixedCount: 0 });
    expect(b.findings.map((f) => f.id).sort()).toEqual(a.findings.map((f) => f.id).sort());
  });

  it("a license policy in mamori.yaml turns denied licenses into findings; dpkg licenses come from copyright files", () => {
    const dir = join(work, "policy");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "mamori.yaml"), "license:\n  deny: [GPL-3.0-only]\n");
    const r = runCli(["scan", "image", image, "--format", "json", "--no-store"], { env, cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    const lic = report.findings.filter((f) => f.kind === "license");
    expect(lic.map((f) => `${f.ruleId} ${f.package?.name}`)).toEqual(["MAM-LIC-001 tar"]);
  });

  it("--scanners narrows what is looked for", () => {
    const r = runCli(["scan", "image", image, "--format", "json", "--no-store", "--scanners", "secret"], { env });
    const report = JSON.parse(r.stdout) as Report;
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every((f) => f.kind === "secret")).toBe(true);
    const bad = runCli(["scan", "image", image, "--scanners", "vuln,viruses"], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('error: --scanners: unknown scanner "viruses" (use vuln, secret, malware, config, license)');
  });

  it.each(["cyclonedx-json", "spdx-json"])("sbom --format %s lists the image's packages, readable back", (format) => {
    const r = runCli(["sbom", image, "--format", format], { env });
    expect(r.code, r.stderr).toBe(0);
    const sbom = readSbom(r.stdout, "out");
    const names = sbom.packages.map((p) => p.name);
    for (const n of ["libssl3", "tar", "lodash", "minimist", "requests"]) expect(names).toContain(n);
    expect(sbom.packages.find((p) => p.name === "libssl3")?.ecosystem).toBe("Debian:12");
  });

  it("sbom of a source tree keeps the lock file's dependency relationships, in both formats", () => {
    const tree = join(work, "deps");
    mkdirSync(tree, { recursive: true });
    writeFileSync(
      join(tree, "package-lock.json"),
      JSON.stringify({
        name: "web",
        lockfileVersion: 3,
        packages: { "": { name: "web", dependencies: { express: "^4" } }, "node_modules/express": { version: "4.18.2", dependencies: { qs: "6.11.0" } }, "node_modules/qs": { version: "6.11.0" } },
      }),
    );
    const cdx = JSON.parse(runCli(["sbom", tree, "--format", "cyclonedx-json", "--no-store"], { env }).stdout) as {
      components: { "bom-ref": string; purl: string }[];
      dependencies: { ref: string; dependsOn?: string[] }[];
    };
    const refOf = (purl: string) => cdx.components.find((c) => c.purl === purl)?.["bom-ref"];
    const express = cdx.dependencies.find((d) => d.ref === refOf("pkg:npm/express@4.18.2"));
    expect(express?.dependsOn).toEqual([refOf("pkg:npm/qs@6.11.0")]);
    const spdx = JSON.parse(runCli(["sbom", tree, "--format", "spdx-json", "--no-store"], { env }).stdout) as { relationships: { relationshipType: string }[] };
    expect(spdx.relationships.some((r) => r.relationshipType === "DEPENDS_ON")).toBe(true);
  });

  it("sbom of a Debian root filesystem links dpkg packages by Depends, with the distribution's purls", () => {
    const root = join(work, "debroot");
    mkdirSync(join(root, "etc"), { recursive: true });
    mkdirSync(join(root, "var/lib/dpkg"), { recursive: true });
    writeFileSync(join(root, "etc/os-release"), 'ID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\n');
    const stanza = (name: string, extra: string): string => `Package: ${name}\nStatus: install ok installed\nVersion: 1.0-1\nArchitecture: amd64\n${extra}`;
    writeFileSync(
      join(root, "var/lib/dpkg/status"),
      [
        stanza("app", "Depends: libc6 (>= 2.34), mawk | gawk, not-installed-lib\nPre-Depends: dpkg (>= 1.19)\n"),
        stanza("libc6", ""),
        stanza("mawk", "Provides: awk\n"),
        stanza("dpkg", "Depends: awk\n"),
      ].join("\n"),
    );
    const cdx = JSON.parse(runCli(["sbom", root, "--format", "cyclonedx-json", "--no-store"], { env }).stdout) as {
      components: { "bom-ref": string; purl: string; name: string }[];
      dependencies: { ref: string; dependsOn?: string[] }[];
    };
    const nameOf = (ref: string) => cdx.components.find((c) => c["bom-ref"] === ref)?.name;
    const deps = (name: string) => cdx.dependencies.find((d) => nameOf(d.ref) === name)?.dependsOn?.map(nameOf).sort();
    expect(cdx.components.find((c) => c.name === "app")?.purl).toBe("pkg:deb/debian/app@1.0-1?arch=amd64&distro=debian-12");
    expect(deps("app")).toEqual(["dpkg", "libc6", "mawk"]);
    // A virtual package ("awk") resolves to the installed package that provides it.
    expect(deps("dpkg")).toEqual(["mawk"]);
  });

  it("scan fs finds lock-file vulnerabilities, secrets and IaC problems in a source tree", () => {
    const tree = join(work, "tree");
    mkdirSync(join(tree, "web"), { recursive: true });
    writeFileSync(
      join(tree, "web", "package-lock.json"),
      JSON.stringify({ name: "web", lockfileVersion: 3, packages: { "": { name: "web" }, "node_modules/minimist": { version: "1.2.5" } } }),
    );
    writeFileSync(join(tree, "web", "Dockerfile"), "FROM node:latest\nCMD [\"node\"]\n");
    writeFileSync(join(tree, "config.env"), `AWS_ACCESS_KEY_ID=${FAKE_KEY_ID}\n`);
    const r = runCli(["scan", "fs", tree, "--format", "json", "--no-store"], { env });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.targets).toEqual([{ type: "fs", name: tree }]);
    const ids = report.findings.map((f) => f.ruleId);
    expect(ids).toContain("CVE-2021-44906");
    expect(ids).toContain("MAM-DF-004");
    expect(report.findings.some((f) => f.kind === "secret" && f.location.path === "config.env")).toBe(true);
    expect(r.stdout).not.toContain(FAKE_KEY_ID);
  });

  it("bad input: a missing file, not an image, an unreachable loopback registry", () => {
    const missing = runCli(["scan", "image", join(work, "nope.tar"), "--no-store"], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    const notImage = join(work, "not-an-image.tar");
    writeFileSync(notImage, "hello");
    const n = runCli(["scan", "image", notImage, "--no-store"], { env });
    expect(n.code).toBe(2);
    expect(n.stderr.trim().split("\n")).toHaveLength(1);
    expect(n.stderr).toMatch(/not-an-image\.tar/);
    const reg = runCli(["scan", "image", "127.0.0.1:9/mamori/none:1", "--insecure", "--no-store"], { env, timeoutMs: 30_000 });
    expect(reg.code).toBe(2);
    expect(reg.stderr.trim().split("\n")).toHaveLength(1);
    expect(reg.stderr).toMatch(/127\.0\.0\.1:9/);
  });
});
