// Differential tests: dpkg and rpm orderings against the real tools over thousands of pairs. Each
// tool runs once per test (a shell loop for dpkg, one Lua script inside rpm), not once per pair.
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { dpkgScheme } from "../../../src/vulndb/versions/dpkg.js";
import { rpmScheme } from "../../../src/vulndb/versions/rpm.js";
import { DPKG_TABLE, RPM_TABLE } from "./tables.js";
import { debianVersion, mutateVersion, pairsOf, random, rpmVersion } from "./generate.js";

function has(tool: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" }).status === 0;
}

const dir = mkdtempSync(join(tmpdir(), "mamori-versions-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** dpkg's answer (-1, 0, 1) for each pair, from one shell loop. */
function dpkgAnswers(pairs: [string, string][], name: string): Promise<string[]> {
  const file = join(dir, `dpkg-pairs-${name}.txt`);
  writeFileSync(file, pairs.map(([a, b]) => `${a} ${b}\n`).join(""));
  const script = `while IFS=' ' read -r a b; do
    if dpkg --compare-versions "$a" lt "$b" 2>/dev/null; then echo -1
    elif dpkg --compare-versions "$a" eq "$b" 2>/dev/null; then echo 0
    else echo 1; fi
  done < "$1"`;
  return new Promise((resolve, reject) => {
    execFile("bash", ["-c", script, "bash", file], { timeout: 60_000, maxBuffer: 1 << 24 }, (err, stdout) => {
      if (err) reject(err);
      else resolve(stdout.trim().split("\n"));
    });
  });
}

function sign(n: number): number {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

/** Pairs where Mamori and the tool disagree, shown as "a b: ours theirs". */
function disagreements(pairs: [string, string][], ours: (a: string, b: string) => number, theirs: string[]): string[] {
  expect(theirs.length).toBe(pairs.length);
  const out: string[] = [];
  pairs.forEach(([a, b], k) => {
    const mine = sign(ours(a, b));
    if (String(mine) !== theirs[k]) out.push(`${a} ${b}: mamori ${mine}, tool ${theirs[k]}`);
  });
  return out;
}

describe.skipIf(!has("dpkg"))("dpkg ordering matches dpkg --compare-versions", () => {
  const rnd = random(20240611);
  const mutate = mutateVersion(["~", "~rc1", "+b1", "a", ".0", ".1", "-1", "+deb12u1", "ubuntu0.1", "~bpo12+1", "0", "+", "."]);
  const generated = pairsOf(rnd, debianVersion, mutate, 2600).filter(([a, b]) => dpkgScheme.isValid(a) && dpkgScheme.isValid(b));
  const table = DPKG_TABLE.map(([a, , b]) => [a, b] as [string, string]);
  const pairs = [...table, ...generated];

  it("generates enough valid pairs", () => {
    expect(generated.length).toBeGreaterThan(2400);
  });

  it("orders every pair as dpkg does", async () => {
    // dpkg has no batch mode: two shell loops, one per core, each running dpkg once or twice a pair
    const half = Math.ceil(pairs.length / 2);
    const [first, second] = await Promise.all([dpkgAnswers(pairs.slice(0, half), "a"), dpkgAnswers(pairs.slice(half), "b")]);
    const theirs = [...first, ...second];
    for (const answer of ["-1", "0", "1"]) expect(theirs.filter((t) => t === answer).length).toBeGreaterThan(100);
    expect(disagreements(pairs, dpkgScheme.compare, theirs)).toEqual([]);
  }, 90_000);

  it("accepts exactly the versions dpkg accepts", () => {
    const crafted = ["1.0-", ":1.0", "a:1.0", "1:", "-1", "1:-1", "1.0--", "01:1.0", "1.0-a-b", "a1.0", "1.0_1", "1.0:1", "1:1:1", "99999999999:1", "2147483647:1", "2147483648:1", "000000000001:1", "~", "1-~"];
    const sample = [...crafted, ...generated.slice(0, 150).map(([a]) => a)];
    const file = join(dir, "dpkg-valid.txt");
    writeFileSync(file, sample.map((v) => `${v}\n`).join(""));
    const script = `while IFS= read -r v; do
      if dpkg --compare-versions "$v" eq "$v" 2>/dev/null; then echo 1; else echo 0; fi
    done < "$1"`;
    const r = spawnSync("bash", ["-c", script, "bash", file], { encoding: "utf8", timeout: 60_000 });
    const theirs = r.stdout.trim().split("\n");
    const wrong = sample.filter((v, k) => String(Number(dpkgScheme.isValid(v))) !== theirs[k]);
    expect(wrong).toEqual([]);
  }, 60_000);
});

const rpmPresent = has("rpm");

if (!rpmPresent) console.warn("rpm differential test skipped: the rpm tool is not installed (.ci/run installs it)");

describe("rpm ordering matches rpm's rpm.vercmp", () => {
  it.skipIf(!rpmPresent)("orders every pair as rpm does (skipped where the rpm tool is not installed)", () => {
    const rnd = random(19970101);
    const mutate = mutateVersion(["~", "^", "~rc1", "^git1", ".1", ".0", "a", "-1", "_1", "1", ".", "~~"]);
    const generated = pairsOf(rnd, rpmVersion, mutate, 3000).filter(([a, b]) => rpmScheme.isValid(a) && rpmScheme.isValid(b));
    expect(generated.length).toBeGreaterThan(2500);
    const pairs = [...RPM_TABLE.map(([a, , b]) => [a, b] as [string, string]), ...generated];
    const file = join(dir, "rpm-pairs.txt");
    writeFileSync(file, pairs.map(([a, b]) => `${a} ${b}\n`).join(""));
    const lua = `for line in io.lines("${file}") do local a, b = line:match("^(%S+) (%S+)$"); io.write(rpm.vercmp(a, b), "\\n") end`;
    const r = spawnSync("rpm", ["--eval", `%{lua: ${lua}}`], { encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(disagreements(pairs, rpmScheme.compare, r.stdout.trim().split("\n"))).toEqual([]);
  }, 90_000);
});
