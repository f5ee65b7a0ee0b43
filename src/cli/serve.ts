import type { Command } from "commander";
import { InputError } from "../core/errors.js";
import { contextOf } from "./context.js";

export function register(program: Command): void {
  program
    .command("serve")
    .description("serve the dashboard and the HTTP API over the store")
    .option("--port <n>", "TCP port (0 picks a free one)", "8420")
    .option("--host <address>", "address to listen on", "127.0.0.1")
    .option("--store <url>", "sqlite:PATH (default ~/.mamori/mamori.db) or postgres://...")
    .action(async (flags: { port: string; host: string; store?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError(`--port: "${flags.port}" is not a TCP port`);
      const { openStore } = await import("../store/index.js");
      const { createApp } = await import("../server/app.js");
      const store = await openStore(flags.store);
      const server = createApp(store);
      await new Promise<void>((ok, fail) => {
        server.once("error", (e: NodeJS.ErrnoException) =>
          fail(e.code === "EADDRINUSE" ? new InputError(`--port ${port}: address already in use`) : e.code === "EADDRNOTAVAIL" ? new InputError(`--host ${flags.host}: address not available`) : e),
        );
        server.listen(port, flags.host, () => ok());
      });
      const addr = server.address();
      const shown = typeof addr === "object" && addr ? `http://${flags.host.includes(":") ? `[${flags.host}]` : flags.host}:${addr.port}/` : String(addr);
      // The address goes to stdout so scripts and tests can read it; always printed.
      process.stdout.write(`Mamori dashboard at ${shown} (store ${store.location})\n`);
      ctx.trace("serving");
      const stop = (): void => {
        server.close();
        void store.close();
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      await new Promise<void>((ok) => server.once("close", () => ok()));
    });
}
