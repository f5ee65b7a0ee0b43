// Version generators for the differential and property tests: seeded, so a failure reproduces.

/** A small deterministic PRNG (mulberry32): the same seed gives the same versions on every run. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}

function number(rnd: () => number): string {
  return pick(rnd, ["0", "1", "2", "3", "9", "10", "11", "99", "100", "01", "007", "20230101", "123456789012345678901"]);
}

/** Versions as Debian and Ubuntu write them, with their backport, security and rebuild suffixes. */
export const REAL_DEBIAN = [
  "2.36-9+deb12u4", "1:2.38.1-5+deb12u1", "3.0.11-1~deb12u2", "7.88.1-10+deb12u5", "1.2.13.dfsg-1",
  "252.22-1~deb12u1", "2.2.40-1.1", "1:9.2p1-2+deb12u2", "5.2.15-2+b2", "0.0~git20230101.abc1234-1",
  "1.0~rc1-1", "4:11.3.0-1ubuntu1~22.04", "2.35-0ubuntu3.6", "1.1.1f-1ubuntu2.20", "8.2.3995-1ubuntu2.15",
  "1:1.2.11.dfsg-2ubuntu9.2", "20230311ubuntu0.22.04.1", "2024a-0ubuntu0.22.04", "1.21.1ubuntu2.2",
  "3.0.2-0ubuntu1.15", "2.4.52-1ubuntu4.7", "1.18.0-6ubuntu14.4", "12.18-0+deb12u1", "1.9.4p2-3+deb12u1",
  "6.1.0-18", "6.1.76-1", "5.10.209-2~bpo11+1", "2:4.17.12+dfsg-0+deb12u1", "1:8.7-2", "2.9.14+dfsg-1.3~deb12u1",
  "0.9.8-1+really0.9.7-1", "1.0+ds-1", "1.0+ds1-1", "1.0.0~beta2+dfsg-3", "3.1.3-1ubuntu0.1~esm2",
];

/** A Debian version built from the pieces real ones are made of; `rnd` decides every choice. */
export function debianVersion(rnd: () => number): string {
  if (rnd() < 0.15) return pick(rnd, REAL_DEBIAN);
  let v = rnd() < 0.2 ? `${pick(rnd, ["0", "1", "2", "10"])}:` : "";
  v += number(rnd);
  const parts = Math.floor(rnd() * 4);
  for (let k = 0; k < parts; k++) v += pick(rnd, [".", ".", ".", "+", "~", ""]) + number(rnd);
  if (rnd() < 0.15) v += pick(rnd, ["a", "b", "p1", "z", "A"]);
  if (rnd() < 0.3) v += pick(rnd, ["~rc1", "~beta2", "~~", "~", "+dfsg", "+ds1", "+git20230101.abc", "+really1.2", ".dfsg", "~bpo11+1"]);
  if (v.includes(":") && rnd() < 0.05) v += ":1";
  if (rnd() < 0.8) {
    v += `-${pick(rnd, ["0", "1", "2", "10", "1ubuntu0.2", "1ubuntu0.10", "0ubuntu1~22.04.1", "2+deb12u1", "2+deb12u10", "1build1", "3.1", "1~bpo12+1", "1+b1", "1.1+b2", "0+deb11u1", "1ubuntu1.1~esm1", "a", "~1"])}`;
    if (rnd() < 0.1) v = v.replace("-", "-x-");
  }
  if (rnd() < 0.03) v = v.replace(/^\d+:?/, "") || "1";
  return v;
}

/** Pairs worth comparing: mostly a version and a small change of it, so comparisons go deep. */
export function pairsOf(rnd: () => number, gen: (rnd: () => number) => string, mutate: (v: string, rnd: () => number) => string, n: number): [string, string][] {
  const out: [string, string][] = [];
  for (let k = 0; k < n; k++) {
    const a = gen(rnd);
    const r = rnd();
    const b = r < 0.35 ? gen(rnd) : r < 0.45 ? a : mutate(a, rnd);
    out.push(rnd() < 0.5 ? [a, b] : [b, a]);
  }
  return out;
}

/** One small edit: a digit changed, a piece appended or removed. */
export function mutateVersion(pieces: readonly string[]): (v: string, rnd: () => number) => string {
  return (v, rnd) => {
    const r = rnd();
    const at = Math.floor(rnd() * v.length);
    if (r < 0.3) {
      const c = v[at]!;
      if (c >= "0" && c <= "9") return v.slice(0, at) + pick(rnd, ["0", "1", "9", "00", "10"]) + v.slice(at + 1);
    }
    if (r < 0.6) return v + pick(rnd, pieces);
    if (r < 0.8 && v.length > 1) return v.slice(0, -1);
    return v.slice(0, at) + pick(rnd, pieces) + v.slice(at);
  };
}

/** RPM versions as Red Hat, Fedora and SUSE write them, with tilde and caret pre- and post-releases. */
export const REAL_RPM = [
  "1.2.3-4.el9", "0:1.2.3-4.el9_2.1", "2:8.2.2637-20.el9_1", "1.0~rc1-1.fc38", "1.0^20230101git1a2b3c-1",
  "4.18.0-477.10.1.el9_2", "3.0.7-16.el9_2", "1:1.1.1k-9.el8_7", "2.28-225.el9", "5.14.0-362.8.1.el9_3",
  "1.0-1.module+el8.1.0+1234+abcdef", "2.9.13-3.el9_2.1", "7.76.1-26.el9_3.2", "1.2.11-40.el9", "3.11.5-1.1",
  "15.0.1-150500.3.3.1", "2.37.4-150500.9.6.1", "4.16.1.3-150300.3.9.1", "0.9.6^git20220101-2.fc37",
];

export function rpmVersion(rnd: () => number): string {
  if (rnd() < 0.15) return pick(rnd, REAL_RPM);
  let v = rnd() < 0.2 ? `${pick(rnd, ["0", "1", "2", "00", ""])}:` : "";
  v += rnd() < 0.05 ? pick(rnd, ["a", "rc", "Z"]) : number(rnd);
  const parts = Math.floor(rnd() * 5);
  for (let k = 0; k < parts; k++) {
    v += pick(rnd, [".", ".", ".", "_", "+", "~", "^", "", "..", "%"]);
    v += rnd() < 0.7 ? number(rnd) : pick(rnd, ["a", "b", "rc", "git", "pre", "B", "Z", "p"]);
  }
  if (rnd() < 0.1) v += pick(rnd, ["~", "^", "~rc1", "^git1", ".", "a"]);
  if (rnd() < 0.75) {
    v += `-${pick(rnd, ["1", "2", "10", "1.el9", "4.el9_2.1", "20.el9_1", "1.fc38", "0.1.rc1.fc39", "150500.3.3.1", "1~beta", "1^post", "a", "1.module+el8+1+ab"])}`;
  }
  return v;
}
