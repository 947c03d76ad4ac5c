"""Bill a story's deployment: move its acceptance into last month, then run the real
`provider-registry generate-invoices` command for that month.

Invoices are made for a month that has ended, from the hours each deployment was active in it;
a deployment the story accepted a second ago has no hours in any ended month. So the story's
deployment is made to have started on the 2nd of last month (a direct UPDATE of the test
database, the one thing here that is not done through the API) and last month is invoiced.

    python tests/clients/billing.py DEPLOYMENT_ID   (settings from PROVIDER_REGISTRY_* env)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, text

BIN = Path(sys.executable).parent


def last_month(now: datetime) -> datetime:
    """Midnight UTC on the 2nd of the month before ``now``'s."""
    first_of_this = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return (first_of_this - timedelta(days=1)).replace(day=2)


def bill_last_month(deployment_id: str, env: dict[str, str]) -> str:
    """Backdate the deployment, invoice last month; return the period (YYYY-MM)."""
    started = last_month(datetime.now(UTC))
    url = env["PROVIDER_REGISTRY_DATABASE_URL"]
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg2://", 1))
    try:
        with engine.begin() as connection:
            moved = connection.execute(
                text(
                    "UPDATE deployments SET created_at = :at, accepted_at = :at "
                    "WHERE id = :id AND accepted_at IS NOT NULL"
                ),
                {"at": started, "id": deployment_id},
            ).rowcount
    finally:
        engine.dispose()
    if moved != 1:
        raise SystemExit(f"deployment {deployment_id} is not an accepted deployment")
    period = f"{started:%Y-%m}"
    done = subprocess.run(
        [str(BIN / "provider-registry"), "generate-invoices", "--period", period],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"generate-invoices failed:\n{done.stdout}{done.stderr}")
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    print(json.dumps({"period": period, "summary": summary}), file=sys.stderr)
    return period


if __name__ == "__main__":
    print(bill_last_month(sys.argv[1], dict(os.environ)))
