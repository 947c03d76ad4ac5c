from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Row, bindparam, select, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col
from sqlmodel import select as orm_select

from provider_registry.accounts.models import Account
from provider_registry.kit.repository import Repository


class AccountRepository(Repository[Account]):
    model = Account

    def by_email(self, email: str) -> Account | None:
        return self.get_one_or_none(Account.email == email.strip().lower())

    def row_by_wallet(self, address: str) -> Row[Any] | None:
        """The account whose identity is this wallet address, as a Core row (every wallet-signed
        request reads it; see ``Repository.row``)."""
        return self.session.connection().execute(_BY_WALLET, {"address": address}).first()

    def add_wallet_account(self, address: str) -> Account:
        """A consumer account whose identity is this wallet address. Two first requests at once:
        one insert wins (in a savepoint), the other reads the winner's row."""
        try:
            with self.session.begin_nested():
                account = Account(
                    wallet_address=address,
                    email=None,
                    first_name="",
                    last_name="",
                    role="consumer",
                    status="active",
                )
                self.session.add(account)
        except IntegrityError:
            account = self.session.exec(
                orm_select(Account).where(col(Account.wallet_address) == address)
            ).one()
        return account

    def set_and_end_sessions(self, account: Account, values: dict[str, Any], now: datetime) -> None:
        """Apply ``values`` and move the token epoch on in one UPDATE (every access token issued
        before stops working at once); ``account`` is refreshed from the row."""
        self.session.execute(
            update(Account)
            .where(col(Account.id) == account.id)
            .values(**values, token_epoch=col(Account.token_epoch) + 1, updated_at=now)
        )
        self.session.refresh(account)


_ACCOUNTS: Any = Account.__table__  # type: ignore[attr-defined]
_BY_WALLET = select(_ACCOUNTS).where(_ACCOUNTS.c.wallet_address == bindparam("address"))
