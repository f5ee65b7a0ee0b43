import { fail } from "../define.js";
import { defineImageCheck, exampleConfig } from "./types.js";

const MAX_AGE_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;
// Reproducible builds pin the date (SOURCE_DATE_EPOCH=0 gives 1970, buildpacks write 1980): such a
// date says nothing about when the image was built, so dates before this one are not judged.
const PINNED_BEFORE = Date.UTC(2000, 0, 1);

const BASE = [
  { created_by: "/bin/sh -c #(nop) ADD file:3e1e2c9d0b1a7f4c5e6d8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d in / " },
  { created_by: '/bin/sh -c #(nop)  CMD ["bash"]', empty_layer: true },
];

export default defineImageCheck({
  id: "MAM-IMG-001",
  title: "Image not rebuilt for more than a year",
  severity: "low",
  description:
    "The image configuration says the image was built more than 365 days ago. Every package in it, from the base " +
    "image up, is as old as that build: fixes published since are missing until the image is rebuilt on a fresh " +
    "base. Images built reproducibly carry a fixed date (1970 or 1980) that says nothing about their age and are not " +
    "judged, nor is a date in the future.",
  appliesTo: "image.Config",
  compliance: [{ framework: "cis-docker-1.6", control: "4.4" }],
  remediation: { text: "Rebuild the image regularly (for instance weekly, and whenever the base image is updated) with `docker build --pull --no-cache`, and redeploy." },
  examples: {},
  imageExamples: {
    bad: [exampleConfig({ created: "2021-03-04T10:15:00Z", history: BASE })],
    good: [
      exampleConfig({ created: "1970-01-01T00:00:00Z", history: [{ created_by: "bazel build //app:image" }] }),
      exampleConfig({ created: "1980-01-01T00:00:01Z", history: [{ created_by: "Buildpacks Application Launcher" }] }),
      exampleConfig({ history: BASE }),
    ],
  },
  evaluate(image) {
    if (!image.created) return undefined;
    const built = Date.parse(image.created.value);
    const now = Date.parse(image.now);
    if (Number.isNaN(built) || built < PINNED_BEFORE || built > now) return undefined;
    const days = Math.floor((now - built) / DAY_MS);
    if (days <= MAX_AGE_DAYS) return undefined;
    const date = new Date(built).toISOString().slice(0, 10);
    return fail(image.created, `the image was built on ${date}, ${days} days ago: it misses every fix published since`, {
      key: `built more than ${MAX_AGE_DAYS} days ago`,
      snippet: `"created": ${JSON.stringify(image.created.value)}`,
    });
  },
});
