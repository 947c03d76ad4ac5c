#!/usr/bin/env bash
# Regenerate into a temporary directory and fail on any difference from generated/.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
scripts/generate.sh "$tmp/generated"
# Build and tool caches that installing and importing leave in generated/ (all git-ignored):
# `make install` installs generated/clients/python in editable mode (an egg-info).
if ! diff -r -u -x __pycache__ -x '*.egg-info' -x .mypy_cache -x .ruff_cache \
  generated "$tmp/generated"; then
  echo >&2
  echo "generated/ is out of date with api/: run 'make generate' and commit the result." >&2
  exit 1
fi
echo "generated/ is up to date."
