"""Usage in the current period: the pricing math (exact, with an explicit ``now``) and
GET /api/v1/usage (exact against the moment the report says it was computed)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

import pytest
from starlette.testclient import TestClient

from provider_registry.deployments.models import Deployment
from provider_registry.invoicing.service import usage
from provider_registry.kit.timeutil import utcnow
from tests.conftest import problem
from tests.portal.world import PRICES, Tenant, World

USAGE = "/api/v1/usage"
HOURLY = usage.PriceList.of(PRICES)
NOW = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)
START = datetime(2026, 11, 1, tzinfo=UTC)


def deployment(
    *,
    accepted_at: datetime | None,
    closed_at: datetime | None = None,
    state: str = "active",
    cpu: str = "2",
    memory: str = "4",
    storage: str = "20",
    gpu: int = 0,
) -> Deployment:
    return Deployment(
        owner_account_id=uuid.uuid4(),
        provider_id=uuid.uuid4(),
        name="web",
        cpu=Decimal(cpu),
        memory=Decimal(memory),
        storage=Decimal(storage),
        gpu=gpu,
        state=state,
        accepted_at=accepted_at,
        closed_at=closed_at,
    )


def prices(*entries: tuple[str, str, str], currency: str = "USD") -> usage.PriceList:
    return usage.PriceList.of(
        {
            "currency": currency,
            "prices": [
                {"resource": r, "unit": "u", "price": p, "interval": i} for r, p, i in entries
            ],
        }
    )


# The math, with an explicit now --------------------------------------------------------------


@pytest.mark.unit
def test_hourly_prices_times_resource_hours() -> None:
    row = deployment(accepted_at=NOW - timedelta(hours=10))
    accrual = usage.accrue(row, HOURLY, START, NOW, NOW)
    assert accrual.hours == Decimal("10")
    assert (accrual.cpu_hours, accrual.memory_gb_hours, accrual.storage_gb_hours) == (
        Decimal("20"),
        Decimal("40"),
        Decimal("200"),
    )
    assert accrual.gpu_hours == 0
    # 20 x 0.04 + 40 x 0.005 + 200 x 0.0001
    assert accrual.cost == Decimal("1.02")
    assert accrual.currency == "USD"
    assert usage.decimal_string(accrual.cost) == "1.02"


@pytest.mark.unit
def test_daily_and_monthly_prices_are_converted_to_hourly() -> None:
    row = deployment(accepted_at=NOW - timedelta(hours=10))
    price_list = prices(
        ("cpu", "0.96", "daily"),  # 0.04 / h
        ("memory", "3.65", "monthly"),  # 0.005 / h
        ("storage", "1", "monthly"),  # 1/730 per GiB-hour
    )
    accrual = usage.accrue(row, price_list, START, NOW, NOW)
    # 0.8 + 0.2 + 200/730 (0.27397260273972...) = 1.27397260273972... -> 8 places
    assert accrual.cost == Decimal("1.27397260")
    assert usage.decimal_string(accrual.cost) == "1.2739726"


@pytest.mark.unit
def test_money_rounds_half_to_even_once() -> None:
    price_list = prices(("cpu", "0.00000001", "hourly"))

    def cost(minutes: int) -> Decimal:
        row = deployment(
            accepted_at=NOW - timedelta(minutes=minutes), cpu="1", memory="0", storage="0"
        )
        return usage.accrue(row, price_list, START, NOW, NOW).cost

    # Exactly half a unit in the 8th place goes to the even neighbour (half up would not).
    assert cost(30) == 0  # 0.000000005
    assert cost(90) == Decimal("0.00000002")  # 0.000000015
    assert cost(150) == Decimal("0.00000002")  # 0.000000025


@pytest.mark.unit
def test_quantities_round_to_six_places() -> None:
    row = deployment(accepted_at=NOW - timedelta(seconds=1), cpu="1.5", memory="0", storage="0")
    accrual = usage.accrue(row, HOURLY, START, NOW, NOW)
    assert accrual.hours == Decimal("0.000278")  # 1/3600 = 0.000277777...
    assert accrual.cpu_hours == Decimal("0.000417")  # 1.5/3600 = 0.0004166...
    # the cost is priced from the rounded resource-hours shown: 0.000417 x 0.04
    assert accrual.cost == Decimal("0.00001668")


@pytest.mark.unit
def test_a_resource_without_a_price_costs_nothing() -> None:
    row = deployment(accepted_at=NOW - timedelta(hours=2), gpu=3)
    no_gpu = prices(("cpu", "0.04", "hourly"), ("memory", "0.005", "hourly"))
    accrual = usage.accrue(row, no_gpu, START, NOW, NOW)
    assert accrual.gpu_hours == Decimal("6")
    assert accrual.cost == Decimal("0.2")  # 4 x 0.04 + 8 x 0.005; gpu and storage free
    with_gpu = usage.accrue(row, HOURLY, START, NOW, NOW)
    assert with_gpu.cost == Decimal("0.2") + Decimal("0.004") + Decimal("7.2")


@pytest.mark.unit
def test_without_pricing_the_cost_is_zero_and_the_currency_unknown() -> None:
    row = deployment(accepted_at=NOW - timedelta(hours=2))
    accrual = usage.accrue(row, usage.PriceList.of(None), START, NOW, NOW)
    assert accrual.hours == 2
    assert accrual.cost == 0
    assert accrual.currency is None
    assert usage.decimal_string(accrual.cost) == "0"


@pytest.mark.unit
def test_the_active_interval_is_clipped_to_the_period_and_to_now() -> None:
    before = deployment(accepted_at=START - timedelta(days=3))
    assert usage.accrue(before, HOURLY, START, NOW, NOW).hours == Decimal(21 * 24 + 18)
    closed = deployment(
        accepted_at=NOW - timedelta(hours=5), closed_at=NOW - timedelta(hours=2), state="closed"
    )
    assert usage.accrue(closed, HOURLY, START, NOW, NOW).hours == 3
    closed_before = deployment(
        accepted_at=START - timedelta(days=3),
        closed_at=START - timedelta(days=1),
        state="closed",
    )
    assert usage.accrue(closed_before, HOURLY, START, NOW, NOW).hours == 0
    pending = deployment(accepted_at=None, state="pending")
    assert usage.accrue(pending, HOURLY, START, NOW, NOW).hours == 0


@pytest.mark.unit
def test_decimal_strings_are_plain() -> None:
    assert usage.decimal_string(Decimal("10.00000000")) == "10"
    assert usage.decimal_string(Decimal("1E+1")) == "10"
    assert usage.decimal_string(Decimal("0E-8")) == "0"
    assert usage.decimal_string(Decimal("0.05000000")) == "0.05"


# The API -------------------------------------------------------------------------------------


def expected(
    resources: dict[str, str], start: datetime, stop: datetime, hourly: dict[str, str]
) -> dict[str, str]:
    """The documented math, written out independently of the implementation."""
    q6, q8 = Decimal("0.000001"), Decimal("0.00000001")
    delta = stop - start
    micro = (delta.days * 86400 + delta.seconds) * 10**6 + delta.microseconds
    hours = Decimal(micro) / Decimal(3_600_000_000)
    names = {"cpu": "cpu_hours", "memory": "memory_gb_hours", "storage": "storage_gb_hours"}
    names["gpu"] = "gpu_hours"
    out: dict[str, str] = {
        "hours": usage.decimal_string(hours.quantize(q6, rounding=ROUND_HALF_EVEN))
    }
    cost = Decimal(0)
    for resource, field in names.items():
        resource_hours = (Decimal(resources[resource]) * hours).quantize(
            q6, rounding=ROUND_HALF_EVEN
        )
        out[field] = usage.decimal_string(resource_hours)
        cost += resource_hours * Decimal(hourly.get(resource, "0"))
    out["cost"] = usage.decimal_string(cost.quantize(q8, rounding=ROUND_HALF_EVEN))
    return out


STANDARD = {"cpu": "2", "memory": "4", "storage": "20", "gpu": "0"}
HOURLY_PRICES = {"cpu": "0.04", "memory": "0.005", "storage": "0.0001", "gpu": "1.20"}  # PRICES


def parse(moment: str) -> datetime:
    return datetime.fromisoformat(moment.replace("Z", "+00:00"))


@pytest.fixture
def world(client: TestClient, database_url: str) -> World:
    return World(client, database_url)


def get_usage(world: World, tenant: Tenant, **params: str) -> dict[str, Any]:
    response = world.client.get(USAGE, headers=tenant.headers, params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def items_by_id(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["deployment_id"]: item for item in body["items"]}


@pytest.mark.integration
def test_usage_is_exact_for_active_closed_and_carried_over_deployments(world: World) -> None:
    tenant = world.tenant()
    provider = world.provider()
    now = utcnow()
    start = usage.month_start(now)
    accepted = max(start, now - timedelta(hours=2))
    active = world.insert_deployment(tenant, provider, accepted_at=accepted, gpu=1, name="gpu")
    closed_at = accepted + (now - accepted) / 2
    closed = world.insert_deployment(
        tenant, provider, state="closed", accepted_at=accepted, closed_at=closed_at, name="done"
    )
    carried = world.insert_deployment(
        tenant, provider, accepted_at=start - timedelta(days=3), name="old"
    )
    world.insert_deployment(
        tenant,
        provider,
        state="closed",
        accepted_at=start - timedelta(days=5),
        closed_at=start - timedelta(days=4),
        name="last-month",
    )
    pending = world.insert_deployment(tenant, provider, state="pending", name="waiting")

    body = get_usage(world, tenant)
    assert parse(body["period"]["start"]) == start
    end = parse(body["period"]["end"])
    assert now <= end <= utcnow()
    items = items_by_id(body)
    assert set(items) == {active, closed, carried}  # not last month's, not the pending one
    assert pending not in items

    gpu = expected({**STANDARD, "gpu": "1"}, accepted, end, HOURLY_PRICES)
    assert {k: items[active][k] for k in gpu} == gpu
    assert items[active]["state"] == "active"
    assert items[active]["currency"] == "USD"
    assert items[active]["provider_id"] == provider.id
    assert items[active]["organization_id"] is None
    assert items[active]["name"] == "gpu"
    done = expected(STANDARD, accepted, closed_at, HOURLY_PRICES)
    assert {k: items[closed][k] for k in done} == done
    assert items[closed]["state"] == "closed"
    old = expected(STANDARD, start, end, HOURLY_PRICES)
    assert {k: items[carried][k] for k in old} == old

    total = sum((Decimal(item["cost"]) for item in body["items"]), Decimal(0))
    assert body["totals"] == [{"currency": "USD", "cost": usage.decimal_string(total)}]
    assert body["truncated"] is False
    assert [item["name"] for item in body["items"]] == ["old", "done", "gpu"]  # newest first


@pytest.mark.integration
def test_daily_monthly_prices_missing_gpu_price_and_unpriced_providers(world: World) -> None:
    tenant = world.tenant()
    daily = world.provider(
        prices={
            "currency": "EUR",
            "prices": [
                {"resource": "cpu", "unit": "vcpu", "price": "0.96", "interval": "daily"},
                {"resource": "memory", "unit": "GiB", "price": "3", "interval": "monthly"},
            ],
        }
    )
    unpriced = world.provider(approve=False)
    now = utcnow()
    accepted = max(usage.month_start(now), now - timedelta(hours=2))
    on_daily = world.insert_deployment(tenant, daily, accepted_at=accepted, gpu=2)
    on_unpriced = world.insert_deployment(tenant, unpriced, accepted_at=accepted)

    body = get_usage(world, tenant)
    end = parse(body["period"]["end"])
    items = items_by_id(body)
    resources = {**STANDARD, "gpu": "2"}
    hours = expected(resources, accepted, end, {})
    # hourly equivalents: 0.96/24 = 0.04 exactly; 3/730 is not finite, so compute the cost here
    q8 = Decimal("0.00000001")
    cost = (
        Decimal(hours["cpu_hours"]) * Decimal("0.96") / 24
        + Decimal(hours["memory_gb_hours"]) * Decimal("3") / 730
    ).quantize(q8, rounding=ROUND_HALF_EVEN)
    assert items[on_daily]["cost"] == usage.decimal_string(cost)
    assert items[on_daily]["gpu_hours"] == hours["gpu_hours"]  # counted, but not priced
    assert items[on_daily]["currency"] == "EUR"
    assert items[on_unpriced]["cost"] == "0"
    assert items[on_unpriced]["currency"] is None
    assert items[on_unpriced]["hours"] == hours["hours"]
    assert body["totals"] == [{"currency": "EUR", "cost": usage.decimal_string(cost)}]


@pytest.mark.integration
def test_totals_are_per_currency(world: World) -> None:
    tenant = world.tenant()
    usd = world.provider()
    eur = world.provider(prices={**PRICES, "currency": "EUR"})
    now = utcnow()
    accepted = max(usage.month_start(now), now - timedelta(hours=1))
    first = world.insert_deployment(tenant, usd, accepted_at=accepted)
    second = world.insert_deployment(tenant, usd, accepted_at=accepted, cpu="1")
    third = world.insert_deployment(tenant, eur, accepted_at=accepted)
    body = get_usage(world, tenant)
    items = items_by_id(body)
    usd_total = Decimal(items[first]["cost"]) + Decimal(items[second]["cost"])
    assert body["totals"] == [
        {"currency": "EUR", "cost": items[third]["cost"]},
        {"currency": "USD", "cost": usage.decimal_string(usd_total)},
    ]


@pytest.mark.integration
def test_visibility_organizations_and_the_filter(world: World) -> None:
    owner, member, viewer, outsider = (world.tenant() for _ in range(4))
    provider = world.provider()
    organization = world.insert_organization(owner, {"member": member, "viewer": viewer})
    accepted = max(usage.month_start(utcnow()), utcnow() - timedelta(hours=1))
    own = world.insert_deployment(owner, provider, accepted_at=accepted, name="own")
    shared = world.insert_deployment(
        member, provider, organization_id=organization, accepted_at=accepted, name="shared"
    )
    foreign = world.insert_deployment(outsider, provider, accepted_at=accepted, name="foreign")

    assert set(items_by_id(get_usage(world, owner))) == {own, shared}
    assert set(items_by_id(get_usage(world, member))) == {shared}
    assert set(items_by_id(get_usage(world, viewer))) == {shared}
    assert set(items_by_id(get_usage(world, outsider))) == {foreign}

    filtered = get_usage(world, owner, organization_id=organization)
    assert set(items_by_id(filtered)) == {shared}
    assert filtered["items"][0]["organization_id"] == organization
    # Not a member (or no such organization): 404, exactly alike.
    for organization_id in (organization, str(uuid.uuid4())):
        problem(
            world.client.get(
                USAGE, headers=outsider.headers, params={"organization_id": organization_id}
            ),
            404,
            "ORGANIZATION_NOT_FOUND",
        )
    problem(world.client.get(USAGE, headers=owner.headers, params={"organization_id": "nope"}), 400)


@pytest.mark.integration
def test_platform_admins_see_only_their_own_usage_here(world: World) -> None:
    tenant = world.tenant()
    provider = world.provider()
    admin_id = world.client.get("/api/v1/auth/me", headers=world.admin).json()["id"]
    admin = Tenant(id=admin_id, email="", headers=world.admin)
    accepted = max(usage.month_start(utcnow()), utcnow() - timedelta(hours=1))
    world.insert_deployment(tenant, provider, accepted_at=accepted)
    mine = world.insert_deployment(admin, provider, accepted_at=accepted)
    assert set(items_by_id(get_usage(world, admin))) == {mine}


@pytest.mark.integration
def test_who_may_ask(world: World) -> None:
    provider = world.provider()
    problem(world.client.get(USAGE, headers=provider.headers), 403)
    problem(world.client.get(USAGE), 401)
    problem(world.client.get(USAGE, headers=world.tenant().headers, params={"x": "1"}), 400)
    empty = get_usage(world, world.tenant())
    assert (empty["items"], empty["totals"], empty["truncated"]) == ([], [], False)


@pytest.mark.integration
def test_the_report_is_bounded_and_says_so(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(usage, "MAX_USAGE_DEPLOYMENTS", 2)
    tenant, provider = world.tenant(), world.provider()
    accepted = max(usage.month_start(utcnow()), utcnow() - timedelta(hours=1))
    ids = [world.insert_deployment(tenant, provider, accepted_at=accepted) for _ in range(3)]
    body = get_usage(world, tenant)
    assert body["truncated"] is True
    assert [item["deployment_id"] for item in body["items"]] == ids[:0:-1]  # the newest two
    total = sum((Decimal(item["cost"]) for item in body["items"]), Decimal(0))
    assert body["totals"] == [{"currency": "USD", "cost": usage.decimal_string(total)}]
