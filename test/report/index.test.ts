import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors.js";
import { renderer, renderToString, writeReport } from "../../src/report/index.js";
import { REPORT_FORMATS } from "../../src/report/types.js";
import type { ReportFormat } from "../../src/report/types.js";
import { manyFindings, sampleReport } from "./fixture.js";

/** A writable that accepts little at a time and completes writes asynchronously. */
function slowSink(): { stream: Writable; text: () => string; drains: () => number } {
  const parts: string[] = [];
  let drains = 0;
  const stream = new Writable({
    highWaterMark: 1024,
    decodeStrings: false,
    write(chunk: string, _enc, cb) {
      parts.push(chunk);
      setImmediate(cb);
    },
  });
  stream.on("drain", () => drains++);
  return { stream, text: () => parts.join(""), drains: () => drains };
}

describe("report index", () => {
  it.each(REPORT_FORMATS.map((f) => [f]))("has a renderer for %s", (format) => {
    expect(typeof renderer(format)).toBe("function");
    expect(renderToString(sampleReport(), format).length).toBeGreaterThan(0);
  });

  it("rejects an unknown format as a user error", () => {
    expect(() => renderer("xml" as ReportFormat)).toThrow(InputError);
    expect(() => renderer("toString" as ReportFormat)).toThrow(InputError);
  });

  it.each(["json", "sarif", "html"] as const)("writeReport(%s) writes exactly the rendered text, waiting for drain", async (format) => {
    const report = manyFindings(3000);
    const sink = slowSink();
    await writeReport(report, format, { color: false }, sink.stream);
    expect(sink.text()).toBe(renderToString(report, format, { color: false }));
    expect(sink.drains()).toBeGreaterThan(0);
  });

  it("writeReport rejects when the stream fails", async () => {
    const failing = new Writable({
      highWaterMark: 16,
      write(_chunk, _enc, cb) {
        setImmediate(() => cb(new Error("disk full")));
      },
    });
    failing.on("error", () => {});
    await expect(writeReport(manyFindings(3000), "json", { color: false }, failing)).rejects.toThrow("disk full");
  });
});

describe("writeReport on a stream that goes away", () => {
  it("rejects instead of waiting for a drain that never comes", async () => {
    const closing = new Writable({
      highWaterMark: 16,
      write(_chunk, _enc, _cb) {
        // Never completes the write; the stream is torn down instead (a closed pipe, say).
        setImmediate(() => closing.destroy());
      },
    });
    await expect(writeReport(manyFindings(2000), "json", { color: false }, closing)).rejects.toThrow(/closed/);
  });
});
