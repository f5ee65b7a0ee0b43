// The real test images of scripts/test-images/build.sh, built once per machine and per version of
// the script: every test file (and every vitest worker) shares one build under
// os.tmpdir()/mamori-test-images/<hash of the script and its layer files>/.
// Call it from a beforeAll with TEST_IMAGES_TIMEOUT_MS: a cold build downloads Debian packages.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export interface TestImages {
  /** The image's final filesystem (whiteouts applied), unpacked by umoci. */
  rootfs: string;
  /** OCI image layout directory; its manifest is tagged `tag`. */
  ociDir: string;
  /** The same layout as a tar. */
  ociTar: string;
  /** docker-archive (skopeo) whose RepoTags hold `repoTag`. */
  dockerArchive: string;
  /** The OCI layout's tag: "1". */
  tag: string;
  /** The docker-archive's repository tag: "mamori/test:1". */
  repoTag: string;
}

export const TEST_IMAGES_TIMEOUT_MS = 600_000;

const scriptDir = fileURLToPath(new URL("../../scripts/test-images/", import.meta.url));
const buildTimeoutMs = 480_000;
/** A failed build (network down) is not retried by every test file of the same run. */
const failureTtlMs = 10 * 60_000;
const requiredTools = ["mmdebstrap", "umoci", "skopeo", "tar"];

let memo: Promise<TestImages | { skip: string }> | undefined;

export function testImages(): Promise<TestImages | { skip: string }> {
  memo ??= buildOnce();
  return memo;
}

async function buildOnce(): Promise<TestImages | { skip: string }> {
  const missing = requiredTools.filter((t) => spawnSync("sh", ["-c", `command -v ${t}`]).status !== 0);
  if (missing.length > 0) return { skip: `test images need ${missing.join(", ")} (not installed)` };

  const root = join(tmpdir(), "mamori-test-images");
  const base = join(root, scriptHash());
  mkdirSync(base, { recursive: true });
  const images = result(join(base, "images"));
  const done = join(base, "done");
  const failed = join(base, "failed");
  const lock = join(base, "lock");

  for (;;) {
    if (existsSync(done)) return images;
    const failure = recentFailure(failed);
    if (failure !== undefined) return { skip: failure };
    if (takeLock(lock)) break;
    await sleep(1000);
  }
  try {
    if (existsSync(done)) return images;
    removeOtherBuilds(root, base);
    const out = join(base, `build-${process.pid}`);
    rmSync(out, { recursive: true, force: true });
    const r = await run(join(scriptDir, "build.sh"), [out], buildTimeoutMs);
    if (r.code !== 0) {
      rmSync(out, { recursive: true, force: true });
      const reason = `test image build failed (${r.code === null ? "timed out" : `exit ${r.code}`}): ${firstError(r.stderr)}`;
      writeFileSync(failed, reason);
      return { skip: reason };
    }
    rmSync(join(base, "images"), { recursive: true, force: true });
    renameSync(out, join(base, "images"));
    writeFileSync(done, new Date().toISOString());
    rmSync(failed, { force: true });
    return images;
  } finally {
    rmSync(lock, { force: true });
  }
}

function result(dir: string): TestImages {
  return {
    rootfs: join(dir, "rootfs"),
    ociDir: join(dir, "oci"),
    ociTar: join(dir, "oci.tar"),
    dockerArchive: join(dir, "image.tar"),
    tag: "1",
    repoTag: "mamori/test:1",
  };
}

/** Any change to the script or to a file it layers in makes a new build. */
function scriptHash(): string {
  const h = createHash("sha256");
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(`${relative(scriptDir, p)}\0`).update(readFileSync(p)).update("\0");
    }
  };
  walk(scriptDir);
  return h.digest("hex").slice(0, 16);
}

function recentFailure(file: string): string | undefined {
  try {
    if (Date.now() - statSync(file).mtimeMs > failureTtlMs) return undefined;
    return `${readFileSync(file, "utf8")} (cached for ${failureTtlMs / 60_000} min; delete ${file} to retry)`;
  } catch {
    return undefined;
  }
}

/** An exclusive lock file holding the builder's pid; a dead builder's lock is taken over. */
function takeLock(lock: string): boolean {
  try {
    const fd = openSync(lock, "wx");
    writeFileSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  let holder = NaN;
  try {
    holder = Number(readFileSync(lock, "utf8"));
  } catch {
    return false; // released meanwhile: try again
  }
  // A lock that is still empty is being written by its taker; give it a moment.
  if (!Number.isInteger(holder) || holder <= 0) {
    const st = statSync(lock, { throwIfNoEntry: false });
    if (st !== undefined && Date.now() - st.mtimeMs > 10_000) rmSync(lock, { force: true });
    return false;
  }
  if (!alive(holder)) rmSync(lock, { force: true });
  return false;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Builds of older script versions are ~500 MB each: drop them unless a live process holds them. */
function removeOtherBuilds(root: string, keep: string): void {
  for (const name of readdirSync(root)) {
    const dir = join(root, name);
    if (dir === keep) continue;
    let holder = NaN;
    try {
      holder = Number(readFileSync(join(dir, "lock"), "utf8"));
    } catch {
      // no lock: nobody is building there
    }
    if (Number.isInteger(holder) && holder > 0 && alive(holder)) continue;
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    // Its own process group, so that mmdebstrap and apt go down with the script.
    const child = spawn("sh", [cmd, ...args], { stdio: ["ignore", "ignore", "pipe"], detached: true });
    const killChild = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    };
    // The build must not outlive a crashed test run.
    process.once("exit", killChild);
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr = (stderr + d).slice(-8192);
    });
    const timer = setTimeout(killChild, timeoutMs);
    child.on("error", (e) => {
      stderr += `\n${e.message}`;
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      process.off("exit", killChild);
      resolve({ code: signal === null ? code : null, stderr });
    });
  });
}

/** The first error line says why (mmdebstrap's last ones only say that it failed). */
function firstError(text: string): string {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("I: "));
  return (lines.find((l) => l.startsWith("E: ")) ?? lines.at(-1) ?? "no output").slice(0, 300);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
