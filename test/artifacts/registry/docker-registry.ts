// Debian's docker-registry (distribution 2.8) on 127.0.0.1, with its storage in a temp directory.
// It runs under `setpriv --pdeathsig KILL`, so the kernel stops it even when the test process
// dies without running its exit handlers.
import { spawn, spawnSync } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface RunningRegistry {
  /** "127.0.0.1:<port>" */
  host: string;
  stop(): Promise<void>;
}

export function missingTools(tools: string[]): string[] {
  return tools.filter((t) => spawnSync("sh", ["-c", `command -v ${t}`]).status !== 0);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export async function startDockerRegistry(): Promise<RunningRegistry> {
  const dir = mkdtempSync(join(tmpdir(), "mamori-registry-"));
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const config = join(dir, "config.yml");
  writeFileSync(
    config,
    ["version: 0.1", "log:", "  level: error", "storage:", "  filesystem:", `    rootdirectory: ${join(dir, "data")}`, "http:", `  addr: ${host}`, ""].join("\n"),
  );
  const usePdeathsig = missingTools(["setpriv"]).length === 0;
  const [cmd, args] = usePdeathsig
    ? ["setpriv", ["--pdeathsig", "KILL", "/usr/bin/docker-registry", "serve", config]]
    : ["/usr/bin/docker-registry", ["serve", config]];
  const child: ChildProcess = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (d: string) => {
    stderr = (stderr + d).slice(-4096);
  });
  const kill = (): void => void child.kill("SIGKILL");
  process.once("exit", kill);
  const stop = async (): Promise<void> => {
    process.off("exit", kill);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    try {
      const r = await fetch(`http://${host}/v2/`);
      if (r.status === 200) return { host, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`docker-registry did not start on ${host}: ${stderr.trim().split("\n").at(-1) ?? "no output"}`);
}
