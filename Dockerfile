# Provider Registry: the production image (`provider-registry serve` on port 8080).
#
#   docker build -t provider-registry .
#   docker run -e PROVIDER_REGISTRY_DATABASE_URL=... -e PROVIDER_REGISTRY_JWT_SECRET=... \
#     -e PROVIDER_REGISTRY_AUTH_API_KEY_PEPPER=... -p 8080:8080 provider-registry
#   docker run ... provider-registry migrate          # or maintenance, generate-invoices, ...
#
# BASE_IMAGE is any Debian-based image with Python 3.11 and its venv module: the official
# python:3.11-slim by default, or the one scripts/image-base.sh builds from Debian packages
# (--build-arg BASE_IMAGE=provider-registry-base:bookworm). Both stages use it, so the venv's
# interpreter is the same path in the final image. Only classic Dockerfile instructions are used:
# the legacy builder and BuildKit both build it.
ARG BASE_IMAGE=python:3.11-slim

# ---------------------------------------------------------------- builder
FROM ${BASE_IMAGE} AS builder
# On both stages, so that old builder-stage images can be pruned by it (tests/deploy does).
LABEL org.opencontainers.image.title=provider-registry

# pip's index: PyPI unless these are given (--build-arg PIP_INDEX_URL=https://mirror/simple).
# Declared without defaults so that an unset one stays unset for pip. EXTRA_CA_CERTS is PEM text
# of certificate authorities pip must trust besides its own bundle (a TLS-inspecting proxy's or a
# private index's; `make test-image` passes /usr/local/share/ca-certificates/*.crt). All of them
# exist only in this stage, never in the final image.
ARG PIP_INDEX_URL
ARG PIP_EXTRA_INDEX_URL
ARG PIP_TRUSTED_HOST
ARG EXTRA_CA_CERTS
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DEFAULT_TIMEOUT=120

# `python3` is the interpreter's name in both kinds of base (/usr/local/bin or /usr/bin).
RUN python3 -m venv /opt/venv
WORKDIR /src

# Dependencies first, in their own layer, rebuilt only when the lock or pyproject.toml changes.
# The lock also pins the development tools (make lock freezes .[dev]): the runtime dependencies
# named in pyproject.toml are installed with the lock as constraints, so exactly their locked
# versions and nothing else, with the build system pyproject.toml names (not in the lock). Then
# the project itself, without dependencies.
COPY requirements.lock pyproject.toml ./
RUN set -e; \
    if [ -n "${EXTRA_CA_CERTS:-}" ]; then \
        cat "$(/opt/venv/bin/python -c 'import pip._vendor.certifi as c; print(c.where())')" \
            > /tmp/build-ca.pem; \
        printf '%s\n' "$EXTRA_CA_CERTS" >> /tmp/build-ca.pem; \
        export PIP_CERT=/tmp/build-ca.pem; \
    fi; \
    /opt/venv/bin/python -c 'import tomllib; p = tomllib.load(open("pyproject.toml", "rb")); \
        print("\n".join(p["project"]["dependencies"] + p["build-system"]["requires"]))' \
        > requirements-runtime.txt; \
    /opt/venv/bin/pip install --constraint requirements.lock --requirement requirements-runtime.txt; \
    rm -f /tmp/build-ca.pem

COPY README.md ./
COPY src ./src
COPY generated/python ./generated/python
# Built with the build system installed above, so a change to the code downloads nothing.
RUN /opt/venv/bin/pip install --no-deps --no-build-isolation . \
    && /opt/venv/bin/pip check \
    && /opt/venv/bin/pip uninstall --yes --quiet pip setuptools wheel

# ---------------------------------------------------------------- runtime
FROM ${BASE_IMAGE}
LABEL org.opencontainers.image.title=provider-registry

# A fixed numeric uid, so that Kubernetes' runAsNonRoot can verify it without a passwd lookup.
RUN groupadd --system --gid 10001 provider-registry \
    && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin provider-registry

COPY --from=builder /opt/venv /opt/venv
# What the service reads at run time besides its package: the spec Connexion routes and validates
# with, and the bundled spec it serves. The docs pages' assets (swagger-ui-dist, redoc) come from
# npm and are not in the image: /api/v1/ui/ and /api/v1/redoc answer 503 until a volume with
# them is mounted at PROVIDER_REGISTRY_DOCS_ASSETS_DIR.
COPY api /app/api
COPY generated/openapi.json generated/openapi.yaml /app/generated/

# The package is installed (not editable), so the directories the settings find from the source
# tree by default are named here.
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PROVIDER_REGISTRY_ENVIRONMENT=production \
    PROVIDER_REGISTRY_API_DIR=/app/api \
    PROVIDER_REGISTRY_GENERATED_DIR=/app/generated \
    PROVIDER_REGISTRY_DOCS_ASSETS_DIR=/app/docs-assets \
    PROVIDER_REGISTRY_SERVER_HOST=0.0.0.0 \
    PROVIDER_REGISTRY_SERVER_PORT=8080

WORKDIR /app
USER 10001:10001
EXPOSE 8080

# Liveness as the orchestrator without its own probes sees it (Kubernetes ignores HEALTHCHECK and
# uses the Deployment's probes): /live, which asks nothing of the database, so a database outage
# does not mark every instance unhealthy. /ready and /health report the dependencies.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/live' % os.environ.get('PROVIDER_REGISTRY_SERVER_PORT', '8080'), timeout=4)"]

ENTRYPOINT ["provider-registry"]
CMD ["serve"]
