"""Invoices: the generate-invoices command (party and currency grouping, idempotency, concurrent
runs, bad periods), who sees which invoice, the status filter with overdue, and paying."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func
from sqlmodel import col, select
from starlette.testclient import TestClient

from provider_registry import cli
from provider_registry.config import Settings
from provider_registry.invoicing.models import Invoice, InvoiceLine
from provider_registry.invoicing.service import invoices, usage
from provider_registry.kit import db
from provider_registry.kit.timeutil import utcnow
from tests.conftest import MakeSettings, problem, settings_env
from tests.portal.world import PRICES, ProviderActor, Tenant, World, db_session

pytestmark = pytest.mark.integration

INVOICES = "/api/v1/invoices"
NUMBER = re.compile(r"^INV-\d{6}-[0-9A-F]{8}$")


def previous_month(now: datetime) -> tuple[str, datetime, datetime]:
    end = usage.month_start(now)
    start = usage.month_start(end - timedelta(days=1))
    return f"{start:%Y-%m}", start, end


@pytest.fixture
def world(client: TestClient, database_url: str) -> World:
    return World(client, database_url)


@pytest.fixture
def cli_env(clean_db: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The environment the command reads its settings from (the test database)."""
    for name, value in settings_env(clean_db).items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("PROVIDER_REGISTRY_CONFIG", raising=False)
    return clean_db


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main(["generate-invoices", *args])
    out, err = capsys.readouterr()
    return code, out, err


def generate(capsys: pytest.CaptureFixture[str], period: str) -> dict[str, Any]:
    code, out, err = run_cli(capsys, "--period", period)
    assert code == 0, err
    lines = out.strip().splitlines()
    assert len(lines) == 1, out  # a one-line JSON summary
    summary: dict[str, Any] = json.loads(lines[0])
    return summary


def count(world: World, model: Any, *where: Any) -> int:
    with db_session(world.database_url) as session:
        return int(session.exec(select(func.count()).select_from(model).where(*where)).one())


@dataclass
class Billed:
    """Last month: A's own two deployments (one spanning into this month), and one of the
    organization's, owned by its member C; plus deployments that must not be billed."""

    period: str
    start: datetime
    end: datetime
    a: Tenant
    org_admin: Tenant
    member: Tenant
    viewer: Tenant
    outsider: Tenant
    provider: ProviderActor
    organization: str
    a_closed: str
    a_spanning: str
    org_deployment: str


@pytest.fixture
def billed(world: World, cli_env: str) -> Billed:
    period, start, end = previous_month(utcnow())
    a, org_admin, member, viewer, outsider = (world.tenant() for _ in range(5))
    provider = world.provider()
    organization = world.insert_organization(org_admin, {"member": member, "viewer": viewer})
    a_closed = world.insert_deployment(
        a,
        provider,
        state="closed",
        accepted_at=start + timedelta(days=1),
        closed_at=start + timedelta(days=1, hours=10),
        name="batch",
    )
    a_spanning = world.insert_deployment(
        a, provider, accepted_at=end - timedelta(hours=3), name="web"
    )
    org_deployment = world.insert_deployment(
        member,
        provider,
        state="closed",
        organization_id=organization,
        accepted_at=start - timedelta(days=2),
        closed_at=start + timedelta(hours=5),
        name="shared",
    )
    # Not billed for last month: this month's, a pending one, one closed before the period.
    world.insert_deployment(a, provider, accepted_at=end + timedelta(minutes=1), name="new")
    world.insert_deployment(a, provider, state="pending", name="waiting")
    world.insert_deployment(
        a,
        provider,
        state="closed",
        accepted_at=start - timedelta(days=9),
        closed_at=start - timedelta(days=8),
        name="ancient",
    )
    return Billed(
        period, start, end, a, org_admin, member, viewer, outsider, provider, organization,
        a_closed, a_spanning, org_deployment,
    )  # fmt: skip


def listed(world: World, tenant: Tenant | dict[str, str], **params: Any) -> list[dict[str, Any]]:
    headers = tenant.headers if isinstance(tenant, Tenant) else tenant
    response = world.client.get(INVOICES, headers=headers, params=params)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def one(world: World, tenant: Tenant | dict[str, str], invoice_id: str) -> Any:
    headers = tenant.headers if isinstance(tenant, Tenant) else tenant
    return world.client.get(f"{INVOICES}/{invoice_id}", headers=headers)


# Generation --------------------------------------------------------------------------------------


def test_one_invoice_per_party_and_running_again_adds_nothing(
    world: World, billed: Billed, capsys: pytest.CaptureFixture[str]
) -> None:
    first = generate(capsys, billed.period)
    # A: 10 h x 0.102 + 3 h x 0.102; the organization: 5 h x 0.102 (per hour: 2 x 0.04 +
    # 4 x 0.005 + 20 x 0.0001 = 0.102)
    assert first == {
        "period": billed.period,
        "created": 2,
        "existing": 0,
        "skipped_zero_total": 0,
        "unpriced_deployments": 0,
        "totals": [{"currency": "USD", "total": "1.836"}],
    }
    assert count(world, Invoice) == 2
    assert count(world, InvoiceLine) == 3

    again = generate(capsys, billed.period)
    assert again == {**first, "created": 0, "existing": 2}
    assert count(world, Invoice) == 2
    assert count(world, InvoiceLine) == 3


def test_the_invoice_as_its_account_sees_it(
    world: World, billed: Billed, capsys: pytest.CaptureFixture[str]
) -> None:
    generate(capsys, billed.period)
    (summary,) = listed(world, billed.a)
    assert "lines" not in summary
    assert NUMBER.match(summary["number"])
    assert summary["number"].startswith("INV-" + billed.period.replace("-", ""))
    assert summary["billed_to"] == {"kind": "account", "id": billed.a.id}
    assert summary["period"] == billed.period
    assert (summary["currency"], summary["total"]) == ("USD", "1.326")
    assert summary["status"] == "pending"
    assert summary["paid_at"] is None
    # due = the first day after the period + portal.invoice_due_days (30 by default)
    assert summary["due_date"] == (billed.end.date() + timedelta(days=30)).isoformat()

    response = one(world, billed.a, summary["id"])
    assert response.status_code == 200, response.text
    invoice = response.json()
    assert {k: invoice[k] for k in summary} == summary
    lines = {line["deployment_id"]: line for line in invoice["lines"]}
    assert set(lines) == {billed.a_closed, billed.a_spanning}
    assert lines[billed.a_closed] == {
        "deployment_id": billed.a_closed,
        "provider_id": billed.provider.id,
        "description": lines[billed.a_closed]["description"],
        "cpu_hours": "20",
        "memory_gb_hours": "40",
        "storage_gb_hours": "200",
        "gpu_hours": "0",
        "amount": "1.02",
    }
    assert "batch" in lines[billed.a_closed]["description"]
    assert (lines[billed.a_spanning]["cpu_hours"], lines[billed.a_spanning]["amount"]) == (
        "6",
        "0.306",
    )


def test_who_sees_which_invoice(
    world: World, billed: Billed, capsys: pytest.CaptureFixture[str]
) -> None:
    generate(capsys, billed.period)
    (own,) = listed(world, billed.a)
    (org,) = listed(world, billed.org_admin)
    assert org["billed_to"] == {"kind": "organization", "id": billed.organization}
    assert org["total"] == "0.51"
    assert one(world, billed.org_admin, org["id"]).json()["lines"][0]["deployment_id"] == (
        billed.org_deployment
    )
    # Members and viewers of the organization do not see its invoices, not even the member whose
    # deployment is on it; other tenants see nothing; all of them exactly as for a missing id.
    for tenant in (billed.member, billed.viewer, billed.outsider):
        assert listed(world, tenant) == []
        problem(one(world, tenant, org["id"]), 404, "INVOICE_NOT_FOUND")
    problem(one(world, billed.outsider, own["id"]), 404, "INVOICE_NOT_FOUND")
    problem(one(world, billed.org_admin, own["id"]), 404, "INVOICE_NOT_FOUND")
    problem(one(world, billed.a, str(uuid.uuid4())), 404, "INVOICE_NOT_FOUND")
    problem(one(world, billed.a, "not-a-uuid"), 400)
    # Platform admins see every invoice.
    assert {item["id"] for item in listed(world, world.admin)} == {own["id"], org["id"]}
    assert one(world, world.admin, org["id"]).status_code == 200
    # Providers are not billed here.
    problem(world.client.get(INVOICES, headers=billed.provider.headers), 403)
    problem(world.client.get(INVOICES), 401)


def test_currencies_zero_totals_and_unpriced_providers(
    world: World, cli_env: str, capsys: pytest.CaptureFixture[str]
) -> None:
    period, start, _ = previous_month(utcnow())
    tenant = world.tenant()
    usd = world.provider()
    eur = world.provider(prices={**PRICES, "currency": "EUR"})
    free = world.provider(
        prices={
            "currency": "USD",
            "prices": [{"resource": "cpu", "unit": "vcpu", "price": "0", "interval": "hourly"}],
        }
    )
    unpriced = world.provider(approve=False)
    other = world.tenant()
    accepted, closed = start + timedelta(days=2), start + timedelta(days=2, hours=1)
    for provider in (usd, eur, unpriced):
        world.insert_deployment(
            tenant, provider, state="closed", accepted_at=accepted, closed_at=closed
        )
    world.insert_deployment(other, free, state="closed", accepted_at=accepted, closed_at=closed)

    summary = generate(capsys, period)
    assert summary["created"] == 2  # the tenant in USD and in EUR
    assert summary["skipped_zero_total"] == 1  # nothing to pay: no invoice
    assert summary["unpriced_deployments"] == 1
    assert summary["totals"] == [
        {"currency": "EUR", "total": "0.102"},
        {"currency": "USD", "total": "0.102"},
    ]
    items = listed(world, tenant)
    assert sorted(item["currency"] for item in items) == ["EUR", "USD"]
    assert listed(world, other) == []


@pytest.mark.parametrize("period", ["2026-13", "2026-1", "26-01", "2026-00", "0000-05", "x", ""])
def test_a_malformed_period_is_exit_code_2(
    world: World, cli_env: str, capsys: pytest.CaptureFixture[str], period: str
) -> None:
    code, out, err = run_cli(capsys, "--period", period)
    assert code == 2
    assert out == ""
    assert "YYYY-MM" in err


def test_a_month_that_has_not_ended_is_exit_code_2(
    world: World, cli_env: str, capsys: pytest.CaptureFixture[str]
) -> None:
    tenant, provider = world.tenant(), world.provider()
    world.insert_deployment(tenant, provider, accepted_at=utcnow() - timedelta(minutes=5))
    now = utcnow()
    current = usage.month_start(now)
    for period in (f"{current:%Y-%m}", f"{usage.next_month(current):%Y-%m}", "2999-01"):
        code, out, err = run_cli(capsys, "--period", period)
        assert code == 2, (period, out)
        assert "has not ended" in err
    assert count(world, Invoice) == 0


def test_an_unmigrated_database_is_refused(
    cli_env: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("PROVIDER_REGISTRY_DATABASE_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    code, out, err = run_cli(capsys, "--period", "2026-01")
    assert code == 1
    assert out == ""
    assert "migrate" in err


def _many_parties(world: World, start: datetime, parties: int) -> None:
    usd = world.provider()
    eur = world.provider(prices={**PRICES, "currency": "EUR"})
    tenants = [world.tenant() for _ in range(parties)]
    for tenant in tenants:
        world.insert_deployment(
            tenant,
            usd,
            state="closed",
            accepted_at=start + timedelta(hours=1),
            closed_at=start + timedelta(hours=3),
        )
    world.insert_deployment(tenants[0], eur, accepted_at=start + timedelta(days=3))


def test_concurrent_runs_neither_fail_nor_duplicate(
    world: World, make_settings: MakeSettings
) -> None:
    period_label, start, _ = previous_month(utcnow())
    _many_parties(world, start, parties=6)
    settings: Settings = make_settings()
    database = db.Database(db.make_engine(settings.database))
    period = invoices.parse_period(period_label, utcnow())
    barrier = threading.Barrier(8)
    results: list[dict[str, Any]] = []
    errors: list[Exception] = []

    def run() -> None:
        barrier.wait()
        try:
            results.append(invoices.generate(database.sessions, period, due_days=30))
        except Exception as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(8)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        database.dispose()
    assert errors == []
    assert sum(result["created"] for result in results) == 7
    assert all(result["created"] + result["existing"] == 7 for result in results)
    assert len({json.dumps(result["totals"]) for result in results}) == 1
    assert count(world, Invoice) == 7
    assert count(world, InvoiceLine) == 7


def test_two_concurrent_processes(world: World, cli_env: str) -> None:
    period, start, _ = previous_month(utcnow())
    _many_parties(world, start, parties=3)
    env = {**settings_env(cli_env), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-m", "provider_registry.cli", "generate-invoices"]
    processes = [
        subprocess.Popen(
            [*command, "--period", period],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert [process.returncode for process in processes] == [0, 0], outputs
    summaries = [json.loads(out) for out, _ in outputs]
    assert sum(summary["created"] for summary in summaries) == 4
    assert all(summary["created"] + summary["existing"] == 4 for summary in summaries)
    assert count(world, Invoice) == 4


# Status, paging and paying -----------------------------------------------------------------------


@pytest.fixture
def overdue(world: World, billed: Billed, capsys: pytest.CaptureFixture[str]) -> str:
    """An invoice for January 2026 (due 2026-03-03, long past), billed to A."""
    world.insert_deployment(
        billed.a,
        billed.provider,
        state="closed",
        accepted_at=datetime(2026, 1, 10, tzinfo=UTC),
        closed_at=datetime(2026, 1, 10, 1, tzinfo=UTC),
        name="january",
    )
    summary = generate(capsys, "2026-01")
    assert summary["created"] == 1
    generate(capsys, billed.period)
    (item,) = [i for i in listed(world, billed.a) if i["period"] == "2026-01"]
    return str(item["id"])


def test_overdue_is_computed_and_filtered(world: World, billed: Billed, overdue: str) -> None:
    invoice = one(world, billed.a, overdue).json()
    assert invoice["due_date"] == "2026-03-03"
    assert date.fromisoformat(invoice["due_date"]) < utcnow().date()
    assert invoice["status"] == "overdue"
    assert [i["id"] for i in listed(world, billed.a, status="overdue")] == [overdue]
    pending = listed(world, billed.a, status="pending")
    assert [i["period"] for i in pending] == [billed.period]
    assert pending[0]["status"] == "pending"
    assert listed(world, billed.a, status="paid") == []
    assert len(listed(world, billed.a)) == 2
    problem(
        world.client.get(INVOICES, headers=billed.a.headers, params={"status": "late"}),
        400,
    )


def test_paying_an_invoice(world: World, billed: Billed, overdue: str) -> None:
    pay = f"{INVOICES}/{overdue}/pay"
    problem(world.client.post(pay, headers=billed.a.headers), 403)
    problem(world.client.post(pay, headers=billed.provider.headers), 403)
    assert one(world, billed.a, overdue).json()["status"] == "overdue"

    before = utcnow()
    response = world.client.post(pay, headers=world.admin)
    assert response.status_code == 200, response.text
    paid = response.json()
    assert paid["status"] == "paid"
    assert before <= datetime.fromisoformat(paid["paid_at"].replace("Z", "+00:00")) <= utcnow()
    assert len(paid["lines"]) == 1
    assert one(world, billed.a, overdue).json() == paid
    assert [i["id"] for i in listed(world, billed.a, status="paid")] == [overdue]
    assert listed(world, billed.a, status="overdue") == []

    again = problem(world.client.post(pay, headers=world.admin), 409, "INVOICE_ALREADY_PAID")
    assert again["paid_at"] == paid["paid_at"]
    problem(
        world.client.post(f"{INVOICES}/{uuid.uuid4()}/pay", headers=world.admin),
        404,
        "INVOICE_NOT_FOUND",
    )
    events = world.client.get(
        "/api/v1/admin/audit-events",
        headers=world.admin,
        params={"target_id": overdue, "action": "invoice.paid"},
    ).json()["items"]
    assert len(events) == 1


def test_concurrent_payments_have_exactly_one_winner(
    world: World, billed: Billed, capsys: pytest.CaptureFixture[str]
) -> None:
    generate(capsys, billed.period)
    (invoice,) = listed(world, billed.a)
    barrier = threading.Barrier(8)
    statuses: list[int] = []

    def attempt() -> None:
        barrier.wait()
        statuses.append(
            world.client.post(f"{INVOICES}/{invoice['id']}/pay", headers=world.admin).status_code
        )

    threads = [threading.Thread(target=attempt) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200] + [409] * 7
    assert count(world, Invoice, col(Invoice.status) == "paid") == 1


def test_pages_newest_first_and_a_bad_cursor_is_400(
    world: World, billed: Billed, overdue: str
) -> None:
    everything = listed(world, world.admin)
    assert len(everything) == 3
    created = [item["created_at"] for item in everything]
    assert created == sorted(created, reverse=True)
    seen: list[str] = []
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"limit": 1, **({"cursor": cursor} if cursor else {})}
        response = world.client.get(INVOICES, headers=world.admin, params=params)
        assert response.status_code == 200, response.text
        body = response.json()
        seen += [item["id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == [item["id"] for item in everything]
    body = problem(
        world.client.get(INVOICES, headers=world.admin, params={"cursor": "bm90LWEtY3Vyc29y"}),
        400,
        "VALIDATION_ERROR",
    )
    assert body["errors"][0]["code"] == "INVALID_CURSOR"
    problem(world.client.get(INVOICES, headers=world.admin, params={"limit": 101}), 400)
