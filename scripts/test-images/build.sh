#!/bin/sh
# Builds Mamori's real test images without a container engine:
#   <out>/rootfs      the image's final filesystem (umoci unpack), for rootfs and dpkg-query tests
#   <out>/oci         an OCI image layout, tag "1"
#   <out>/oci.tar     the same layout as a tar
#   <out>/image.tar   a docker-archive of it, RepoTag "mamori/test:1"
# Base: Debian bookworm minbase from Debian's mirror (MAMORI_DEBIAN_MIRROR overrides it), then
# layers that add language packages, plant made-up secrets and delete them again, so scanners can
# be tested on lower-layer content, whiteouts and opaque directories.
# Usage: build.sh <empty or missing output directory>
set -eu

out=${1:?usage: build.sh <output directory>}
here=$(cd "$(dirname "$0")" && pwd)
mirror=${MAMORI_DEBIAN_MIRROR:-http://deb.debian.org/debian}
tag=1

for tool in mmdebstrap umoci skopeo tar; do
  command -v "$tool" >/dev/null 2>&1 || { echo "build.sh: $tool is not installed" >&2; exit 3; }
done

rootless=""
[ "$(id -u)" = 0 ] || rootless="--rootless"

mkdir -p "$out"
work=$(mktemp -d "$out/.work.XXXXXX")
chmod 755 "$work" # mmdebstrap downloads as _apt
trap 'rm -rf "$work"' EXIT
export TMPDIR="$work"
# Stable timestamps make the layers (nearly) reproducible between builds.
export SOURCE_DATE_EPOCH=1700000000
created=2023-11-14T22:13:20Z

# --- base layer: Debian minbase, without man pages, locales and info (as slim images do) ---
mmdebstrap --variant=minbase --include=ca-certificates \
  --dpkgopt='path-exclude=/usr/share/man/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' \
  --dpkgopt='path-exclude=/usr/share/info/*' \
  --aptopt='Acquire::Retries "2"' \
  bookworm "$work/base" "$mirror"
# Images carry an empty /dev: the runtime provides the devices.
rm -rf "$work/base/dev/"*

image="$work/oci:$tag"
umoci init --layout "$work/oci"
umoci new --image "$image"
umoci config --image "$image" --os linux --architecture amd64 --created "$created" --no-history

# Layers are tarred with GNU tar (umoci 0.4's `insert` leaves its tars unterminated) and appended
# verbatim; umoci gzips them. Names have no "./" prefix, as docker build writes them.
layer() { # layer <created_by> <directory>
  (cd "$2" && find . -mindepth 1 -maxdepth 1 -printf '%P\n' | LC_ALL=C sort) > "$work/names"
  tar -C "$2" --create --file "$work/layer.tar" --format=pax --sort=name --numeric-owner \
    --mtime="@$SOURCE_DATE_EPOCH" --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
    --files-from "$work/names"
  umoci raw add-layer --image "$image" --history.created "$created" --history.created_by "$1" "$work/layer.tar"
  rm -rf "$2" "$work/layer.tar"
}
# stage <name>: an empty directory to build the next layer in
stage() { rm -rf "$work/$1"; mkdir -p "$work/$1"; chmod 755 "$work/$1"; }

layer "mmdebstrap --variant=minbase --include=ca-certificates bookworm" "$work/base"

# --- language packages (old versions with known advisories, to exercise matching) ---
stage app
cp -R "$here/layers/app" "$work/app/app"
layer "COPY app /app" "$work/app"
stage python
mkdir -p "$work/python/usr/local/lib/python3.11"
cp -R "$here/layers/python" "$work/python/usr/local/lib/python3.11/site-packages"
layer "COPY site-packages /usr/local/lib/python3.11/site-packages" "$work/python"

# --- made-up secrets, deleted by later layers: still in the image, absent from its final filesystem ---
stage secrets
cp -R "$here/layers/secrets/." "$work/secrets/"
chmod 700 "$work/secrets/root" "$work/secrets/root/.ssh"
chmod 600 "$work/secrets/root/.ssh/id_rsa"
layer "COPY secrets /" "$work/secrets"

# A whiteout file deletes one path; an opaque marker empties a directory of lower-layer content.
stage cleanup
mkdir -p "$work/cleanup/app/config" "$work/cleanup/root/.ssh" "$work/cleanup/usr/share/doc"
chmod 700 "$work/cleanup/root" "$work/cleanup/root/.ssh"
: > "$work/cleanup/app/config/.wh..env"
: > "$work/cleanup/root/.ssh/.wh..wh..opq"
: > "$work/cleanup/usr/share/doc/.wh.ca-certificates"
layer "RUN rm -rf /app/config/.env /root/.ssh/* /usr/share/doc/ca-certificates" "$work/cleanup"

# --- image configuration: what the image-config checks look at ---
umoci config --image "$image" --created "$created" \
  --history.created "$created" --history.created_by 'USER root; EXPOSE 22 8080; ENV ...' \
  --config.user root \
  --config.workingdir /app \
  --config.exposedports 8080/tcp --config.exposedports 22/tcp \
  --config.env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  --config.env NODE_ENV=production \
  --config.env GITHUB_TOKEN=ghp_M4m0r1T3stT0k3nN0tR34lAbCdEfGh1234 \
  --config.cmd node --config.cmd server.js \
  --config.label org.opencontainers.image.title=mamori-test
umoci gc --layout "$work/oci"

# --- derived forms ---
umoci unpack $rootless --image "$image" "$work/bundle"
skopeo copy --quiet --insecure-policy "oci:$work/oci:$tag" "docker-archive:$work/image.tar:mamori/test:$tag"
tar -C "$work/oci" -cf "$work/oci.tar" .

rm -rf "$out/rootfs" "$out/oci" "$out/oci.tar" "$out/image.tar"
mv "$work/bundle/rootfs" "$out/rootfs"
mv "$work/oci" "$out/oci"
mv "$work/oci.tar" "$out/oci.tar"
mv "$work/image.tar" "$out/image.tar"
echo "build.sh: images written to $out"
