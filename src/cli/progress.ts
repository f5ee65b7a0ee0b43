// Progress on a terminal only: silent when stderr is not a TTY, in CI, or with --quiet.

export interface Progress {
  update(text: string): void;
  done(): void;
}

const SILENT: Progress = { update() {}, done() {} };

export function progress(quiet: boolean): Progress {
  const stream = process.stderr;
  if (quiet || !stream.isTTY || process.env.CI) return SILENT;
  let last = 0;
  let shown = false;
  return {
    update(text) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      stream.write(`\r\x1b[2K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
      shown = true;
    },
    done() {
      if (shown) stream.write("\r\x1b[2K");
      shown = false;
    },
  };
}
