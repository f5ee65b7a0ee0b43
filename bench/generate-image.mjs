// A large docker-archive for the image benchmark: FILES files over LAYERS uncompressed layers,
// about TOTAL bytes in all, with a dpkg database, npm packages, Python packages and a few fake
// secrets among generated source and data files. Streams to disk: memory stays small.
import { createHash } from "node:crypto";
import { createWriteStream, statSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import tarStream from "tar-stream";

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = "const let function return import export from require module value config server client request response data error result handler router token password user admin".split(" ");

function textBlob(r, size) {
  const parts = [];
  let n = 0;
  while (n < size) {
    const line = Array.from({ length: 8 + Math.floor(r() * 8) }, () => WORDS[Math.floor(r() * WORDS.length)]).join(" ") + ";\n";
    parts.push(line);
    n += line.length;
  }
  return Buffer.from(parts.join("").slice(0, size));
}

/** Writes one layer tar and returns its sha256 (the diff id) and size. */
async function writeLayer(path, entries) {
  const pack = tarStream.pack();
  const hash = createHash("sha256");
  const out = createWriteStream(path);
  const done = pipeline(pack, async function* (src) {
    for await (const chunk of src) {
      hash.update(chunk);
      yield chunk;
    }
  }, out);
  for (const e of entries()) {
    await new Promise((ok, fail) => pack.entry({ name: e.name, mode: e.mode ?? 0o644, mtime: new Date(0) }, e.content, (err) => (err ? fail(err) : ok())));
  }
  pack.finalize();
  await done;
  return { digest: hash.digest("hex"), size: statSync(path).size };
}

export async function generateImage(dir, { files = 100_000, totalBytes = 1e9, layers = 4 } = {}) {
  const { mkdirSync, writeFileSync } = await import("node:fs");
  const { join } = await import("node:path");
  mkdirSync(dir, { recursive: true });
  const r = rng(7);
  const perFile = Math.floor(totalBytes / files);
  const perLayer = Math.ceil(files / layers);
  const layerInfo = [];
  for (let l = 0; l < layers; l++) {
    const tmp = join(dir, `layer${l}.tar`);
    const info = await writeLayer(tmp, function* () {
      if (l === 0) {
        yield { name: "etc/os-release", content: 'ID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\n' };
        const stanzas = [];
        for (let i = 0; i < 400; i++) stanzas.push(`Package: pkg${i}\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1.${i}.0-1\n`);
        stanzas.push("Package: libssl3\nStatus: install ok installed\nArchitecture: amd64\nSource: openssl\nVersion: 3.0.11-1~deb12u1\n");
        yield { name: "var/lib/dpkg/status", content: stanzas.join("\n") };
      }
      for (let i = 0; i < perLayer; i++) {
        const n = l * perLayer + i;
        if (n % 500 === 0) yield { name: `app${l}/node_modules/dep${n}/package.json`, content: JSON.stringify({ name: `dep${n}`, version: `1.0.${n % 50}`, license: "MIT" }) };
        else if (n % 997 === 0) yield { name: `app${l}/src/settings${n}.py`, content: `API_TOKEN = "ghp_${"A1b2C3d4E5".repeat(3).slice(0, 36)}"\n` };
        else if (n % 3 === 0) yield { name: `app${l}/data/blob${n}.bin`, content: Buffer.alloc(perFile, n % 251) };
        else yield { name: `app${l}/src/mod${n}.js`, content: textBlob(r, perFile) };
      }
      if (l === layers - 1) yield { name: "app0/package-lock.json", content: JSON.stringify({ lockfileVersion: 3, packages: { "": {}, "node_modules/lodash": { version: "4.17.20" }, "node_modules/minimist": { version: "1.2.5" } } }) };
    });
    layerInfo.push({ ...info, tmp });
  }
  const config = {
    architecture: "amd64",
    os: "linux",
    config: { Env: ["PATH=/usr/bin"], Cmd: ["node"] },
    rootfs: { type: "layers", diff_ids: layerInfo.map((l) => `sha256:${l.digest}`) },
    history: layerInfo.map((_, i) => ({ created_by: `COPY app${i} /app${i}` })),
  };
  const configText = JSON.stringify(config);
  const configName = `${createHash("sha256").update(configText).digest("hex")}.json`;
  const manifest = [{ Config: configName, RepoTags: ["bench/big:1"], Layers: layerInfo.map((l) => `${l.digest}/layer.tar`) }];
  const archive = join(dir, "image.tar");
  const pack = tarStream.pack();
  const done = pipeline(pack, createWriteStream(archive));
  const { createReadStream } = await import("node:fs");
  const add = (header, body) =>
    new Promise((ok, fail) => {
      if (body === undefined || Buffer.isBuffer(body) || typeof body === "string") pack.entry(header, body, (e) => (e ? fail(e) : ok()));
      else {
        const entry = pack.entry(header, (e) => (e ? fail(e) : ok()));
        body.pipe(entry);
      }
    });
  await add({ name: configName }, configText);
  for (const l of layerInfo) await add({ name: `${l.digest}/layer.tar`, size: l.size }, createReadStream(l.tmp));
  await add({ name: "manifest.json" }, JSON.stringify(manifest));
  pack.finalize();
  await done;
  const { rmSync } = await import("node:fs");
  for (const l of layerInfo) rmSync(l.tmp);
  writeFileSync(join(dir, "done"), "");
  return archive;
}
