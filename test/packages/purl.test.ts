import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { packageFromPurl, purlFor, purlIdentity, resolvePurl, type PurlInput } from "../../src/packages/purl.js";

type Expected = { name: string; version: string; ecosystem: string; source?: { name: string; version: string } };

// Purls as Syft and Trivy write them, and the package each one is.
const FROM_PURL: [string, Expected][] = [
  ["pkg:npm/lodash@4.17.21", { name: "lodash", version: "4.17.21", ecosystem: "npm" }],
  ["pkg:npm/%40babel/core@7.23.0", { name: "@babel/core", version: "7.23.0", ecosystem: "npm" }],
  ["pkg:pypi/Django_REST.framework@3.14.0", { name: "django-rest-framework", version: "3.14.0", ecosystem: "PyPI" }],
  ["pkg:golang/github.com/go-chi/chi/v5@v5.0.10", { name: "github.com/go-chi/chi/v5", version: "v5.0.10", ecosystem: "Go" }],
  [
    "pkg:golang/github.com/Azure/go-autorest@v14.2.0%2Bincompatible",
    { name: "github.com/Azure/go-autorest", version: "v14.2.0+incompatible", ecosystem: "Go" },
  ],
  ["pkg:golang/stdlib@1.21.0", { name: "stdlib", version: "1.21.0", ecosystem: "Go" }],
  ["pkg:cargo/serde@1.0.190", { name: "serde", version: "1.0.190", ecosystem: "crates.io" }],
  [
    "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar",
    { name: "org.apache.logging.log4j:log4j-core", version: "2.14.1", ecosystem: "Maven" },
  ],
  ["pkg:gem/rails@7.0.8", { name: "rails", version: "7.0.8", ecosystem: "RubyGems" }],
  ["pkg:nuget/Newtonsoft.Json@13.0.1", { name: "Newtonsoft.Json", version: "13.0.1", ecosystem: "NuGet" }],
  ["pkg:composer/laravel/framework@10.0.0", { name: "laravel/framework", version: "10.0.0", ecosystem: "Packagist" }],
  ["pkg:hex/phoenix@1.7.10", { name: "phoenix", version: "1.7.10", ecosystem: "Hex" }],
  ["pkg:pub/http@1.1.0", { name: "http", version: "1.1.0", ecosystem: "Pub" }],
  // Debian and Ubuntu: release from `distro`, in Syft's, Trivy's and purl-spec's spellings.
  ["pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12", { name: "openssl", version: "3.0.11-1~deb12u2", ecosystem: "Debian:12" }],
  ["pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12.4", { name: "libc6", version: "2.36-9+deb12u4", ecosystem: "Debian:12" }],
  ["pkg:deb/debian/curl@7.88.1-10?arch=i386&distro=bookworm", { name: "curl", version: "7.88.1-10", ecosystem: "Debian:12" }],
  ["pkg:deb/debian/curl@7.88.1-10", { name: "curl", version: "7.88.1-10", ecosystem: "Debian" }],
  [
    "pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12&upstream=openssl",
    { name: "libssl3", version: "3.0.11-1~deb12u2", ecosystem: "Debian:12", source: { name: "openssl", version: "3.0.11-1~deb12u2" } },
  ],
  [
    "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&upstream=glibc%402.36-9&distro=debian-12",
    { name: "libc6", version: "2.36-9+deb12u4", ecosystem: "Debian:12", source: { name: "glibc", version: "2.36-9" } },
  ],
  [
    "pkg:deb/ubuntu/libssl3@3.0.2-0ubuntu1.10?arch=amd64&upstream=openssl&distro=ubuntu-22.04",
    { name: "libssl3", version: "3.0.2-0ubuntu1.10", ecosystem: "Ubuntu:22.04", source: { name: "openssl", version: "3.0.2-0ubuntu1.10" } },
  ],
  ["pkg:deb/ubuntu/bash@5.2.21-2ubuntu4?distro=noble", { name: "bash", version: "5.2.21-2ubuntu4", ecosystem: "Ubuntu:24.04" }],
  // Epoch: in the version (Syft, percent-encoded colon) or as a qualifier (Trivy).
  [
    "pkg:deb/debian/bsdutils@1%3A2.36.1-8%2Bdeb11u1?arch=amd64&upstream=util-linux&distro=debian-11",
    { name: "bsdutils", version: "1:2.36.1-8+deb11u1", ecosystem: "Debian:11", source: { name: "util-linux", version: "1:2.36.1-8+deb11u1" } },
  ],
  ["pkg:deb/debian/bsdutils@2.36.1-8%2Bdeb11u1?arch=amd64&distro=debian-11&epoch=1", { name: "bsdutils", version: "1:2.36.1-8+deb11u1", ecosystem: "Debian:11" }],
  // Alpine (Syft writes alpine-3.20.3, Trivy 3.20.3), Wolfi, Chainguard.
  [
    "pkg:apk/alpine/libcrypto3@3.3.2-r0?arch=x86_64&upstream=openssl&distro=alpine-3.20.3",
    { name: "libcrypto3", version: "3.3.2-r0", ecosystem: "Alpine:v3.20", source: { name: "openssl", version: "3.3.2-r0" } },
  ],
  ["pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=3.20.3", { name: "musl", version: "1.2.5-r0", ecosystem: "Alpine:v3.20" }],
  ["pkg:apk/wolfi/glibc@2.40-r3?arch=x86_64&distro=wolfi-20230201", { name: "glibc", version: "2.40-r3", ecosystem: "Wolfi" }],
  ["pkg:apk/chainguard/busybox@1.37.0-r0?arch=aarch64", { name: "busybox", version: "1.37.0-r0", ecosystem: "Chainguard" }],
  // RPM: epoch qualifier into the version, source RPM file name into the source package.
  [
    "pkg:rpm/redhat/openssl-libs@3.0.7-27.el9?arch=x86_64&epoch=1&upstream=openssl-3.0.7-27.el9.src.rpm&distro=rhel-9.4",
    { name: "openssl-libs", version: "1:3.0.7-27.el9", ecosystem: "Red Hat", source: { name: "openssl", version: "1:3.0.7-27.el9" } },
  ],
  ["pkg:rpm/rhel/bash@5.1.8-6.el9_1?arch=x86_64&distro=rhel-9.2", { name: "bash", version: "5.1.8-6.el9_1", ecosystem: "Red Hat" }],
  ["pkg:rpm/redhat/avahi-libs@0.8-20.el9?arch=x86_64&distro=redhat-9.4&epoch=0", { name: "avahi-libs", version: "0.8-20.el9", ecosystem: "Red Hat" }],
  [
    "pkg:rpm/almalinux/bash@5.1.8-9.el9?arch=x86_64&distro=almalinux-9&upstream=bash-5.1.8-9.el9.src.rpm",
    { name: "bash", version: "5.1.8-9.el9", ecosystem: "AlmaLinux:9", source: { name: "bash", version: "5.1.8-9.el9" } },
  ],
  ["pkg:rpm/rocky/findutils@4.8.0-6.el9?arch=x86_64&distro=rocky-9.3&epoch=1", { name: "findutils", version: "1:4.8.0-6.el9", ecosystem: "Rocky Linux:9" }],
  [
    "pkg:rpm/rocky/python3-libs@3.9.18-1.el9?upstream=python3.9-3.9.18-1.el9.src.rpm&distro=rocky-9",
    { name: "python3-libs", version: "3.9.18-1.el9", ecosystem: "Rocky Linux:9", source: { name: "python3.9", version: "3.9.18-1.el9" } },
  ],
  ["pkg:rpm/opensuse/curl@8.0.1-1.1?arch=x86_64&distro=opensuse-leap-15.5", { name: "curl", version: "8.0.1-1.1", ecosystem: "openSUSE" }],
  ["pkg:rpm/sles/openssl-3@3.0.8-150500.5.8.1?arch=x86_64&distro=sles-15.5", { name: "openssl-3", version: "3.0.8-150500.5.8.1", ecosystem: "SUSE" }],
];

describe("packageFromPurl", () => {
  it.each(FROM_PURL)("%s", (purl, expected) => {
    const pkg = packageFromPurl(purl);
    expect(pkg).toEqual({ ...expected, purl });
  });

  it.each([
    ["pkg:oci/alpine@sha256%3A21a3deaa0d32a8057914f36584b5288d2e5ecc984380bc0118285c70fa8c9300", 'purl type "oci" is not supported'],
    ["pkg:generic/openssl@3.0.0", 'purl type "generic" is not supported'],
    ["pkg:rpm/centos/bash@4.2.46-34.el7?distro=centos-7", 'purl namespace "centos" of type rpm is not supported'],
    ["pkg:npm/lodash", "purl has no version"],
    ["pkg:maven/log4j-core@2.14.1", "not a valid purl"],
    ["lodash@4.17.21", "not a valid purl"],
    ["", "not a valid purl"],
  ])("%s gives no package: %s", (purl, problem) => {
    expect(packageFromPurl(purl)).toBeUndefined();
    expect(resolvePurl(purl)).toEqual({ problem });
  });

  it("takes the release from the SBOM's operating system when the purl has no distro", () => {
    expect(packageFromPurl("pkg:deb/debian/curl@7.88.1-10", { id: "debian", version: "12.5" })?.ecosystem).toBe("Debian:12");
    expect(packageFromPurl("pkg:apk/alpine/musl@1.2.5-r0", { id: "alpine", version: "3.19.1" })?.ecosystem).toBe("Alpine:v3.19");
    // Another distribution's release is never borrowed, and the purl's own distro wins.
    expect(packageFromPurl("pkg:deb/debian/curl@7.88.1-10", { id: "alpine", version: "3.19.1" })?.ecosystem).toBe("Debian");
    expect(packageFromPurl("pkg:deb/debian/curl@7.88.1-10?distro=debian-11", { id: "debian", version: "12" })?.ecosystem).toBe("Debian:11");
  });

  it("never throws, whatever the string", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `pkg:${s}`), fc.string().map((s) => `pkg:deb/debian/x@1?${s}`)), (s) => {
        const r = resolvePurl(s);
        expect(r).toBeTypeOf("object");
      }),
      { numRuns: 500 },
    );
  });
});

const TO_PURL: [PurlInput, string][] = [
  [{ name: "@babel/core", version: "7.23.0", ecosystem: "npm" }, "pkg:npm/%40babel/core@7.23.0"],
  [{ name: "requests", version: "2.31.0", ecosystem: "PyPI" }, "pkg:pypi/requests@2.31.0"],
  [{ name: "github.com/go-chi/chi/v5", version: "v5.0.10", ecosystem: "Go" }, "pkg:golang/github.com/go-chi/chi/v5@v5.0.10"],
  [{ name: "serde", version: "1.0.190", ecosystem: "crates.io" }, "pkg:cargo/serde@1.0.190"],
  [{ name: "org.apache.logging.log4j:log4j-core", version: "2.14.1", ecosystem: "Maven" }, "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"],
  [{ name: "rails", version: "7.0.8", ecosystem: "RubyGems" }, "pkg:gem/rails@7.0.8"],
  [{ name: "Newtonsoft.Json", version: "13.0.1", ecosystem: "NuGet" }, "pkg:nuget/Newtonsoft.Json@13.0.1"],
  [{ name: "laravel/framework", version: "10.0.0", ecosystem: "Packagist" }, "pkg:composer/laravel/framework@10.0.0"],
  [{ name: "phoenix", version: "1.7.10", ecosystem: "Hex" }, "pkg:hex/phoenix@1.7.10"],
  [{ name: "http", version: "1.1.0", ecosystem: "Pub" }, "pkg:pub/http@1.1.0"],
  [{ name: "openssl", version: "3.0.11-1~deb12u2", ecosystem: "Debian:12" }, "pkg:deb/debian/openssl@3.0.11-1~deb12u2?distro=debian-12"],
  [
    { name: "libc6", version: "2.36-9+deb12u4", ecosystem: "Debian:12", source: { name: "glibc", version: "2.36-9" } },
    "pkg:deb/debian/libc6@2.36-9+deb12u4?distro=debian-12&upstream=glibc%402.36-9",
  ],
  [
    { name: "libssl3", version: "3.0.2-0ubuntu1.10", ecosystem: "Ubuntu:22.04", source: { name: "openssl", version: "3.0.2-0ubuntu1.10" } },
    "pkg:deb/ubuntu/libssl3@3.0.2-0ubuntu1.10?distro=ubuntu-22.04&upstream=openssl",
  ],
  [{ name: "bsdutils", version: "1:2.36.1-8+deb11u1", ecosystem: "Debian:11" }, "pkg:deb/debian/bsdutils@1:2.36.1-8+deb11u1?distro=debian-11"],
  [{ name: "musl", version: "1.2.5-r0", ecosystem: "Alpine:v3.20" }, "pkg:apk/alpine/musl@1.2.5-r0?distro=alpine-3.20"],
  [{ name: "glibc", version: "2.40-r3", ecosystem: "Wolfi" }, "pkg:apk/wolfi/glibc@2.40-r3"],
  [{ name: "busybox", version: "1.37.0-r0", ecosystem: "Chainguard" }, "pkg:apk/chainguard/busybox@1.37.0-r0"],
  [
    { name: "openssl-libs", version: "1:3.0.7-27.el9", ecosystem: "Red Hat", source: { name: "openssl", version: "1:3.0.7-27.el9" } },
    "pkg:rpm/redhat/openssl-libs@3.0.7-27.el9?epoch=1&upstream=openssl-3.0.7-27.el9.src.rpm",
  ],
  [{ name: "bash", version: "5.1.8-9.el9", ecosystem: "AlmaLinux:9" }, "pkg:rpm/almalinux/bash@5.1.8-9.el9?distro=almalinux-9"],
  [{ name: "findutils", version: "1:4.8.0-6.el9", ecosystem: "Rocky Linux:9" }, "pkg:rpm/rocky/findutils@4.8.0-6.el9?distro=rocky-9&epoch=1"],
  [{ name: "curl", version: "8.0.1-1.1", ecosystem: "openSUSE" }, "pkg:rpm/opensuse/curl@8.0.1-1.1"],
  [{ name: "openssl-3", version: "3.0.8-150500.5.8.1", ecosystem: "SUSE" }, "pkg:rpm/suse/openssl-3@3.0.8-150500.5.8.1"],
  [{ name: "aeson", version: "2.1.0.0", ecosystem: "Hackage" }, "pkg:generic/aeson@2.1.0.0"],
];

describe("purlFor", () => {
  it.each(TO_PURL)("%j → %s", (input, purl) => {
    expect(purlFor(input)).toBe(purl);
  });

  it.each(TO_PURL.filter(([input]) => input.ecosystem !== "Hackage"))("%j round-trips through packageFromPurl", (input) => {
    const purl = purlFor(input);
    expect(packageFromPurl(purl)).toEqual({ ...input, purl });
  });
});

describe("purlIdentity", () => {
  it.each([
    ["pkg:npm/%40Babel/Core@7.23.0?foo=bar#lib", { type: "npm", namespace: "@babel", name: "core", version: "7.23.0" }],
    ["pkg:rpm/redhat/openssl-libs@3.0.7-27.el9?epoch=1&arch=x86_64", { type: "rpm", namespace: "redhat", name: "openssl-libs", version: "1:3.0.7-27.el9" }],
    ["pkg:golang/github.com/go-chi/chi/v5", { type: "golang", namespace: "github.com/go-chi/chi", name: "v5" }],
  ])("%s", (purl, expected) => {
    expect(purlIdentity(purl)).toEqual(expected);
  });

  it("is undefined for what is not a purl", () => {
    expect(purlIdentity("CVE-2021-44228")).toBeUndefined();
  });
});

describe("purlFor with versions packageurl-js cannot check", () => {
  it("still builds a purl for a Go version that is not valid semver", () => {
    expect(purlFor({ name: "golang.org/x/net", version: "v1.0", ecosystem: "Go" })).toBe("pkg:golang/golang.org/x/net@v1.0");
  });
});
