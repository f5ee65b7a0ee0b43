// Picks a renderer by format name and writes its chunks to a stream.
import type { Report } from "../core/model.js";
import { InputError } from "../core/errors.js";
import { REPORT_FORMATS } from "./types.js";
import type { RenderOptions, Renderer, ReportFormat } from "./types.js";
import { renderHtml } from "./html.js";
import { renderJson } from "./json.js";
import { renderJunit } from "./junit.js";
import { renderSarif } from "./sarif.js";
import { renderTable } from "./table.js";

const RENDERERS: Record<ReportFormat, Renderer> = {
  table: renderTable,
  json: renderJson,
  sarif: renderSarif,
  junit: renderJunit,
  html: renderHtml,
};

const DEFAULT_OPTIONS: RenderOptions = { color: false };

export function renderer(format: ReportFormat): Renderer {
  // The format comes from the command line, so check it rather than trust the type.
  if (!Object.hasOwn(RENDERERS, format)) {
    throw new InputError(`--format ${String(format)}: unknown report format (expected one of ${REPORT_FORMATS.join(", ")})`);
  }
  return RENDERERS[format];
}

/** The whole report as one string: for tests and small outputs; use writeReport for files. */
export function renderToString(report: Report, format: ReportFormat, options: RenderOptions = DEFAULT_OPTIONS): string {
  return Array.from(renderer(format)(report, options)).join("");
}

/** Renderers yield many small chunks; writing them in batches of this size saves syscalls. */
const BATCH_CHARS = 64 * 1024;

/** Streams the report to `out`, waiting for 'drain' whenever the stream asks to. Does not end it. */
export async function writeReport(
  report: Report,
  format: ReportFormat,
  options: RenderOptions,
  out: NodeJS.WritableStream,
): Promise<void> {
  // An error can arrive while no write is pending; remember it rather than hang on a dead stream.
  let failure: Error | undefined;
  const onError = (e: Error) => {
    failure ??= e;
  };
  out.on("error", onError);
  let batch: string[] = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    const text = batch.join("");
    batch = [];
    size = 0;
    if (failure !== undefined) throw failure;
    if (!out.write(text)) await drained(out);
    if (failure !== undefined) throw failure;
  };
  try {
    for (const chunk of renderer(format)(report, options)) {
      batch.push(chunk);
      size += chunk.length;
      if (size >= BATCH_CHARS) await flush();
    }
    await flush();
  } finally {
    out.off("error", onError);
  }
}

function drained(out: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      out.off("drain", onDrain);
      out.off("error", onFail);
      out.off("close", onClose);
      if (err === undefined) resolve();
      else reject(err);
    };
    const onDrain = () => done();
    const onFail = (e: Error) => done(e);
    const onClose = () => done(new Error("output stream closed before the report was written"));
    out.on("drain", onDrain);
    out.on("error", onFail);
    out.on("close", onClose);
  });
}
