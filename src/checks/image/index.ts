// The image checks, one module each; they run on the `image.Config` model beside the Dockerfile
// checks that run on an image's reconstructed history (see run.ts).
import historyLayers from "./history-layers.js";
import labelSecret from "./label-secret.js";
import pathWritable from "./path-writable.js";
import sensitivePort from "./sensitive-port.js";
import staleImage from "./stale-image.js";
import type { ImageCheck } from "./types.js";
import unverifiedInstall from "./unverified-install.js";

export const imageChecks: readonly ImageCheck[] = [staleImage, labelSecret, sensitivePort, historyLayers, pathWritable, unverifiedInstall];
