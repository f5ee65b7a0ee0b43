// The generic example test for images (ARCHITECTURE.md §3): every image check's examples (OCI image
// configs, JSON) are test cases, and so are image configs for every Dockerfile check that also runs
// on images. A bad example must make its check fire, a good one must leave it quiet.
import { describe, expect, it } from "vitest";
import { isImageConfigModel, parseImageConfigText, type ImageConfigLike } from "../../src/adapters/image-config.js";
import { violationsOf } from "../../src/checks/define.js";
import { imageChecks } from "../../src/checks/image/index.js";
import { imageConfigCheckIds, runImageConfigChecks } from "../../src/checks/image/run.js";
import type { ImageCheck } from "../../src/checks/image/types.js";
import { builtinChecks } from "../../src/checks/registry.js";
import type { Violation } from "../../src/checks/types.js";
import { SEVERITIES } from "../../src/core/model.js";

function runImageCheck(check: ImageCheck, text: string): { violations: Violation[]; lines: number } {
  const parsed = parseImageConfigText(text, "example:1");
  const image = parsed.models.find(isImageConfigModel);
  if (!image) throw new Error("no image.Config model");
  return { violations: [...violationsOf(check.evaluate(image, { path: "example:1:history" }))], lines: image.range.endLine };
}

function imageCases(kind: "bad" | "good"): { name: string; check: ImageCheck; text: string }[] {
  return imageChecks.flatMap((check) => check.imageExamples[kind].map((text, i) => ({ name: `${check.id} image ${kind} #${i + 1}`, check, text })));
}

describe("image check examples", () => {
  it.each(imageCases("bad"))("$name fires", ({ check, text }) => {
    const { violations, lines } = runImageCheck(check, text);
    expect(violations.length).toBeGreaterThan(0);
    for (const v of violations) {
      expect(v.message.length).toBeGreaterThan(0);
      expect(v.range.startLine).toBeGreaterThanOrEqual(1);
      expect(v.range.endLine).toBeLessThanOrEqual(lines);
    }
  });

  it.each(imageCases("good"))("$name stays quiet", ({ check, text }) => {
    expect(runImageCheck(check, text).violations).toEqual([]);
  });
});

describe("image check metadata", () => {
  it("ids are unique, well-formed and in the catalogue", () => {
    const ids = imageChecks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^MAM-IMG-\d{3}$/);
    const catalogue = new Set(builtinChecks.map((c) => c.id));
    for (const id of ids) expect(catalogue.has(id)).toBe(true);
  });

  it.each(imageChecks.map((c) => ({ id: c.id, check: c })))("$id is fully described", ({ check }) => {
    expect(check.appliesTo).toBe("image.Config");
    expect(check.title.length).toBeGreaterThan(5);
    expect(check.description.length).toBeGreaterThan(40);
    expect(check.remediation.text.length).toBeGreaterThan(10);
    expect(SEVERITIES).toContain(check.severity);
    // The image examples are the catalogue's "image" examples, which the generic example test runs.
    expect(check.examples).toEqual({ image: check.imageExamples });
    expect(check.imageExamples.bad.length).toBeGreaterThanOrEqual(1);
    expect(check.imageExamples.good.length).toBeGreaterThanOrEqual(1);
    for (const r of check.compliance ?? []) expect(r).toEqual({ framework: "cis-docker-1.6", control: expect.stringMatching(/^\d+\.\d+$/) as string });
  });
});

// Small image configs for the Dockerfile checks that run on images.
const APP_USER = { User: "app", Healthcheck: { Test: ["CMD", "/app", "-health"] } };

function history(...createdBy: string[]): ImageConfigLike {
  return { config: APP_USER, history: createdBy.map((c) => ({ created_by: c })) };
}

function config(c: Record<string, unknown>): ImageConfigLike {
  return { config: { ...APP_USER, ...c } };
}

const BASE_ROOTFS = "/bin/sh -c #(nop) ADD file:5b1e0a4f0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f in / ";

const DOCKERFILE_CHECKS_ON_IMAGES: Record<string, { bad: ImageConfigLike[]; good: ImageConfigLike[] }> = {
  "MAM-DF-001": {
    bad: [config({ User: "" }), { config: { User: "0:0" }, history: [{ created_by: "USER app" }] }, { config: { User: "root" }, history: [{ created_by: "/bin/sh -c #(nop)  USER root" }] }],
    good: [config({ User: "65532" }), { config: { User: "node" }, history: [{ created_by: "USER node" }] }],
  },
  "MAM-DF-002": {
    bad: [history("ADD https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini # buildkit")],
    good: [history("ADD vendor/agent-2.4.1.tar.gz /opt/agent/ # buildkit", "COPY config/app.yaml /etc/app/app.yaml # buildkit")],
  },
  "MAM-DF-003": {
    bad: [history(BASE_ROOTFS, "/bin/sh -c apt-get update", "ADD nginx.conf /etc/nginx/nginx.conf # buildkit")],
    good: [history(BASE_ROOTFS, "/bin/sh -c #(nop) ADD file:0c1d2e3f in /etc/app/ "), history("ADD alpine-minirootfs-3.20.1-x86_64.tar.gz / # buildkit")],
  },
  "MAM-DF-005": {
    bad: [config({ Env: ["AWS_SECRET_ACCESS_KEY=example/Planted/Key/0000000000000000000"] }), history("RUN |1 NPM_TOKEN=npm_Planted0000 /bin/sh -c npm ci # buildkit")],
    good: [config({ Env: ["POSTGRES_PASSWORD_FILE=/run/secrets/db", "GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D"] }), history("RUN |1 NPM_TOKEN= /bin/sh -c npm ci # buildkit")],
  },
  "MAM-DF-007": {
    bad: [{ config: { User: "app" } }, config({ Healthcheck: { Test: ["NONE"] } })],
    good: [config({ Healthcheck: { Test: ["CMD-SHELL", "curl -f http://127.0.0.1/ || exit 1"] } })],
  },
  "MAM-DF-008": {
    bad: [history("/bin/sh -c apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*")],
    good: [history("/bin/sh -c apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*")],
  },
  "MAM-DF-009": {
    bad: [history("RUN /bin/sh -c apt-get update && apt-get install -y python3=3.11.2-1+b1 && rm -rf /var/lib/apt/lists/* # buildkit")],
    good: [history("RUN /bin/sh -c apt-get update && apt-get install -y --no-install-recommends python3=3.11.2-1+b1 && rm -rf /var/lib/apt/lists/* # buildkit")],
  },
  "MAM-DF-010": {
    bad: [history("/bin/sh -c apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5")],
    good: [history("/bin/sh -c apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*")],
  },
  "MAM-DF-011": {
    bad: [history("/bin/sh -c apk update", "/bin/sh -c apk add --no-cache curl=8.9.1-r1")],
    good: [history("/bin/sh -c apk add --no-cache curl=8.9.1-r1")],
  },
  "MAM-DF-012": {
    bad: [history("/bin/sh -c apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*")],
    good: [history("/bin/sh -c apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*")],
  },
  "MAM-DF-013": {
    bad: [history("RUN /bin/sh -c curl -fsSL https://get.example.com/install.sh | sh # buildkit")],
    good: [history("RUN /bin/sh -c curl -fsSLo /tmp/install.sh https://get.example.com/install.sh # buildkit")],
  },
  "MAM-DF-014": {
    bad: [history("/bin/sh -c sudo apt-get update")],
    good: [history("/bin/sh -c echo 'app ALL=(ALL) NOPASSWD: /usr/bin/systemctl' > /etc/sudoers.d/app")],
  },
  "MAM-DF-015": {
    bad: [config({ ExposedPorts: { "22/tcp": {}, "8080/tcp": {} } }), { config: { ...APP_USER, ExposedPorts: { "22/tcp": {} } }, history: [{ created_by: "EXPOSE map[22/tcp:{}]" }] }],
    good: [config({ ExposedPorts: { "2222/tcp": {} } }), { config: { ...APP_USER, ExposedPorts: { "80/tcp": {} } }, history: [{ created_by: "/bin/sh -c #(nop)  EXPOSE 22 80" }] }],
  },
  "MAM-DF-016": {
    bad: [history("/bin/sh -c chmod -R 777 /var/www/html")],
    good: [history("/bin/sh -c chmod -R 755 /var/www/html")],
  },
  "MAM-DF-017": {
    bad: [history("/bin/sh -c apk add curl=8.9.1-r1")],
    good: [history("/bin/sh -c apk add --no-cache curl=8.9.1-r1")],
  },
  "MAM-DF-018": {
    bad: [history("RUN /bin/sh -c cd /src && make install # buildkit")],
    good: [history("WORKDIR /src", "RUN /bin/sh -c make install # buildkit")],
  },
  "MAM-DF-020": {
    bad: [history("/bin/sh -c #(nop)  MAINTAINER Jane Doe <jane@example.com>")],
    good: [history("/bin/sh -c #(nop)  LABEL org.opencontainers.image.authors=Jane Doe <jane@example.com>")],
  },
  "MAM-DF-021": {
    bad: [history("RUN /bin/sh -c curl -kfsSLo /usr/local/bin/tool https://downloads.example.com/tool # buildkit"), history("/bin/sh -c wget --no-check-certificate -O /tmp/a.tgz https://downloads.example.com/a.tgz")],
    good: [history("RUN /bin/sh -c curl -fsSLo /usr/local/bin/tool https://downloads.example.com/tool # buildkit")],
  },
  "MAM-DF-022": {
    bad: [history("RUN /bin/sh -c pip install --trusted-host pypi.example.com requests==2.31.0 # buildkit"), history("/bin/sh -c npm config set strict-ssl false")],
    good: [history("RUN /bin/sh -c pip install --no-cache-dir requests==2.31.0 # buildkit")],
  },
  "MAM-DF-023": {
    bad: [config({ Env: ["NODE_TLS_REJECT_UNAUTHORIZED=0"] }), history("/bin/sh -c #(nop)  ENV PYTHONHTTPSVERIFY=0")],
    good: [config({ Env: ["NODE_ENV=production", "NODE_TLS_REJECT_UNAUTHORIZED=1"] })],
  },
  "MAM-DF-026": {
    bad: [history("RUN /bin/sh -c curl -fsSLo /tmp/tool.tgz http://downloads.example.com/tool.tgz && tar -xzf /tmp/tool.tgz -C /usr/local # buildkit")],
    good: [history("RUN /bin/sh -c curl -fsSLo /tmp/tool.tgz https://downloads.example.com/tool.tgz && tar -xzf /tmp/tool.tgz -C /usr/local # buildkit")],
  },
  "MAM-DF-028": {
    bad: [history("RUN /bin/sh -c echo 'app:Planted-Pass-0000' | chpasswd # buildkit")],
    good: [history("RUN /bin/sh -c passwd -l root # buildkit")],
  },
};

function dockerfileCases(kind: "bad" | "good"): { name: string; id: string; config: ImageConfigLike }[] {
  return Object.entries(DOCKERFILE_CHECKS_ON_IMAGES).flatMap(([id, ex]) => ex[kind].map((config, i) => ({ name: `${id} on an image, ${kind} #${i + 1}`, id, config })));
}

describe("Dockerfile checks on image configs", () => {
  it("every Dockerfile check that runs on images has image examples, bad and good", () => {
    expect(Object.keys(DOCKERFILE_CHECKS_ON_IMAGES).sort()).toEqual([...imageConfigCheckIds].sort());
  });

  it.each(dockerfileCases("bad"))("$name fires", ({ id, config }) => {
    const found = runImageConfigChecks(config, "example:1").filter((f) => f.ruleId === id);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) expect(f.location.path).toBe("example:1:history");
  });

  it.each(dockerfileCases("good"))("$name stays quiet", ({ id, config }) => {
    expect(runImageConfigChecks(config, "example:1").filter((f) => f.ruleId === id)).toEqual([]);
  });
});
