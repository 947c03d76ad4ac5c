# Provider Registry. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
PY_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
T ?= tests
# Test processes (pytest-xdist); each starts its own throwaway PostgreSQL. JOBS=0 runs serially.
JOBS ?= 2

# `make run` is for development unless the environment says otherwise.
run: export PROVIDER_REGISTRY_ENVIRONMENT ?= development

.PHONY: help
help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-16s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

.PHONY: install
install: system-deps $(PY_STAMP) $(NODE_STAMP) ## Install what is missing: system packages, Python and npm dependencies

.PHONY: system-deps
system-deps: ## Install system packages this project needs (Python venv, Node.js, PostgreSQL, Redis, Chromium) if missing
	@scripts/install-system-deps.sh

$(PY_STAMP): requirements.lock pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	$(PY) -m pip install --quiet --no-deps -e generated/clients/python
	@touch $@

$(NODE_STAMP): package-lock.json package.json
	SCARF_ANALYTICS=false npm ci --no-audit --no-fund --loglevel=error
	@touch $@

.PHONY: run
run: install ## Development server on 127.0.0.1:8080 (SQLite by default), migrations applied
	$(BIN)/provider-registry run

.PHONY: serve
serve: install ## Production server: gunicorn + uvicorn workers (needs PROVIDER_REGISTRY_JWT_SECRET)
	$(BIN)/provider-registry serve

.PHONY: migrate
migrate: install ## Apply database migrations to PROVIDER_REGISTRY_DATABASE_URL
	$(BIN)/provider-registry migrate

.PHONY: test
test: install ## Run the suite (all but the contract, topology, image and bench-tool runs) on a throwaway PostgreSQL (T=path, JOBS=n)
	$(BIN)/pytest -n $(JOBS) -m "not contract and not image and not topology and not bench" $(T)

.PHONY: test-contract
test-contract: install ## schemathesis against the live server (about 5 minutes; CI runs it after make test)
	$(BIN)/pytest -m contract tests/contract

.PHONY: test-topology
test-topology: install ## nginx in front of three instances on one PostgreSQL and Redis, under load, with restarts and outages (about 2 minutes)
	@scripts/install-system-deps.sh topology
	$(BIN)/pytest -s -m topology tests/topology

.PHONY: image-deps
image-deps: ## Install what `make test-image` needs if missing: Docker's engine (docker.io) and mmdebstrap
	@scripts/install-system-deps.sh image

.PHONY: test-image
test-image: $(PY_STAMP) image-deps ## Build the Docker image (on a Debian base made here) and smoke-test it: migrate, serve, non-root, no compiler
	$(BIN)/pytest -m image tests/deploy

.PHONY: test-bench
test-bench: install bench-deps ## The benchmark tool's real short runs: the table, a refused noisy round, a profile (about 2 minutes)
	$(BIN)/pytest -m bench tests/bench

.PHONY: bench-deps
bench-deps: ## Install wrk, the load generator `make bench` drives, if missing
	@scripts/install-system-deps.sh bench

.PHONY: bench
bench: $(PY_STAMP) bench-deps ## Benchmark against a bare Connexion anchor, side by side (BENCH_ARGS="--duration 2 --only me-bearer")
	$(PY) scripts/bench/registry_bench.py $(BENCH_ARGS)

.PHONY: generate
generate: $(PY_STAMP) $(NODE_STAMP) ## Regenerate generated/ (bundled spec, Pydantic models, TypeScript types) from api/
	scripts/generate.sh

.PHONY: check-generated
check-generated: $(PY_STAMP) $(NODE_STAMP) ## Fail if generated/ differs from what api/ produces
	scripts/check-generated.sh

.PHONY: lint
lint: $(PY_STAMP) $(NODE_STAMP) ## ruff, mypy, the generated clients' strict mypy and tsc, openapi-spec-validator, redocly lint, Spectral (.spectral.yaml), the breaking-change guard, import-linter's layer contracts and the deploy manifests
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/mypy
	$(BIN)/mypy scripts/bench/registry_bench.py scripts/bench/anchor/app.py
	cd src && ../$(BIN)/lint-imports --config ../pyproject.toml --no-cache
	$(BIN)/mypy --strict generated/clients/python/provider_registry_client tests/clients
	node_modules/.bin/tsc -p tests/clients/ts/tsconfig.json --noEmit
	$(BIN)/openapi-spec-validator api/openapi.yaml
	REDOCLY_TELEMETRY=off node_modules/.bin/redocly lint api/openapi.yaml --extends=recommended --format=stylish 2>&1 | grep -v -E '^\s*$$|Node.js|nodejs.org|╔|╚|║' ; test $${PIPESTATUS[0]} -eq 0
	$(PY) scripts/check-breaking.py
	node_modules/.bin/spectral lint generated/openapi.json --ruleset .spectral.yaml --fail-severity error --display-only-failures --quiet
	BIN=$(BIN) scripts/lint-deploy.sh

.PHONY: format
format: $(PY_STAMP) ## Format the Python code
	$(BIN)/ruff format src tests scripts
	$(BIN)/ruff check --fix src tests scripts

.PHONY: ci
ci: install lint check-generated test test-contract ## Everything CI runs

.PHONY: lock
lock: ## Re-resolve the Python dependencies into requirements.lock (fresh venv)
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --upgrade pip
	.lock-venv/bin/pip install --quiet -e '.[dev]'
	.lock-venv/bin/pip freeze --exclude-editable | grep -v '^-e ' > requirements.lock
	rm -rf .lock-venv

.PHONY: clean
clean: ## Remove the virtualenv, node_modules and caches
	rm -rf $(VENV) node_modules .mypy_cache .ruff_cache .pytest_cache
