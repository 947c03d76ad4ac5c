from __future__ import annotations

from typing import Any

from sqlalchemy import Row, bindparam, select

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


_ACCOUNTS: Any = Account.__table__  # type: ignore[attr-defined]
_BY_WALLET = select(_ACCOUNTS).where(_ACCOUNTS.c.wallet_address == bindparam("address"))
