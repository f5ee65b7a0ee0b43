import { fail } from "../define.js";
import { defineImageCheck, exampleConfig } from "./types.js";

export default defineImageCheck({
  id: "MAM-IMG-004",
  title: "Image history does not describe its layers",
  severity: "info",
  description:
    "The image configuration's history is how a reader (and Mamori's Dockerfile checks) can tell how each layer was " +
    "made. Here it is empty, says nothing (no created_by at all), or records a different number of layers than the " +
    "image has (rootfs.diff_ids): the image was squashed, rewritten by a tool that dropped the history, or edited " +
    "after the build. Its layers cannot be tied to build steps, and the checks on build steps saw nothing.",
  appliesTo: "image.Config",
  compliance: [{ framework: "cis-docker-1.6", control: "4.2" }],
  remediation: {
    text: "Build images with a builder that records history (docker build, BuildKit, buildah, kaniko), do not squash or strip it, and keep the Dockerfile under review beside the image.",
  },
  examples: {},
  imageExamples: {
    bad: [
      exampleConfig({ config: { Cmd: ["/app"] }, layers: 3 }),
      exampleConfig({ history: [{ created_by: "" }, { created_by: "" }] }),
      exampleConfig({
        history: [{ created_by: "/bin/sh -c #(nop) ADD file:9f1c3e5a7b2d4c6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e in / " }],
        layers: 4,
      }),
    ],
    good: [
      exampleConfig({
        history: [
          { created_by: "/bin/sh -c #(nop) ADD file:9f1c3e5a7b2d4c6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e in / " },
          { created_by: '/bin/sh -c #(nop)  CMD ["sh"]', empty_layer: true },
          { created_by: "COPY app /usr/local/bin/app # buildkit" },
        ],
      }),
      exampleConfig({ created: "1970-01-01T00:00:00Z", history: [{ created_by: "apko", comment: "This is an apko single-layer image" }] }),
    ],
  },
  evaluate(image) {
    const snippet = `"history": ${image.historyCount} entries, ${image.layerHistoryCount} with a layer; "rootfs.diff_ids": ${image.layerCount ?? "absent"}`;
    const at = { startLine: 1, endLine: 1 };
    if (image.historyCount === 0) {
      return fail(at, "the image has no history: how its layers were built cannot be read", { key: "no history", snippet });
    }
    if (image.describedHistoryCount === 0) {
      return fail(at, `none of the ${image.historyCount} history entries says how it was made (no created_by)`, { key: "history without created_by", snippet });
    }
    if (image.layerCount !== undefined && image.layerCount !== image.layerHistoryCount) {
      return fail(at, `the history records ${image.layerHistoryCount} layers but the image has ${image.layerCount}`, { key: "history and layers differ", snippet });
    }
    return undefined;
  },
});
