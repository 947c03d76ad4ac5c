#!/usr/bin/env bash
# `make lint`'s check of the deployable artifacts:
# - deploy/kubernetes renders with kustomize (kubectl's built-in one) and every rendered object,
#   and the Secret's example, validates strictly (no unknown fields) against the Kubernetes API
#   schemas that kubernetes-validate bundles (no download): K8S_VERSION, default 1.30.0;
# - compose.yaml is read by `docker compose config` where the compose plugin is installed, and
#   parsed as YAML everywhere (the image test, `make test-image`, checks its shape).
set -euo pipefail
cd "$(dirname "$0")/.."

bin="${BIN:-.venv/bin}"
k8s_version="${K8S_VERSION:-1.30.0}"

if ! command -v kubectl >/dev/null 2>&1; then
  cat >&2 <<'EOF'
error: kubectl is not installed; make lint renders deploy/kubernetes with its built-in kustomize.
  Install kubectl 1.21 or newer from the Kubernetes project's packages (or your cloud SDK's);
  Debian's own kubernetes-client package is 1.20, whose kustomize is too old for this base.
EOF
  exit 1
fi

rendered="$(mktemp -t rendered-deploy-kubernetes.XXXXXX)"
trap 'rm -f "$rendered"' EXIT
kubectl kustomize deploy/kubernetes >"$rendered"
"$bin/kubernetes-validate" --kubernetes-version "$k8s_version" --strict --quiet \
  "$rendered" deploy/kubernetes/secret.example.yaml

if docker compose version >/dev/null 2>&1; then
  # The required secrets only need to be set for compose to render the file.
  POSTGRES_PASSWORD=lint PROVIDER_REGISTRY_JWT_SECRET=lint PROVIDER_REGISTRY_AUTH_API_KEY_PEPPER=lint \
    docker compose --file compose.yaml config --quiet
else
  "$bin/python" -c 'import sys, yaml; yaml.safe_load(open(sys.argv[1], encoding="utf-8"))' compose.yaml
fi
