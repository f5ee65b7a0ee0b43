#!/usr/bin/env node
// Builds the demo estate's container image, a docker-archive (the format of `docker save`), from
// files written here: no Docker engine, no download, the same bytes on every run. Every package
// version, key and token in it is made up for the demo or chosen to match the demo's advisories.
// Usage: node scripts/build-demo-image.mjs [OUT.tar]   (default demo/image/storefront.tar)
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import tarStream from "tar-stream";

const out = resolve(process.argv[2] ?? fileURLToPath(new URL("../demo/image/storefront.tar", import.meta.url)));
const MTIME = new Date("2026-11-01T00:00:00Z");

/** A tar archive of the given entries, as a Buffer. */
async function tarOf(entries) {
  const pack = tarStream.pack();
  const chunks = [];
  pack.on("data", (c) => chunks.push(c));
  const done = new Promise((ok, fail) => {
    pack.on("end", ok);
    pack.on("error", fail);
  });
  for (const e of entries) {
    if (e.dir) pack.entry({ name: e.name, type: "directory", mode: 0o755, mtime: MTIME });
    else pack.entry({ name: e.name, mode: e.mode ?? 0o644, mtime: MTIME }, e.content);
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

const sha256 = (b) => createHash("sha256").update(b).digest("hex");

const dpkgStatus = [
  ["base-files", "12.4+deb12u5", "amd64", undefined],
  ["bash", "5.2.15-2+b2", "amd64", undefined],
  ["libssl3", "3.0.11-1~deb12u1", "amd64", "openssl"],
  ["openssl", "3.0.11-1~deb12u1", "amd64", undefined],
  ["tar", "1.34+dfsg-1.2", "amd64", undefined],
  ["zlib1g", "1:1.2.13.dfsg-1", "amd64", "zlib"],
  ["ca-certificates", "20230311", "all", undefined],
]
  .map(([name, version, arch, source]) =>
    [`Package: ${name}`, "Status: install ok installed", "Priority: optional", `Architecture: ${arch}`, ...(source ? [`Source: ${source}`] : []), `Version: ${version}`, "Maintainer: Demo Maintainers <demo@example.com>", `Description: ${name} (demo stanza)`, ""].join("\n"),
  )
  .join("\n");

const osRelease = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
`;

const lock = {
  name: "storefront",
  version: "2.4.0",
  lockfileVersion: 3,
  requires: true,
  packages: {
    "": { name: "storefront", version: "2.4.0", dependencies: { express: "^4.18.2", lodash: "4.17.20" } },
    "node_modules/express": { version: "4.18.2", resolved: "https://registry.npmjs.org/express/-/express-4.18.2.tgz", license: "MIT" },
    "node_modules/lodash": { version: "4.17.20", resolved: "https://registry.npmjs.org/lodash/-/lodash-4.17.20.tgz", license: "MIT" },
    "node_modules/minimist": { version: "1.2.5", resolved: "https://registry.npmjs.org/minimist/-/minimist-1.2.5.tgz", license: "MIT" },
  },
};

// Made-up credentials in the shapes real ones have, so the secret scanner has something to find.
const fakeKeyId = ["AKIA", "MAMQRIDEMQ", "234567"].join("");
const fakeSecret = ["mamoriDemo", "FakeSecretKey", "0123456789abcdefABCD"].join("/");

const layers = [
  {
    createdBy: "ADD rootfs.tar /  # the demo's base layer",
    entries: [
      { name: "etc/", dir: true },
      { name: "etc/os-release", content: osRelease },
      { name: "var/lib/dpkg/", dir: true },
      { name: "var/lib/dpkg/status", content: dpkgStatus },
      { name: "usr/bin/", dir: true },
      { name: "usr/bin/tar", content: "#!/bin/sh\n# demo placeholder\n", mode: 0o755 },
      {
        name: "usr/share/doc/tar/copyright",
        content: "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: tar\n\nFiles: *\nCopyright: demo\nLicense: GPL-3+\n\nLicense: GPL-3+\n This is a demo stanza.\n",
      },
    ],
  },
  {
    createdBy: "COPY . /srv/app  # buildkit",
    entries: [
      { name: "srv/app/", dir: true },
      { name: "srv/app/package-lock.json", content: JSON.stringify(lock, null, 2) + "\n" },
      { name: "srv/app/node_modules/lodash/package.json", content: JSON.stringify({ name: "lodash", version: "4.17.20", license: "MIT" }) + "\n" },
      { name: "srv/app/server.js", content: "require('express')().listen(8080);\n" },
      { name: "srv/app/.env", content: `AWS_ACCESS_KEY_ID=${fakeKeyId}\nAWS_SECRET_ACCESS_KEY=${fakeSecret}\n` },
      { name: "usr/local/lib/python3.11/site-packages/requests-2.28.1.dist-info/METADATA", content: "Metadata-Version: 2.1\nName: requests\nVersion: 2.28.1\nLicense: Apache 2.0\n" },
    ],
  },
  {
    createdBy: "RUN rm /srv/app/.env  # buildkit",
    // The secret is deleted here, but it stays in the layer below: image scanners must still see it.
    entries: [{ name: "srv/app/.wh..env", content: "" }],
  },
];

const layerTars = [];
for (const l of layers) layerTars.push(await tarOf(l.entries));
const diffIds = layerTars.map((t) => `sha256:${sha256(t)}`);

const config = {
  architecture: "amd64",
  os: "linux",
  created: MTIME.toISOString(),
  config: {
    Env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "NODE_ENV=production", "DB_PASSWORD=demo-Passw0rd-not-real"],
    ExposedPorts: { "22/tcp": {}, "8080/tcp": {} },
    WorkingDir: "/srv/app",
    Cmd: ["node", "server.js"],
  },
  rootfs: { type: "layers", diff_ids: diffIds },
  history: [
    { created: MTIME.toISOString(), created_by: layers[0].createdBy },
    { created: MTIME.toISOString(), created_by: "ENV DB_PASSWORD=demo-Passw0rd-not-real", empty_layer: true },
    { created: MTIME.toISOString(), created_by: "EXPOSE map[22/tcp:{} 8080/tcp:{}]", empty_layer: true },
    { created: MTIME.toISOString(), created_by: layers[1].createdBy },
    { created: MTIME.toISOString(), created_by: layers[2].createdBy },
    { created: MTIME.toISOString(), created_by: 'CMD ["node" "server.js"]', empty_layer: true },
  ],
};
const configJson = Buffer.from(JSON.stringify(config));
const configName = `${sha256(configJson)}.json`;
const manifest = [{ Config: configName, RepoTags: ["mamori-demo/storefront:2.4.0"], Layers: diffIds.map((d) => `${d.slice(7)}/layer.tar`) }];

const archive = await tarOf([
  { name: configName, content: configJson },
  ...layerTars.flatMap((t, i) => [{ name: `${diffIds[i].slice(7)}/`, dir: true }, { name: `${diffIds[i].slice(7)}/layer.tar`, content: t }]),
  { name: "manifest.json", content: JSON.stringify(manifest) },
  { name: "repositories", content: JSON.stringify({ "mamori-demo/storefront": { "2.4.0": diffIds[diffIds.length - 1].slice(7) } }) },
]);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, archive);
process.stderr.write(`built ${out} (${archive.length} bytes, ${layers.length} layers)\n`);
