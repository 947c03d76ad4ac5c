from __future__ import annotations

from provider_registry.accounts.models import Account
from provider_registry.kit.repository import Repository


class AccountRepository(Repository[Account]):
    model = Account

    def by_email(self, email: str) -> Account | None:
        return self.get_one_or_none(Account.email == email.strip().lower())
