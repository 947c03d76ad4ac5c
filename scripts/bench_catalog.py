#!/usr/bin/env python3
"""Catalog search at scale: GET /api/v1/services p50/p99 with 100k services.

    PROVIDER_REGISTRY_RATE_LIMIT_ENABLED=false make serve        # with the usual secrets
    scripts/bench_catalog.py --database-url postgresql://postgres@127.0.0.1:5432/registry

Works against a running server (`make serve`, gunicorn with uvicorn workers) and its PostgreSQL.

Seeding: bulk-loads (COPY) --services services straight into `services` and `service_tags`,
spread over --providers new approved providers (inserted too). Names, descriptions (built from a
fixed vocabulary, so with 100k services a common word matches a few thousand rows and a pair of
rarer words about a hundred), categories, tags, pricing, SLA and compliance documents vary;
created_at spreads over the last year, published_at follows it; 90% active, 10% deprecated.
search_text is built as the catalog service builds it (name, description, tags), so PostgreSQL's
generated search_vector and its GIN index cover the new rows. Then ANALYZE. --reuse skips the
load when the table already holds --services rows (and tops it up otherwise); without it every
run adds --services more.

Scenarios, each --requests GETs over --concurrency keep-alive connections (scripts/bench.py):

  (a) first page, newest first:        /api/v1/services?limit=20
  (b) full-text, relevance-ranked:     ?query=<common word>&limit=20
  (c) full-text, two rarer words:      ?query=<word> <word>&limit=20
  (d) full-text and a category:        ?query=<common word>&category=...&limit=20
  (e) tag filter:                      ?tags=<tag>&limit=20
  (f) a deep keyset page: next_cursor followed --deep-pages times with sort_by=created_at (the
      sequential walk is timed too and checked for repeated rows), then that page benchmarked.

Also runs EXPLAIN (ANALYZE) once on the SQL the repository issues for (b) and says whether the
GIN index ix_services_search_vector is used (--explain prints every scenario's plan).

The server must run with rate limits disabled (PROVIDER_REGISTRY_RATE_LIMIT_ENABLED=false):
the benchmark stops rather than measure 429s. Only loopback servers and databases are allowed.
One line per scenario; --json adds one machine-readable document at the end. Exits 1 when a
scenario got anything but 200s.
"""

from __future__ import annotations

import argparse
import base64
import csv
import importlib.util
import io
import json
import random
import statistics
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

SERVICES = "/api/v1/services"
RATE_LIMIT_HINT = (
    "the server is rate limiting: restart it with PROVIDER_REGISTRY_RATE_LIMIT_ENABLED=false "
    "and run the benchmark again"
)
# A rate limit below this would turn the measurement into one of 429 answers.
ENOUGH_PER_MINUTE = 100_000
SEARCH_CONFIG = "english"
GIN_INDEX = "ix_services_search_vector"


def _load_bench() -> ModuleType:
    """scripts/bench.py, imported by path (scripts/ is not a package), registered as "bench" so
    its worker function can be found by name in worker processes, whatever the start method."""
    if "bench" in sys.modules:
        return sys.modules["bench"]
    path = Path(__file__).resolve().with_name("bench.py")
    spec = importlib.util.spec_from_file_location("bench", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench"] = module
    spec.loader.exec_module(module)
    return module


bench_module = _load_bench()


class Failed(Exception):
    pass


# ------------------------------------------------------------------------------ vocabulary

# (category, weight, product nouns, capability names)
CATEGORIES: list[tuple[str, int, list[str], list[str]]] = [
    ("text-generation", 20, ["language model", "chat assistant", "text generator"],
     ["chat_completion", "text_completion", "tool_use"]),
    ("embeddings", 12, ["embedding model", "vector encoder"],
     ["embed_text", "embed_batch"]),
    ("classification", 8, ["document classifier", "intent classifier"],
     ["classify", "classify_batch"]),
    ("translation", 8, ["translation engine", "machine translator"],
     ["translate", "detect_language"]),
    ("summarization", 9, ["summarizer", "digest generator"],
     ["summarize", "extract_key_points"]),
    ("question-answering", 8, ["answer engine", "retrieval assistant"],
     ["answer", "retrieve"]),
    ("sentiment-analysis", 5, ["sentiment scorer", "opinion analyzer"],
     ["score_sentiment", "detect_emotion"]),
    ("code-generation", 10, ["code assistant", "code generator"],
     ["complete_code", "explain_code", "generate_tests"]),
    ("image-generation", 7, ["image generator", "diffusion renderer"],
     ["text_to_image", "inpaint", "upscale"]),
    ("speech-to-text", 6, ["transcription engine", "speech recognizer"],
     ["transcribe", "diarize"]),
    ("text-to-speech", 4, ["voice synthesizer", "speech generator"],
     ["synthesize", "clone_voice"]),
    ("other", 3, ["inference service", "model pipeline"],
     ["predict", "batch_predict"]),
]  # fmt: skip
ADJECTIVES = [
    "fast", "lightweight", "distilled", "quantized", "robust", "scalable", "accurate",
    "efficient", "compact", "secure", "adaptive", "affordable", "reliable", "realtime",
    "serverless", "elastic", "managed", "hosted", "optimized", "calibrated", "explainable",
    "auditable", "private", "sovereign", "federated", "sparse", "pruned", "balanced", "precise",
    "resilient", "nimble", "turbo", "frontier", "production", "experimental", "pragmatic",
    "versatile", "modular", "curated", "tireless",
]  # fmt: skip
LANGUAGES = [
    "multilingual", "english", "spanish", "german", "french", "japanese", "arabic", "hindi",
    "portuguese", "korean", "chinese", "italian", "dutch", "swahili", "turkish", "polish",
]  # fmt: skip
DOMAINS = [
    "healthcare", "finance", "legal", "retail", "logistics", "insurance", "education",
    "gaming", "telecom", "energy", "manufacturing", "agriculture", "aviation", "maritime",
    "biotech", "pharma", "hospitality", "media", "advertising", "government", "automotive",
    "construction", "mining", "banking", "ecommerce", "travel", "realestate", "cybersecurity",
    "nonprofit", "sports", "fashion", "publishing", "research", "support", "marketing",
    "procurement", "accounting", "journalism", "recruiting", "utilities",
]  # fmt: skip
USE_CASES = [
    "contract review", "ticket triage", "claims processing", "fraud detection", "chatbots",
    "semantic search", "recommendations", "compliance monitoring", "call analytics",
    "document intake", "knowledge bases", "onboarding", "content moderation",
    "report drafting", "localization", "meeting notes", "email routing", "invoice parsing",
    "product catalogs", "patient intake", "risk scoring", "code review", "test generation",
    "log analysis", "incident response", "voice assistants", "subtitles", "accessibility",
    "podcast transcription", "market research", "churn prediction", "lead qualification",
    "resume screening", "due diligence", "tax preparation", "policy drafting",
    "data labeling", "forecasting", "sales enablement", "field service", "quality assurance",
    "inventory planning", "clinical notes", "case law research", "news digests",
    "social listening", "brand monitoring", "agent handoff", "documentation", "archiving",
]  # fmt: skip
FAMILIES = [
    "transformer", "encoder", "decoder", "llama", "mistral", "bert", "roberta", "t5",
    "whisper", "diffusion", "mixture of experts", "state space", "gpt", "falcon", "qwen",
    "gemma", "phi", "deberta", "electra", "bart", "pegasus", "marian", "wav2vec", "conformer",
    "vits", "tacotron", "clip", "codegen", "starcoder", "mamba",
]  # fmt: skip
FEATURES = [
    "streaming", "batching", "function calling", "json mode", "long context", "low latency",
    "autoscaling", "fine tuning", "caching", "guardrails", "audit logging", "webhooks",
    "rate limiting", "single sign-on", "on premise deployment", "vpc peering",
    "gpu acceleration", "cpu inference", "speculative decoding", "prompt templates",
    "evaluation dashboards", "usage analytics", "pii redaction", "content filtering",
    "custom vocabularies", "speaker diarization", "voice cloning", "style presets",
    "code completion", "retries",
]  # fmt: skip
CITIES = [
    "frankfurt", "dublin", "virginia", "oregon", "tokyo", "singapore", "sydney", "mumbai",
    "toronto", "stockholm", "paris", "seoul",
]  # fmt: skip
# Tags, most used first (Zipf-like weights).
TAGS = [
    "llm", "chat", "gpu", "streaming", "multilingual", "open-source", "enterprise",
    "low-latency", "batch", "realtime", "fine-tunable", "rag", "vision", "audio", "nlp", "gdpr",
    "hipaa", "soc2", "on-prem", "serverless", "eu-hosted", "us-hosted", "budget", "premium",
    "beta", "stable", "long-context", "json", "function-calling", "quantized", "distilled",
    "small", "large", "medical", "legal", "finance", "code", "python", "javascript", "sql",
    "speech", "ocr", "search", "vector", "diffusion", "moderation", "agents", "edge",
]  # fmt: skip
TAG_WEIGHTS = [1 / (rank + 1) ** 0.9 for rank in range(len(TAGS))]
BRANDS = [
    "nimbus", "aurora", "vector", "quasar", "helix", "lumen", "cobalt", "ember", "zephyr",
    "atlas", "nova", "orbit", "pulse", "sierra", "tundra", "vertex", "willow", "krypton",
    "meridian", "onyx", "polar", "raven", "summit", "titan", "umbra", "vivid", "apex", "boreal",
    "cirrus", "delta",
]  # fmt: skip
# Product words in service names, by category.
PRODUCTS = {
    "text-generation": ["chat", "write", "draft", "assist", "agent"],
    "embeddings": ["embed", "vectors", "rerank"],
    "classification": ["classify", "triage", "label"],
    "translation": ["translate", "lingo", "locale"],
    "summarization": ["summarize", "digest", "brief"],
    "question-answering": ["answer", "ask", "kb"],
    "sentiment-analysis": ["sentiment", "mood", "opinion"],
    "code-generation": ["coder", "codegen", "pair"],
    "image-generation": ["vision", "paint", "render"],
    "speech-to-text": ["scribe", "transcribe", "listen"],
    "text-to-speech": ["voice", "speak", "narrate"],
    "other": ["infer", "insight", "guard"],
}
VARIANTS = ["", "", "", "-mini", "-large", "-pro", "-lite", "-xl", "-turbo", "-instruct"]
PROVIDER_SUFFIXES = ["AI", "Labs", "Cloud", "Systems", "Intelligence", "Compute", "Research"]
REGIONS = [
    "us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1", "ap-northeast-1",
    "sa-east-1", "ca-central-1",
]  # fmt: skip
# (model, weight, unit, rate range)
PRICING = [
    ("per-token", 45, "1k tokens", (0.0001, 0.06)),
    ("per-request", 20, "request", (0.0001, 0.01)),
    ("per-minute", 8, "minute", (0.002, 0.05)),
    ("subscription", 12, "month", (9.0, 499.0)),
    ("free", 15, "", (0.0, 0.0)),
]
AVAILABILITY = [99.0, 99.5, 99.9, 99.95, 99.99]
LATENCIES = [100, 200, 300, 500, 800, 1000, 2000, 5000]
CERTIFICATIONS = ["SOC2", "ISO27001", "HIPAA", "PCI-DSS", "GDPR", "FedRAMP"]
RESIDENCY = ["US", "EU", "GB", "JP", "SG", "AU", "CA", "DE", "FR", "IN"]
PUBLIC_STATUSES = ("active", "deprecated")

PROVIDER_COLUMNS = (
    "id, name, email, organization, public_key, endpoints, metadata, region, gpu_model, "
    "gpu_count, pricing, capacity, status, rejection_reason, suspension_reason, "
    "billing_account_id, owner_account_id, version, reviewed_at, created_at, updated_at"
)
SERVICE_COLUMNS = (
    "id, provider_id, name, version, description, category, tags, capabilities, endpoint, "
    "pricing, sla, compliance, pricing_model, compliance_level, sla_availability, "
    "sla_max_latency, search_text, status, suspension_reason, revision, deleted_at, "
    "published_at, created_at, updated_at"
)

# The catalog search statement as ServiceRepository.search and _keyset build it on PostgreSQL
# (the same columns, filters, row-value cursor and order; limit + 1 rows); for EXPLAIN only.
SELECT_COLUMNS = ", ".join("services." + name.strip() for name in SERVICE_COLUMNS.split(","))
SEARCH_SQL = (
    "SELECT {columns}, {key} AS sort_key FROM services WHERE {where} "
    "ORDER BY {key} DESC, services.id DESC LIMIT %(limit)s"
)
TAG_EXISTS = (
    "(EXISTS (SELECT * FROM service_tags WHERE service_tags.service_id = services.id "
    "AND service_tags.tag = %(tag{n})s))"
)


# ------------------------------------------------------------------------------ HTTP helpers


def get(base: str, path: str) -> tuple[int, dict[str, Any], dict[str, str]]:
    try:
        with urllib.request.urlopen(base + path, timeout=30) as response:
            status, raw, headers = response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        status, raw, headers = error.code, error.read(), dict(error.headers)
    except OSError as error:
        raise Failed(f"GET {path}: cannot reach {base}: {error}") from error
    try:
        document = json.loads(raw) if raw else {}
    except ValueError:
        document = {"raw": raw[:200].decode("utf-8", "replace")}
    return status, document, headers


def expect_ok(status: int, document: dict[str, Any], headers: dict[str, str], what: str) -> None:
    if status == 429:
        raise Failed(f"{what}: 429 Too Many Requests; {RATE_LIMIT_HINT}")
    if status != 200:
        raise Failed(f"{what}: expected 200, got {status}: {document}")
    limit = {k.lower(): v for k, v in headers.items()}.get("x-ratelimit-limit")
    if limit is not None and (not limit.isdigit() or int(limit) < ENOUGH_PER_MINUTE):
        raise Failed(f"{what}: the server sends X-RateLimit-Limit {limit}; {RATE_LIMIT_HINT}")


def summarize(
    label: str, latencies: list[float], statuses: dict[int, int], seconds: float
) -> dict[str, Any]:
    ordered = sorted(latencies)
    return {
        "scenario": label,
        "requests": len(ordered),
        "seconds": round(seconds, 3),
        "rps": round(len(ordered) / seconds, 1) if seconds > 0 else None,
        "p50_ms": round(bench_module.percentile(ordered, 0.50) * 1000, 2),
        "p99_ms": round(bench_module.percentile(ordered, 0.99) * 1000, 2),
        "mean_ms": round(statistics.fmean(ordered) * 1000, 2) if ordered else None,
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
    }


def report(result: dict[str, Any], extra: str = "") -> None:
    print(
        f"{result['scenario']:<46} {result['rps']:>8} req/s  p50 {result['p50_ms']:>8} ms  "
        f"p99 {result['p99_ms']:>8} ms  ({result['requests']} requests{extra}, "
        f"statuses {result['statuses']})",
        flush=True,
    )


def services_path(**params: Any) -> str:
    return f"{SERVICES}?{urlencode(params, doseq=True)}"


# ------------------------------------------------------------------------------ database


def connect(database_url: str) -> Any:
    import psycopg2  # type: ignore[import-untyped]

    return psycopg2.connect(database_url.replace("postgresql+psycopg2://", "postgresql://", 1))


def scalar(connection: Any, sql: str, params: Any = None) -> Any:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def public_key_pem() -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


def money(value: float) -> str:
    """A Money string (no float noise, at most 8 decimals, no leading zeros)."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text or "0"


def provider_rows(
    rng: random.Random, run: str, count: int, pem: str, now: datetime
) -> tuple[io.StringIO, list[tuple[uuid.UUID, str]]]:
    """CSV for COPY: ``count`` approved providers, created one to two years ago."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    providers: list[tuple[uuid.UUID, str]] = []
    for index in range(count):
        provider_id = uuid.UUID(int=rng.getrandbits(128), version=4)
        brand = BRANDS[index % len(BRANDS)]
        name = f"{brand.title()} {rng.choice(PROVIDER_SUFFIXES)}"
        region = rng.choice(REGIONS)
        created = now - timedelta(days=rng.uniform(370, 730))
        reviewed = created + timedelta(hours=rng.uniform(1, 72))
        endpoints = [
            {
                "type": "api",
                "url": f"https://api.{brand}-{run}-{index}.example",
                "protocol": "https",
                "secure": True,
            }
        ]
        writer.writerow(
            [
                provider_id,
                name,
                f"catalog-bench-{run}-{index}@bench.example",
                f"{brand.title()} Inc.",
                pem,
                json.dumps(endpoints),
                json.dumps({"region": region}),
                region,
                None,
                0,
                None,
                None,
                "approved",
                None,
                None,
                None,
                None,
                1,
                reviewed.isoformat(),
                created.isoformat(),
                reviewed.isoformat(),
            ]
        )
        providers.append((provider_id, brand))
    buffer.seek(0)
    return buffer, providers


def description(rng: random.Random, nouns: list[str]) -> str:
    adjective, language = rng.choice(ADJECTIVES), rng.choice(LANGUAGES)
    domain, family = rng.choice(DOMAINS), rng.choice(FAMILIES)
    first, second = rng.sample(USE_CASES, 2)
    feature_a, feature_b = rng.sample(FEATURES, 2)
    text = (
        f"{adjective.capitalize()} {language} {rng.choice(nouns)} for {domain} teams. "
        f"Built on a {family} backbone and tuned for {first} and {second}. "
        f"Supports {feature_a} and {feature_b}."
    )
    if rng.random() < 0.5:
        support = rng.choice(["community", "business hours", "round-the-clock"])
        text += f" Hosted in {rng.choice(CITIES).capitalize()} with {support} support."
    return text


def pricing_document(rng: random.Random) -> dict[str, Any]:
    models, weights = [p[0] for p in PRICING], [p[1] for p in PRICING]
    model = rng.choices(models, weights)[0]
    _, _, unit, (low, high) = PRICING[models.index(model)]
    currency = "EUR" if rng.random() < 0.15 else "USD"
    if model == "free":
        return {"model": "free", "currency": currency, "rates": []}
    rate: dict[str, Any] = {"tier": "standard", "unit": unit, "rate": money(rng.uniform(low, high))}
    if model == "per-token":
        base = rng.uniform(low, high)
        rate.update(input_rate=money(base * 0.75), output_rate=money(base))
    rates = [rate]
    if rng.random() < 0.3:
        rates.append({"tier": "volume", "unit": unit, "rate": money(rng.uniform(low, high) * 0.7)})
    return {"model": model, "currency": currency, "rates": rates}


def service_rows(
    rng: random.Random,
    count: int,
    providers: list[tuple[uuid.UUID, str]],
    now: datetime,
    taken: set[tuple[uuid.UUID, str, str]],
) -> tuple[io.StringIO, io.StringIO]:
    """CSV for COPY: ``count`` services over ``providers`` and their service_tags rows;
    ``taken`` holds the (provider, name, version) triples used so far in this run."""
    services, tags_out = io.StringIO(), io.StringIO()
    service_csv, tag_csv = csv.writer(services), csv.writer(tags_out)
    category_weights = [c[1] for c in CATEGORIES]
    year = timedelta(days=365).total_seconds()
    for _ in range(count):
        provider_id, brand = rng.choice(providers)
        category, _, nouns, capability_names = rng.choices(CATEGORIES, category_weights)[0]
        name = f"{brand}-{rng.choice(PRODUCTS[category])}{rng.choice(VARIANTS)}"
        major, minor, patch = rng.randint(0, 3), rng.randint(0, 12), rng.randint(0, 9)
        while (provider_id, name, f"{major}.{minor}.{patch}") in taken:
            patch += 1
        version = f"{major}.{minor}.{patch}"
        taken.add((provider_id, name, version))
        text = description(rng, nouns)
        tags: list[str] = []
        wanted = rng.randint(2, 5)
        while len(tags) < wanted:
            tag = rng.choices(TAGS, TAG_WEIGHTS)[0]
            if tag not in tags:
                tags.append(tag)
        capabilities = [
            {"name": cap, "description": f"{cap.replace('_', ' ').capitalize()} endpoint."}
            for cap in rng.sample(capability_names, rng.randint(1, len(capability_names)))
        ]
        endpoint = {
            "url": f"https://api.{brand}.example/v{major + 1}/{name}",
            "protocol": rng.choices(["rest", "grpc", "websocket"], [80, 12, 8])[0],
            "authentication": rng.choices(["api-key", "bearer", "oauth2"], [70, 20, 10])[0],
        }
        pricing = pricing_document(rng)
        sla: dict[str, Any] | None = None
        if rng.random() < 0.8:
            sla = {
                "availability": rng.choice(AVAILABILITY),
                "max_latency": rng.choice(LATENCIES),
                "support_level": rng.choice(["basic", "standard", "premium"]),
            }
        compliance: dict[str, Any] | None = None
        if rng.random() < 0.6:
            compliance = {
                "level": rng.choices(
                    ["public", "internal", "confidential", "restricted"], [50, 25, 15, 10]
                )[0],
                "certifications": rng.sample(CERTIFICATIONS, rng.randint(0, 3)),
                "data_residency": rng.sample(RESIDENCY, rng.randint(1, 3)),
            }
        created = now - timedelta(seconds=rng.uniform(3600, year), microseconds=rng.randint(1, 999))
        published = min(created + timedelta(hours=rng.uniform(0.05, 48)), now)
        updated = min(published + timedelta(days=rng.expovariate(1 / 20)), now)
        status = "deprecated" if rng.random() < 0.1 else "active"
        service_id = uuid.UUID(int=rng.getrandbits(128), version=4)
        # As catalog.service._derived builds it: the source of the generated search_vector.
        search_text = " ".join([name.replace("-", " "), text, *tags])
        service_csv.writerow(
            [
                service_id,
                provider_id,
                name,
                version,
                text,
                category,
                json.dumps(tags),
                json.dumps(capabilities),
                json.dumps(endpoint),
                json.dumps(pricing),
                json.dumps(sla) if sla else None,
                json.dumps(compliance) if compliance else None,
                pricing["model"],
                compliance["level"] if compliance else None,
                float(sla["availability"]) if sla else None,
                sla["max_latency"] if sla else None,
                search_text,
                status,
                None,
                1,
                None,
                published.isoformat(),
                created.isoformat(),
                updated.isoformat(),
            ]
        )
        for tag in sorted(set(tags)):
            tag_csv.writerow([service_id, tag])
    services.seek(0)
    tags_out.seek(0)
    return services, tags_out


def seed(opts: argparse.Namespace) -> dict[str, Any]:
    connection = connect(opts.database_url)
    try:
        existing = int(scalar(connection, "SELECT count(*) FROM services"))
        missing = max(0, opts.services - existing) if opts.reuse else opts.services
        if missing == 0:
            print(f"seed: reusing {existing} services (--reuse)", flush=True)
            return {"existing": existing, "inserted": 0, "seconds": 0.0}
        seed_value = opts.seed if opts.seed is not None else random.SystemRandom().getrandbits(32)
        rng = random.Random(seed_value)
        run = f"{rng.getrandbits(32):08x}"
        now = datetime.now(UTC)
        started = time.perf_counter()
        pem = public_key_pem()  # one real key for all providers: RSA generation is slow
        provider_count = max(1, min(opts.providers, missing))
        buffer, providers = provider_rows(rng, run, provider_count, pem, now)
        with connection.cursor() as cursor:
            cursor.copy_expert(
                f"COPY providers ({PROVIDER_COLUMNS}) FROM STDIN WITH (FORMAT csv)", buffer
            )
        connection.commit()
        generating = copying = 0.0
        taken: set[tuple[uuid.UUID, str, str]] = set()
        inserted = 0
        while inserted < missing:
            size = min(opts.chunk, missing - inserted)
            begun = time.perf_counter()
            services, tags = service_rows(rng, size, providers, now, taken)
            generating += time.perf_counter() - begun
            begun = time.perf_counter()
            with connection.cursor() as cursor:
                cursor.copy_expert(
                    f"COPY services ({SERVICE_COLUMNS}) FROM STDIN WITH (FORMAT csv)", services
                )
                cursor.copy_expert(
                    "COPY service_tags (service_id, tag) FROM STDIN WITH (FORMAT csv)", tags
                )
            connection.commit()
            copying += time.perf_counter() - begun
            inserted += size
            print(f"seed: {existing + inserted} services ...", flush=True)
        begun = time.perf_counter()
        with connection.cursor() as cursor:
            # What autovacuum would do soon: move the GIN index's pending list into the index.
            cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", (GIN_INDEX,))
            for table in ("providers", "services", "service_tags"):
                cursor.execute(f"ANALYZE {table}")
        connection.commit()
        analyzing = time.perf_counter() - begun
        seconds = time.perf_counter() - started
        total = int(scalar(connection, "SELECT count(*) FROM services"))
        print(
            f"seed: inserted {inserted} services over {provider_count} providers in "
            f"{seconds:.1f} s ({inserted / seconds:,.0f} rows/s; generate {generating:.1f} s, "
            f"COPY {copying:.1f} s, ANALYZE {analyzing:.1f} s; seed {seed_value}); "
            f"{total} services in total",
            flush=True,
        )
        return {
            "existing": existing,
            "inserted": inserted,
            "providers": provider_count,
            "seconds": round(seconds, 2),
            "generate_seconds": round(generating, 2),
            "copy_seconds": round(copying, 2),
            "analyze_seconds": round(analyzing, 2),
            "seed": seed_value,
        }
    finally:
        connection.close()


# ------------------------------------------------------------------------------ SQL (EXPLAIN)


def search_sql(
    query: str | None = None,
    category: str | None = None,
    tags: Sequence[str] = (),
    sort_by: str | None = None,
    cursor: tuple[Any, str] | None = None,
    limit: int = 20,
) -> tuple[str, dict[str, Any]]:
    """The statement ServiceRepository.search builds on PostgreSQL (descending sort)."""
    sort_by = sort_by or ("relevance" if query else "created_at")
    params: dict[str, Any] = {"limit": limit + 1}
    tsquery = f"websearch_to_tsquery('{SEARCH_CONFIG}', %(query)s)"
    where = ["services.status IN ('active', 'deprecated')", "services.deleted_at IS NULL"]
    if query:
        params["query"] = query
        where.append(f"(services.search_vector @@ {tsquery})")
    if category:
        params["category"] = category
        where.append("services.category = %(category)s")
    for number, tag in enumerate(tags):
        params[f"tag{number}"] = tag.lower()
        where.append(TAG_EXISTS.replace("{n}", str(number)))
    if sort_by == "relevance":
        key = f"ts_rank(services.search_vector, {tsquery})"
    else:
        key = f"services.{sort_by}"
    if cursor:
        params["after"], params["after_id"] = cursor
        where.append(f"({key}, services.id) < (%(after)s, %(after_id)s::uuid)")
    sql = SEARCH_SQL.format(columns=SELECT_COLUMNS, key=key, where=" AND ".join(where))
    return sql, params


def explain(connection: Any, sql: str, params: dict[str, Any]) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS off) " + sql, params)
        lines = [row[0] for row in cursor.fetchall()]
    connection.rollback()
    return lines


def decode_cursor(path: str) -> tuple[Any, str] | None:
    token = parse_qs(urlsplit(path).query).get("cursor", [""])[0]
    if not token:
        return None
    _by, _order, value, ident = json.loads(
        base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    )
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value, ident


# ------------------------------------------------------------------------------ scenarios


def page_scenario(opts: argparse.Namespace, label: str, path: str) -> dict[str, Any]:
    status, document, headers = get(opts.url, path)
    expect_ok(status, document, headers, label)
    if not document.get("items"):
        raise Failed(f"{label}: {path} returned no services")
    warm = min(100, opts.requests // 10)
    if warm:
        bench_module.bench(opts.url, path, "GET", {}, None, warm, min(opts.concurrency, 4), 1)
    result: dict[str, Any] = bench_module.bench(
        opts.url, path, "GET", {}, None, opts.requests, opts.concurrency, opts.processes
    )
    result["scenario"] = label
    report(result, f", {result['concurrency']} connections")
    return result


def walk(opts: argparse.Namespace) -> tuple[str, dict[str, Any]]:
    """Follow next_cursor --deep-pages times (sort_by=created_at); return the page after the
    last one followed, the walk's timings, and whether any row came twice."""
    base = {"sort_by": "created_at", "limit": opts.limit}
    path = services_path(**base)
    latencies: list[float] = []
    checkpoints: dict[str, float] = {}
    seen: set[str] = set()
    repeated = 0
    started = time.perf_counter()
    for number in range(1, opts.deep_pages + 1):
        begun = time.perf_counter()
        status, document, headers = get(opts.url, path)
        latencies.append(time.perf_counter() - begun)
        expect_ok(status, document, headers, f"catalog page {number}")
        ids = [item["id"] for item in document.get("items", [])]
        repeated += sum(1 for ident in ids if ident in seen)
        seen.update(ids)
        if number in (1, 10, 100, 250, 500, 1000, 2000) or number == opts.deep_pages:
            checkpoints[str(number)] = round(latencies[-1] * 1000, 2)
        cursor = document.get("next_cursor")
        if not cursor:
            raise Failed(f"the catalog ends after {number} pages; seed more services")
        path = services_path(**base, cursor=cursor)
    result = summarize(
        f"(f) walk {len(latencies)} pages (sequential)",
        latencies,
        {200: len(latencies)},
        time.perf_counter() - started,
    )
    result["page_ms_at"] = checkpoints
    result["rows_seen"] = len(seen)
    result["rows_repeated"] = repeated
    return path, result


def match_counts(opts: argparse.Namespace) -> dict[str, int]:
    """How many public services each filtered scenario matches (its result set's size)."""
    public = "SELECT count(*) FROM services WHERE status IN ('active', 'deprecated') "
    public += "AND deleted_at IS NULL"
    text = f" AND search_vector @@ websearch_to_tsquery('{SEARCH_CONFIG}', %s)"
    tagged = " AND EXISTS (SELECT 1 FROM service_tags t WHERE t.service_id = id AND t.tag = %s)"
    queries: dict[str, tuple[str, tuple[Any, ...]]] = {
        "public": (public, ()),
        "common": (public + text, (opts.common_query,)),
        "rare": (public + text, (opts.rare_query,)),
        "common_category": (
            public + text + " AND category = %s",
            (opts.common_query, opts.category),
        ),
        "tag": (public + tagged, (opts.tag.lower(),)),
    }
    connection = connect(opts.database_url)
    try:
        return {key: int(scalar(connection, sql, params)) for key, (sql, params) in queries.items()}
    finally:
        connection.close()


def run_scenarios(opts: argparse.Namespace) -> dict[str, Any]:
    counts = match_counts(opts)
    print(
        f"catalog: {counts['public']} public services; '{opts.common_query}' matches "
        f"{counts['common']}, '{opts.rare_query}' {counts['rare']}, '{opts.common_query}' in "
        f"{opts.category} {counts['common_category']}, tag {opts.tag} {counts['tag']}",
        flush=True,
    )
    limit = opts.limit
    paths = {
        "first": services_path(limit=limit),
        "query": services_path(query=opts.common_query, limit=limit),
        "rare": services_path(query=opts.rare_query, limit=limit),
        "query_category": services_path(
            query=opts.common_query, category=opts.category, limit=limit
        ),
        "tag": services_path(tags=[opts.tag], limit=limit),
    }
    labels = {
        "first": "(a) first page, newest",
        "query": f"(b) query={opts.common_query}",
        "rare": f"(c) query={opts.rare_query}",
        "query_category": f"(d) query={opts.common_query} category={opts.category}",
        "tag": f"(e) tags={opts.tag}",
    }
    results: dict[str, Any] = {"matches": counts}
    for key, path in paths.items():
        results[key] = page_scenario(opts, labels[key], path)
    deep_path, walked = walk(opts)
    report(walked, f", page ms at {walked['page_ms_at']}, {walked['rows_repeated']} repeated rows")
    results["walk"] = walked
    depth = opts.deep_pages * limit
    results["deep"] = page_scenario(
        opts, f"(f) page {opts.deep_pages + 1} (~{depth} rows deep)", deep_path
    )
    ratio = results["deep"]["p50_ms"] / results["first"]["p50_ms"]
    print(f"deep / first page p50: {ratio:.2f}x", flush=True)
    results["deep_over_first_p50"] = round(ratio, 2)
    results["explain"] = explain_part(opts, deep_path)
    return results


def explain_part(opts: argparse.Namespace, deep_path: str) -> dict[str, Any]:
    statements = {
        "query": search_sql(query=opts.common_query, limit=opts.limit),
        "first": search_sql(limit=opts.limit),
        "rare": search_sql(query=opts.rare_query, limit=opts.limit),
        "query_category": search_sql(
            query=opts.common_query, category=opts.category, limit=opts.limit
        ),
        "tag": search_sql(tags=[opts.tag], limit=opts.limit),
        "deep": search_sql(sort_by="created_at", cursor=decode_cursor(deep_path), limit=opts.limit),
    }
    if not opts.explain:
        statements = {"query": statements["query"]}
    connection = connect(opts.database_url)
    out: dict[str, Any] = {}
    try:
        for key, (sql, params) in statements.items():
            plan = explain(connection, sql, params)
            timing = next((line for line in plan if line.startswith("Execution Time")), "")
            out[key] = {"gin_index_used": any(GIN_INDEX in line for line in plan), "plan": plan}
            if key == "query":
                used = "yes" if out[key]["gin_index_used"] else "NO"
                node = next((line.strip() for line in plan if GIN_INDEX in line), "")
                print(
                    f"EXPLAIN (b): GIN index {GIN_INDEX} used: {used}"
                    f"{' (' + node.lstrip('-> ') + ')' if node else ''}; {timing}",
                    flush=True,
                )
            if opts.explain:
                print(f"-- plan, {key}:")
                for line in plan:
                    print("   " + line)
    finally:
        connection.close()
    return out


# ------------------------------------------------------------------------------ main


def loopback_or_exit(url: str, what: str, allow_socket: bool = False) -> None:
    host = urlsplit(url).hostname
    if host is None and allow_socket:
        return
    if host not in bench_module.LOOPBACK:
        raise SystemExit(f"refusing to use {what} on {host}: only loopback targets are allowed")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument(
        "--database-url", default="postgresql://postgres@127.0.0.1:5432/provider_registry_bench"
    )
    parser.add_argument("--services", type=int, default=100_000, help="services to seed")
    parser.add_argument("--providers", type=int, default=200, help="approved providers to add")
    parser.add_argument("--reuse", action="store_true", help="keep an already seeded table")
    parser.add_argument("--seed", type=int, help="random seed for the data (default: random)")
    parser.add_argument("--chunk", type=int, default=25_000, help="rows per COPY")
    parser.add_argument("--requests", type=int, default=1000, help="per scenario")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--processes", type=int, default=2, help="client worker processes")
    parser.add_argument("--limit", type=int, default=20, help="page size")
    parser.add_argument("--deep-pages", type=int, default=500, help="cursors followed for (f)")
    parser.add_argument("--common-query", default="healthcare")
    parser.add_argument("--rare-query", default="maritime quantized")
    parser.add_argument("--category", default="summarization")
    parser.add_argument("--tag", default="hipaa")
    parser.add_argument("--explain", action="store_true", help="print every scenario's plan")
    parser.add_argument("--json", action="store_true", help="also print one JSON document")
    opts = parser.parse_args()
    for name in ("services", "providers", "chunk", "requests", "concurrency", "deep_pages"):
        if getattr(opts, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    if not 1 <= opts.limit <= 100:
        parser.error("--limit must be between 1 and 100")
    if opts.category not in [c[0] for c in CATEGORIES]:
        parser.error(f"--category must be one of {[c[0] for c in CATEGORIES]}")
    loopback_or_exit(opts.url, "the server")
    loopback_or_exit(opts.database_url, "the database", allow_socket=True)
    opts.url = opts.url.rstrip("/")

    results: dict[str, Any] = {"url": opts.url}
    try:
        status, document, _ = get(opts.url, "/health")
        if status not in (200, 503):
            raise Failed(f"/health answered {status}: {document}")
        results["seed"] = seed(opts)
        results["scenarios"] = run_scenarios(opts)
    except Failed as exc:
        print(f"benchmark stopped: {exc}", file=sys.stderr)
        return 1
    if opts.json:
        print(json.dumps(results))
    unexpected = [
        (key, scenario["statuses"])
        for key, scenario in results["scenarios"].items()
        if isinstance(scenario, dict)
        and "statuses" in scenario
        and set(scenario["statuses"]) != {"200"}
    ]
    if results["scenarios"]["walk"]["rows_repeated"]:
        print("warning: the keyset walk returned some rows twice", file=sys.stderr)
    if unexpected:
        print(f"warning: unexpected statuses: {unexpected}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
