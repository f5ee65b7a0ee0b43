// Runs the real, built CLI (bin/mamori.js → dist/) as a user would.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const bin = join(repoRoot, "bin", "mamori.js");
export const built = existsSync(join(repoRoot, "dist", "cli", "main.js"));
export const notBuiltMessage = "dist/ is missing: run `npm run build` (npm test does it first)";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string>;
  input?: string | Buffer;
  timeoutMs?: number;
  /** Run as another uid/gid (through setpriv), e.g. to test unreadable files while root. */
  asUser?: number;
}

/** A fresh MAMORI_HOME per test file keeps the default store away from the user's. */
export function tempHome(): { home: string; cleanup: () => void } {
  const home = mkdtempSync(join(tmpdir(), "mamori-home-"));
  return { home, cleanup: () => rmSync(home, { recursive: true, force: true }) };
}

export function runCli(args: string[], o: CliOptions = {}): CliResult {
  const cmd = o.asUser !== undefined ? "setpriv" : process.execPath;
  const argv = o.asUser !== undefined ? [`--reuid=${o.asUser}`, `--regid=${o.asUser}`, "--clear-groups", process.execPath, bin, ...args] : [bin, ...args];
  const t = performance.now();
  const r = spawnSync(cmd, argv, {
    cwd: o.cwd ?? repoRoot,
    env: { ...process.env, CI: "true", NO_COLOR: "1", ...o.env },
    input: o.input ?? "",
    encoding: "utf8",
    timeout: o.timeoutMs ?? 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - t };
}

/** Starts a long-running CLI command; resolves once it prints a line matching `ready`. */
export function startCli(args: string[], ready: RegExp, o: CliOptions = {}): Promise<{ line: string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: o.cwd ?? repoRoot, env: { ...process.env, CI: "true", ...o.env } });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`no ready line in time; stdout: ${out} stderr: ${err}`));
    }, o.timeoutMs ?? 20_000);
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = out.split("\n").find((l) => ready.test(l));
      if (m) {
        clearTimeout(timer);
        resolve({
          line: m,
          stop: () =>
            new Promise((ok) => {
              child.once("exit", (code) => ok(code));
              child.kill("SIGTERM");
            }),
        });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code} before ready; stderr: ${err}`));
    });
  });
}
