// The dpkg detector against dpkg itself, on the real Debian root filesystem of the test images
// (test/helpers/images.ts): the packages Mamori finds are exactly the ones
// `dpkg-query --admindir=<rootfs>/var/lib/dpkg -W` lists, with the same versions, architectures and
// source packages, and a package's owned files are what `dpkg-query -L` prints.
import { spawnSync } from "node:child_process";
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PackageURL } from "packageurl-js";
import { beforeAll, describe, expect, it } from "vitest";
import type { Analyzer, AnalyzerOutput } from "../../../src/analyzers/types.js";
import { dpkgAnalyzer } from "../../../src/packages/os/dpkg.js";
import { testImages, TEST_IMAGES_TIMEOUT_MS } from "../../helpers/images.js";
import { hasCommand, memoryFile } from "./helpers.js";

let rootfs: string | undefined;
let skip = "";

beforeAll(async () => {
  if (!hasCommand("dpkg-query")) {
    skip = "dpkg-query is not installed";
    return;
  }
  const images = await testImages();
  if ("skip" in images) skip = images.skip;
  else rootfs = images.rootfs;
}, TEST_IMAGES_TIMEOUT_MS);

/** A tiny driver: every file under var/lib/dpkg offered to the analyzer, as the real driver would. */
async function analyzeTree(root: string, analyzer: Analyzer): Promise<AnalyzerOutput[]> {
  const outs: AnalyzerOutput[] = [];
  const walk = async (rel: string): Promise<void> => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const path = `${rel}/${name}`;
      const st = lstatSync(join(root, path));
      if (st.isDirectory()) await walk(path);
      else if (analyzer.wants(path, st.size, st.mode)) {
        const out = await analyzer.analyze(memoryFile(path, readFileSync(join(root, path)), st.mode), { source: root });
        if (out) outs.push(out);
      }
    }
  };
  await walk("var/lib/dpkg");
  return outs;
}

function dpkgQuery(args: string[]): string {
  const r = spawnSync("dpkg-query", [`--admindir=${join(rootfs as string, "var/lib/dpkg")}`, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`dpkg-query ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

describe("dpkg detector against dpkg-query on the test image's root filesystem", () => {
  it("finds exactly the packages dpkg-query lists", async (ctx) => {
    if (rootfs === undefined) {
      console.warn(`dpkg differential test skipped: ${skip}`);
      ctx.skip();
      return;
    }
    const outs = await analyzeTree(rootfs, dpkgAnalyzer);
    const ours = outs
      .flatMap((o) => o.packages ?? [])
      .map((p) => {
        const arch = PackageURL.fromString(p.purl).qualifiers?.arch ?? "";
        return `${p.name} ${p.version} ${arch} ${p.source?.name ?? p.name} ${p.source?.version ?? p.version}`;
      })
      .sort();
    // Removed packages whose configuration files remain are listed by dpkg-query but not installed.
    const theirs = dpkgQuery(["-W", "-f", "${db:Status-Status} ${Package} ${Version} ${Architecture} ${source:Package} ${source:Version}\\n"])
      .split("\n")
      .filter((l) => l !== "" && !l.startsWith("not-installed ") && !l.startsWith("config-files "))
      .map((l) => l.slice(l.indexOf(" ") + 1))
      .sort();
    expect(theirs.length).toBeGreaterThan(50);
    expect(ours).toEqual(theirs);
    // A binNMU or a source of another name is among them: the Source field is read, not assumed.
    expect(ours.some((l) => l.startsWith("libc6 ") && l.includes(" glibc "))).toBe(true);
  });

  it("gives each package the installed packages its Depends and Pre-Depends name", async (ctx) => {
    if (rootfs === undefined) {
      ctx.skip();
      return;
    }
    const pkgs = (await analyzeTree(rootfs, dpkgAnalyzer)).flatMap((o) => o.packages ?? []);
    const nameOf = new Map(pkgs.map((p) => [p.purl, p.name]));
    const relations = new Map(
      dpkgQuery(["-W", "-f", "${Package}\\t${Pre-Depends}, ${Depends}\\t${Provides}\\n"])
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => {
          const [name, deps, provides] = l.split("\t");
          return [name ?? "", { deps: deps ?? "", provides: provides ?? "" }];
        }),
    );
    let edges = 0;
    for (const p of pkgs) {
      for (const d of p.dependsOn ?? []) {
        const target = nameOf.get(d);
        expect(target, `${p.name} -> ${d}`).toBeDefined();
        // The target is named in the relations, or provides a name that is.
        const named = (n: string): boolean => new RegExp(`(^|[,|]\\s*)${n.replace(/[.+]/g, "\\$&")}(\\s|:|,|$)`).test(relations.get(p.name)?.deps ?? "");
        const provides = (relations.get(target ?? "")?.provides ?? "").split(",").map((x) => x.trim().split(" ")[0] ?? "");
        expect(named(target ?? "") || provides.some((v) => v !== "" && named(v)), `${p.name} -> ${target}`).toBe(true);
        edges++;
      }
    }
    expect(edges).toBeGreaterThan(50);
    const bash = pkgs.find((p) => p.name === "bash");
    expect(bash?.dependsOn?.map((d) => nameOf.get(d))).toContain("base-files");
  });

  it("owns the files dpkg-query -L lists", async (ctx) => {
    if (rootfs === undefined) {
      ctx.skip();
      return;
    }
    const owned = new Map<string, string[]>();
    for (const o of (await analyzeTree(rootfs, dpkgAnalyzer)).flatMap((out) => out.ownedFiles ?? [])) owned.set(o.owner, o.paths);
    for (const name of ["bash", "libc6", "coreutils", "ca-certificates"]) {
      const listed = dpkgQuery(["-L", name])
        .split("\n")
        .filter((l) => l.startsWith("/") && l !== "/.")
        .map((l) => l.slice(1));
      expect(listed.length).toBeGreaterThan(3);
      expect(owned.get(name)?.slice().sort()).toEqual(listed.sort());
    }
  });
});
