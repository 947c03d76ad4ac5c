#!/usr/bin/env bash
# Regenerate into a temporary directory and fail on any difference from generated/.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
scripts/generate.sh "$tmp/generated"
if ! diff -r -u generated "$tmp/generated"; then
  echo >&2
  echo "generated/ is out of date with api/: run 'make generate' and commit the result." >&2
  exit 1
fi
echo "generated/ is up to date."
