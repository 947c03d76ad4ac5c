#!/usr/bin/env bash
# Build a Debian bookworm base image (Python 3.11 with venv, CA certificates) from Debian
# packages with mmdebstrap, for building the Dockerfile where the official python:3.11-slim image
# cannot be pulled:
#
#   scripts/image-base.sh [TAG]      # default TAG: provider-registry-base:bookworm
#   docker build --build-arg BASE_IMAGE=provider-registry-base:bookworm -t provider-registry .
#
# Packages come from this machine's own Debian mirror configuration (the first of
# /etc/apt/sources.list.d/debian.sources and /etc/apt/sources.list that exists), or from
# IMAGE_BASE_SOURCES (a sources file, or a mirror URI mmdebstrap understands). Nothing else is
# downloaded. Does nothing when the tag already exists; IMAGE_BASE_REBUILD=1 rebuilds it.
# Needs root (mmdebstrap's root mode), mmdebstrap and a running Docker engine
# (`scripts/install-system-deps.sh image`).
set -euo pipefail

tag="${1:-provider-registry-base:bookworm}"

if [ "${IMAGE_BASE_REBUILD:-0}" != "1" ] && docker image inspect "$tag" >/dev/null 2>&1; then
  echo "base image $tag exists (IMAGE_BASE_REBUILD=1 rebuilds it)"
  exit 0
fi
command -v mmdebstrap >/dev/null 2>&1 || {
  echo "error: mmdebstrap is missing; run scripts/install-system-deps.sh image" >&2
  exit 1
}

sources="${IMAGE_BASE_SOURCES:-}"
if [ -z "$sources" ]; then
  for candidate in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list; do
    if [ -s "$candidate" ]; then
      sources="$candidate"
      break
    fi
  done
fi
mirror_args=()
if [ -n "$sources" ]; then
  mirror_args=("$sources")
fi

echo "building base image $tag from Debian bookworm (sources: ${sources:-mmdebstrap default})"
# minbase: the required packages (passwd's useradd included) and apt. Documentation, manual
# pages and translations are left out: nobody reads them in a container.
mmdebstrap \
  --variant=minbase \
  --include=python3,python3-venv,ca-certificates \
  --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --dpkgopt='path-exclude=/usr/share/man/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' \
  --dpkgopt='path-exclude=/usr/share/info/*' \
  --quiet \
  bookworm - "${mirror_args[@]}" |
  docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'CMD ["/bin/bash"]' \
    - "$tag"
docker image inspect "$tag" --format "built $tag: {{.Size}} bytes"
