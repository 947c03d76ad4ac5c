#!/usr/bin/env bash
# Install the system packages a fresh Debian/Ubuntu machine lacks: a Python 3.11 venv module,
# redis-server (the rate-limit tests share limits between two app instances through it),
# Node.js with npm (spec tooling, docs assets), the PostgreSQL server binaries (the test suite
# starts its own throwaway cluster with them) and Chromium (the docs browser test drives it through
# Playwright; Playwright's own browser download cannot be used). Does nothing when everything is
# present.
# `install-system-deps.sh bench` checks only what `make bench` needs: wrk (the load generator).
# `install-system-deps.sh image` checks only what `make test-image` needs: a container engine
# (docker.io: dockerd, containerd, runc and a client) and mmdebstrap, which builds the image's
# base from Debian packages (scripts/image-base.sh).
# `install-system-deps.sh topology` checks what `make test-topology` needs beyond `make install`:
# nginx, the load balancer in front of the three instances.
set -euo pipefail

missing=()
if [ "${1:-}" = "bench" ]; then
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
elif [ "${1:-}" = "topology" ]; then
  command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx || missing+=(nginx)
elif [ "${1:-}" = "image" ]; then
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  command -v mmdebstrap >/dev/null 2>&1 || missing+=(mmdebstrap)
else
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
python3 -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
test -x /usr/bin/chromium || missing+=(chromium)
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi
fi
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

echo "Installing system packages: ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: apt-get is not available; install ${missing[*]} with your package manager." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "error: run as root or install sudo" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
