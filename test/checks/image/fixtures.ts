// Image configs as builders write them, for the image configuration tests.
import type { ImageConfigLike } from "../../../src/adapters/image-config.js";

export interface HistoryItem {
  created_by?: string;
  empty_layer?: boolean;
  created?: string;
  comment?: string;
}

/** An image config with the given runtime config and history; one diff_id per history entry that made a layer. */
export function imageConfig(config: Record<string, unknown>, history: HistoryItem[], created = "2024-05-02T09:30:00Z"): ImageConfigLike {
  const layers = history.filter((h) => h.empty_layer !== true).length;
  return {
    created,
    config,
    history,
    rootfs: { type: "layers", diff_ids: Array.from({ length: layers }, (_, i) => `sha256:${String(i).padStart(64, "0")}`) },
  };
}

/** A Debian base as the legacy builder recorded it. */
export const LEGACY_DEBIAN: HistoryItem[] = [
  { created: "2024-04-23T00:20:32Z", created_by: "/bin/sh -c #(nop) ADD file:d3b7c1e2f4a6b8c0d2e4f6a8b0c2d4e6f8a0b2c4d6e8f0a2b4c6d8e0f2a4b6c8 in / " },
  { created: "2024-04-23T00:20:32Z", created_by: '/bin/sh -c #(nop)  CMD ["bash"]', empty_layer: true },
];

/** An Alpine base as BuildKit recorded it. */
export const BUILDKIT_ALPINE: HistoryItem[] = [
  { created: "2024-06-20T17:58:16Z", created_by: "ADD alpine-minirootfs-3.20.1-x86_64.tar.gz / # buildkit", comment: "buildkit.dockerfile.v0" },
  { created: "2024-06-20T17:58:16Z", created_by: 'CMD ["/bin/sh"]', comment: "buildkit.dockerfile.v0", empty_layer: true },
];

export const DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/** Planted in SHOP below; never to be seen in a finding. */
export const SHOP_SECRETS = ["sk_example_Planted0001", "rt_example_Planted0002", "npm_example_Planted0003"] as const;

/** A Node.js shop image with many problems: a legacy-built base, a BuildKit-built application. */
export const SHOP = imageConfig(
  {
    User: "",
    Env: [DEFAULT_PATH.replace("PATH=", "PATH=/tmp/tools:"), "NODE_VERSION=20.15.1", "NODE_ENV=production", `STRIPE_API_KEY=${SHOP_SECRETS[0]}`],
    ExposedPorts: { "3000/tcp": {}, "22/tcp": {}, "6379/tcp": {} },
    Cmd: ["node", "server.js"],
    WorkingDir: "/srv/app",
    Labels: { "org.opencontainers.image.source": "https://github.com/example/shop", "com.example.registry-token": SHOP_SECRETS[1] },
  },
  [
    ...LEGACY_DEBIAN,
    { created_by: "/bin/sh -c #(nop)  ENV NODE_VERSION=20.15.1", empty_layer: true },
    { created_by: "/bin/sh -c apt-get update && apt-get install -y --no-install-recommends curl ca-certificates" },
    { created_by: "/bin/sh -c curl -fsSL https://deb.nodesource.com/setup_20.x | bash -" },
    { created_by: '/bin/sh -c #(nop)  CMD ["node"]', empty_layer: true },
    { created_by: "MAINTAINER shop-team@example.com", empty_layer: true },
    { created_by: "ARG NPM_TOKEN", empty_layer: true },
    { created_by: "WORKDIR /srv/app", empty_layer: true },
    { created_by: "COPY package.json package-lock.json ./ # buildkit" },
    { created_by: `RUN |1 NPM_TOKEN=${SHOP_SECRETS[2]} /bin/sh -c npm ci --omit=dev # buildkit` },
    { created_by: "ADD https://example.com/geoip.mmdb /srv/app/data/ # buildkit" },
    { created_by: "COPY . . # buildkit" },
    { created_by: "RUN /bin/sh -c sudo chmod -R 777 /srv/app/uploads && cd /srv/app && apt-get install -y --allow-unauthenticated libvips42 # buildkit" },
    { created_by: "EXPOSE map[22/tcp:{} 3000/tcp:{} 6379/tcp:{}]", empty_layer: true },
    { created_by: 'CMD ["node" "server.js"]', empty_layer: true },
  ],
  "2022-11-15T08:00:00Z",
);
