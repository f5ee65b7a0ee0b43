// The image configuration checks together on one realistic image: exactly which findings, where,
// named by history entry or config field, with ids that survive a re-tag and a rebuild.
import { describe, expect, it } from "vitest";
import type { ImageConfigLike } from "../../../src/adapters/image-config.js";
import type { ImageConfig } from "../../../src/artifacts/image/types.js";
import { imageConfigCheckIds, runImageConfigChecks, scanImageConfig } from "../../../src/checks/image/run.js";
import { dockerChecks } from "../../../src/checks/docker/index.js";
import type { Finding } from "../../../src/core/model.js";
import { BUILDKIT_ALPINE, DEFAULT_PATH, LEGACY_DEBIAN, SHOP, imageConfig } from "./fixtures.js";

const NOW = new Date("2024-07-01T00:00:00Z");

const EXPECTED: [string, number, string][] = [
  ["MAM-DF-001", 1, "the image config sets no User, so the container runs as root"],
  ["MAM-DF-007", 1, "the image config has no Healthcheck"],
  ["MAM-IMG-001", 1, "the image was built on 2022-11-15, 593 days ago: it misses every fix published since"],
  ["MAM-DF-008", 5, "history[3]: apt-get install of curl, ca-certificates without a version pin"],
  ["MAM-DF-010", 5, "history[3]: apt-get update without removing /var/lib/apt/lists in the same RUN leaves the package index in the layer"],
  ["MAM-DF-013", 6, "history[4]: bash runs a script downloaded by curl from https://deb.nodesource.com/setup_20.x without verifying it"],
  ["MAM-DF-020", 8, "history[6]: MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors"],
  ["MAM-DF-005", 12, "history[10]: ARG NPM_TOKEN holds a credential recorded in the image; the default is recorded in the image history of every RUN that uses it"],
  ["MAM-DF-002", 14, "history[11]: ADD fetches https://example.com/geoip.mmdb at build time without verifying the content"],
  ["MAM-DF-008", 16, "history[13]: apt-get install of libvips42 without a version pin"],
  ["MAM-DF-009", 16, "history[13]: apt-get install of libvips42 without --no-install-recommends also installs recommended packages"],
  ["MAM-DF-014", 16, "history[13]: RUN uses sudo (sudo chmod): the image carries sudo and a user allowed to use it"],
  ["MAM-DF-016", 16, "history[13]: chmod 777 /srv/app/uploads makes files world-writable"],
  ["MAM-DF-018", 16, "history[13]: RUN changes directory with cd /srv/app; WORKDIR makes the directory explicit for what follows"],
  ["MAM-IMG-006", 16, "history[13]: apt-get --allow-unauthenticated installs unsigned packages"],
  ["MAM-DF-015", 17, "history[14]: EXPOSE 22/tcp publishes the SSH port 22"],
  ["MAM-IMG-003", 17, "history[14]: port 6379/tcp is Redis, a database: it belongs on a private network, never published beyond the application that uses it"],
  ["MAM-IMG-005", 19, "config.Env: PATH searches /tmp/tools, under /tmp, which any user of the container may write to"],
  ["MAM-DF-005", 21, "config.Env: ENV STRIPE_API_KEY holds a credential recorded in the image; it is stored in the image configuration, readable by anyone who can pull the image"],
  ["MAM-IMG-002", 23, "config.Labels: label com.example.registry-token holds a credential, readable by anyone who can pull the image"],
];

function brief(findings: readonly Finding[]): [string, number, string][] {
  return findings.map((f): [string, number, string] => [f.ruleId, f.location.startLine ?? 0, f.message ?? ""]);
}

describe("an image with many problems", () => {
  const { findings, warnings } = scanImageConfig(SHOP, "registry.example.com/shop:1.4.2", { now: NOW });

  it("finds exactly the expected problems, at the expected lines, named by history entry or config field", () => {
    expect(brief(findings)).toEqual(EXPECTED);
    expect(warnings).toEqual([]);
  });

  it("points at the reconstructed history and carries the checks' metadata", () => {
    const root = findings.find((f) => f.ruleId === "MAM-DF-001");
    expect(root?.location).toEqual({ path: "registry.example.com/shop:1.4.2:history", startLine: 1, endLine: 1 });
    expect(root?.snippet).toBe('"User": ""');
    expect(root?.severity).toBe("high");
    expect(root?.compliance).toEqual([{ framework: "cis-docker-1.6", control: "4.1" }]);
    const pipe = findings.find((f) => f.ruleId === "MAM-DF-013");
    expect(pipe?.snippet).toBe("RUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash -");
    const redis = findings.find((f) => f.ruleId === "MAM-IMG-003");
    expect(redis?.severity).toBe("low");
    expect(redis?.compliance).toEqual([{ framework: "cis-docker-1.6", control: "5.9" }]);
    const label = findings.find((f) => f.ruleId === "MAM-IMG-002");
    expect(label?.kind).toBe("secret");
    expect(label?.snippet).toBe("LABEL com.example.registry-token=rt_e****************");
    for (const f of findings) expect(f.id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
  });

  it("keeps finding ids across a re-tag and across a rebuild that adds a history entry", () => {
    const retagged = runImageConfigChecks(SHOP, "shop:1.4.3", { now: NOW });
    expect(retagged.map((f) => f.id)).toEqual(findings.map((f) => f.id));
    const history = [...(SHOP.history as object[])];
    history.splice(3, 0, { created_by: "/bin/sh -c #(nop)  ENV TZ=UTC", empty_layer: true });
    const rebuilt = runImageConfigChecks({ ...SHOP, history }, "shop:1.4.3", { now: NOW });
    expect(rebuilt.map((f) => [f.ruleId, f.location.startLine])).toEqual(findings.map((f) => [f.ruleId, (f.location.startLine ?? 0) + ((f.location.startLine ?? 0) > 4 ? 1 : 0)]));
    expect(new Set(rebuilt.map((f) => f.id))).toEqual(new Set(findings.map((f) => f.id)));
  });
});

describe("which Dockerfile checks run on images", () => {
  it("lists existing Dockerfile checks, without those that mean nothing on a history", () => {
    const ids = dockerChecks.map((c) => c.id);
    for (const id of imageConfigCheckIds) expect(ids).toContain(id);
    expect(ids.filter((id) => !imageConfigCheckIds.includes(id)).sort()).toEqual(["MAM-DF-004", "MAM-DF-006", "MAM-DF-019", "MAM-DF-024", "MAM-DF-025", "MAM-DF-027", ...Array.from({ length: 17 }, (_, i) => `MAM-DF-0${29 + i}`)].sort());
  });

  it.each<{ name: string; config: ImageConfigLike }>([
    {
      name: "the base image's CMD before the image's own (MAM-DF-019 would fire)",
      config: imageConfig({ User: "app", Env: [DEFAULT_PATH], Healthcheck: { Test: ["CMD", "/app", "-health"] } }, [...BUILDKIT_ALPINE, { created_by: "USER app", empty_layer: true }, { created_by: 'HEALTHCHECK &{["CMD" "/app" "-health"] "0s" "0s" "0s" "0s" \'\\x00\'}', empty_layer: true }, { created_by: 'CMD ["/app"]', empty_layer: true }]),
    },
    {
      name: "a credential-named ARG declared without a value (MAM-DF-006 would fire)",
      config: imageConfig({ User: "app", Env: [DEFAULT_PATH], Healthcheck: { Test: ["NONE"] } }, [...BUILDKIT_ALPINE, { created_by: "ARG GITHUB_TOKEN", empty_layer: true }, { created_by: "USER app", empty_layer: true }]),
    },
  ])("quiet on $name", ({ config }) => {
    expect(runImageConfigChecks(config, "x", { now: NOW }).map((f) => f.ruleId).filter((id) => id !== "MAM-DF-007")).toEqual([]);
  });

  it("leaves the base image's root filesystem alone (MAM-DF-003) but judges the image's own ADD", () => {
    const config = imageConfig({ User: "app", Env: [DEFAULT_PATH] }, [...LEGACY_DEBIAN, { created_by: "/bin/sh -c #(nop) ADD file:0a1b2c3d in /etc/app/ " }, { created_by: "ADD nginx.conf /etc/nginx/ # buildkit" }, { created_by: "USER app", empty_layer: true }]);
    const found = runImageConfigChecks(config, "x", { now: NOW }).filter((f) => f.ruleId === "MAM-DF-003");
    expect(brief(found)).toEqual([["MAM-DF-003", 5, "history[3]: ADD of local nginx.conf: COPY does the same without ADD's unpacking and URL handling"]]);
  });
});

describe("input", () => {
  it("accepts the image sources' ImageConfig as it is", () => {
    const config: ImageConfig = {
      architecture: "amd64",
      os: "linux",
      config: { User: "app", Env: [DEFAULT_PATH], Healthcheck: { Test: ["CMD", "/app", "-health"] } },
      history: [{ created_by: "COPY app /app # buildkit" }, { created_by: "USER app", empty_layer: true }],
      rootfs: { type: "layers", diff_ids: [`sha256:${"1".repeat(64)}`] },
    };
    expect(runImageConfigChecks(config, "app:1", { now: NOW })).toEqual([]);
  });
});
